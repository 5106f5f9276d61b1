package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * RDATA of a type this library has no codec for (or of a class-specific type such as A in a class
 * other than IN), kept as opaque octets and printed in the RFC 3597 §5 generic form
 * {@code \# length hex}. Such data is never compressed and keeps its exact octets in canonical form
 * (RFC 3597 §4, §7).
 */
public record UnknownRdata(RRType type, ByteString data) implements Rdata {
    public UnknownRdata {
        Check.notNull(type, "unknown RDATA type");
        Check.bytes(data, 0, 65535, "RDATA");
    }
}
