package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * NSEC3: hashed authenticated denial of existence (RFC 5155 §3.2). The salt prints as hex ("-" when
 * empty) and the next hashed owner name as unpadded base32hex.
 * <pre>
 *   | HASH ALG (8) | FLAGS (8) |   ITERATIONS (16)   |
 *   | SALT LENGTH (8) |  /  SALT  /
 *   | HASH LENGTH (8) |  /  NEXT HASHED OWNER NAME  /
 *   /  TYPE BIT MAPS  /
 * </pre>
 */
public record Nsec3Rdata(int hashAlgorithm, int flags, int iterations, ByteString salt, ByteString nextHashedOwner,
        TypeBitmap types) implements Rdata {
    /** The opt-out flag (RFC 5155 §3.1.2.1). */
    public static final int FLAG_OPT_OUT = 1;

    public Nsec3Rdata {
        Check.u8(hashAlgorithm, "NSEC3.hashAlgorithm");
        Check.u8(flags, "NSEC3.flags");
        Check.u16(iterations, "NSEC3.iterations");
        Check.bytes(salt, 0, 255, "NSEC3.salt");
        Check.bytes(nextHashedOwner, 1, 255, "NSEC3.nextHashedOwner");
        Check.notNull(types, "NSEC3.types");
    }

    /** Whether the opt-out flag is set. */
    public boolean optOut() {
        return (flags & FLAG_OPT_OUT) != 0;
    }

    @Override
    public RRType type() {
        return RRType.NSEC3;
    }
}
