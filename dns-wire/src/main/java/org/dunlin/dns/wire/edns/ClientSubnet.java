package org.dunlin.dns.wire.edns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.dunlin.dns.wire.internal.Check;

/**
 * EDNS Client Subnet (RFC 7871 §6). The address is held in full (IPv4 or IPv6) with every bit beyond
 * {@code sourcePrefixLength} zero; on the wire it is truncated to whole octets. The family (1 or 2) is
 * that of the address.
 * <pre>
 *   |  FAMILY (16)  | SOURCE PREFIX-LENGTH (8) | SCOPE PREFIX-LENGTH (8) |  /  ADDRESS...  /
 * </pre>
 */
public record ClientSubnet(InetAddress address, int sourcePrefixLength, int scopePrefixLength) implements EdnsOption {
    public ClientSubnet {
        Check.notNull(address, "ECS address");
        int max = address instanceof Inet4Address ? 32 : 128;
        if (sourcePrefixLength < 0 || sourcePrefixLength > max) {
            throw new IllegalArgumentException("ECS source prefix out of range 0.." + max + ": " + sourcePrefixLength);
        }
        if (scopePrefixLength < 0 || scopePrefixLength > max) {
            throw new IllegalArgumentException("ECS scope prefix out of range 0.." + max + ": " + scopePrefixLength);
        }
        byte[] b = address.getAddress();
        if (!isMasked(b, sourcePrefixLength)) {
            throw new IllegalArgumentException("ECS address has bits set beyond the source prefix (RFC 7871 §6)");
        }
    }

    /** The option for {@code address/sourcePrefixLength}, the address masked to the prefix. */
    public static ClientSubnet of(InetAddress address, int sourcePrefixLength) {
        byte[] b = address.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, sourcePrefixLength - 8 * i));
            b[i] &= (byte) (0xFF00 >>> keep);
        }
        try {
            InetAddress masked = b.length == 4 ? InetAddress.getByAddress(b) : java.net.Inet6Address.getByAddress(null, b, -1);
            return new ClientSubnet(masked, sourcePrefixLength, 0);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static boolean isMasked(byte[] b, int prefix) {
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            if ((b[i] & ~(0xFF00 >>> keep) & 0xFF) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The FAMILY field: 1 for IPv4, 2 for IPv6. */
    public int family() {
        return address instanceof Inet4Address ? 1 : 2;
    }

    @Override
    public EdnsOptionCode code() {
        return EdnsOptionCode.CLIENT_SUBNET;
    }
}
