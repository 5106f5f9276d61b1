package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * URI: a URI for a service (RFC 7553 §4.5); the target runs to the end of the RDATA and prints as a
 * quoted string.
 * <pre>
 *   | PRIORITY (16) | WEIGHT (16) |  /  TARGET  /
 * </pre>
 */
public record UriRdata(int priority, int weight, ByteString target) implements Rdata {
    public UriRdata {
        Check.u16(priority, "URI.priority");
        Check.u16(weight, "URI.weight");
        Check.bytes(target, 1, 65535, "URI.target");
    }

    @Override
    public RRType type() {
        return RRType.URI;
    }
}
