package org.dunlin.dns.wire.rdata;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * APL: lists of address prefixes (RFC 3123 §4). Class IN only. Families 1 (IPv4) and 2 (IPv6) are
 * supported; the address part carries no trailing zero octets (RFC 3123 §4.1: one wire encoding per
 * prefix, which DNSSEC needs).
 * <pre>
 *   | ADDRESSFAMILY (16) | PREFIX (8) | N | AFDLENGTH (7) |  /  AFDPART  /   (repeated)
 * </pre>
 */
public record AplRdata(List<AplRdata.Item> items) implements Rdata {
    public AplRdata {
        items = Check.list(items, "APL.items");
    }

    /**
     * One prefix. {@code address} is the AFD part: the address octets without trailing zeros.
     */
    public record Item(boolean negation, int family, int prefixLength, ByteString address) {
        public Item {
            if (family != 1 && family != 2) {
                throw new IllegalArgumentException("APL family must be 1 (IPv4) or 2 (IPv6): " + family);
            }
            int max = family == 1 ? 32 : 128;
            if (prefixLength < 0 || prefixLength > max) {
                throw new IllegalArgumentException("APL prefix out of range 0.." + max + ": " + prefixLength);
            }
            Check.bytes(address, 0, max / 8, "APL address");
            if (!address.isEmpty() && address.get(address.length() - 1) == 0) {
                throw new IllegalArgumentException("APL address part must not end in a zero octet (RFC 3123 §4.1)");
            }
        }

        /** The item for {@code address/prefixLength}, trailing zero octets removed. */
        public static Item of(boolean negation, InetAddress address, int prefixLength) {
            byte[] b = address.getAddress();
            int n = b.length;
            while (n > 0 && b[n - 1] == 0) {
                n--;
            }
            return new Item(negation, address instanceof Inet4Address ? 1 : 2, prefixLength, ByteString.copyOf(b, 0, n));
        }
    }

    @Override
    public RRType type() {
        return RRType.APL;
    }
}
