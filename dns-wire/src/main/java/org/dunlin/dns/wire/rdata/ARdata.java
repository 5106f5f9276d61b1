package org.dunlin.dns.wire.rdata;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;
import org.dunlin.dns.wire.internal.TextUtil;

/**
 * A: an IPv4 address (RFC 1035 §3.4.1). Class IN only; in other classes A is decoded as
 * {@link UnknownRdata}.
 * <pre>
 *   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *   |                    ADDRESS                    |   (32 bits)
 *   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * </pre>
 */
public record ARdata(Inet4Address address) implements Rdata {
    public ARdata {
        Check.notNull(address, "A.address");
    }

    /** The A record for a dotted-quad address such as {@code "192.0.2.1"}. */
    public static ARdata of(String dottedQuad) {
        byte[] b = TextUtil.parseIpv4(dottedQuad);
        if (b == null) {
            throw new IllegalArgumentException("not an IPv4 address: " + dottedQuad);
        }
        try {
            return new ARdata((Inet4Address) InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public RRType type() {
        return RRType.A;
    }
}
