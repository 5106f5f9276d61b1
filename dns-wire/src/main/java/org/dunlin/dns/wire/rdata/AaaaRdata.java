package org.dunlin.dns.wire.rdata;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;
import org.dunlin.dns.wire.internal.TextUtil;

/**
 * AAAA: an IPv6 address (RFC 3596 §2.2), 128 bits. Class IN only. IPv4-mapped addresses stay
 * {@link Inet6Address}es (use {@link #of(String)} or {@link Inet6Address#getByAddress(String, byte[], int)};
 * {@code InetAddress.getByAddress} would turn them into IPv4 addresses).
 */
public record AaaaRdata(Inet6Address address) implements Rdata {
    public AaaaRdata {
        Check.notNull(address, "AAAA.address");
    }

    /** The AAAA record for an address in RFC 4291 text form, e.g. {@code "2001:db8::1"}. */
    public static AaaaRdata of(String text) {
        byte[] b = TextUtil.parseIpv6(text);
        if (b == null) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        try {
            return new AaaaRdata(Inet6Address.getByAddress(null, b, -1));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public RRType type() {
        return RRType.AAAA;
    }
}
