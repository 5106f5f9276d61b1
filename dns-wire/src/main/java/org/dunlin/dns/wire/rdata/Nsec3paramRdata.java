package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * NSEC3PARAM: the NSEC3 parameters of a zone (RFC 5155 §4.2).
 * <pre>
 *   | HASH ALG (8) | FLAGS (8) | ITERATIONS (16) | SALT LENGTH (8) |  /  SALT  /
 * </pre>
 */
public record Nsec3paramRdata(int hashAlgorithm, int flags, int iterations, ByteString salt) implements Rdata {
    public Nsec3paramRdata {
        Check.u8(hashAlgorithm, "NSEC3PARAM.hashAlgorithm");
        Check.u8(flags, "NSEC3PARAM.flags");
        Check.u16(iterations, "NSEC3PARAM.iterations");
        Check.bytes(salt, 0, 255, "NSEC3PARAM.salt");
    }

    @Override
    public RRType type() {
        return RRType.NSEC3PARAM;
    }
}
