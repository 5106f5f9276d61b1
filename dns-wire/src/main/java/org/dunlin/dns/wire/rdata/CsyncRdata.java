package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * CSYNC: child-to-parent synchronization (RFC 7477 §2.1).
 * <pre>
 *   |  SOA SERIAL (32)  |  FLAGS (16)  |  /  TYPE BIT MAPS  /
 * </pre>
 */
public record CsyncRdata(long serial, int flags, TypeBitmap types) implements Rdata {
    public CsyncRdata {
        Check.u32(serial, "CSYNC.serial");
        Check.u16(flags, "CSYNC.flags");
        Check.notNull(types, "CSYNC.types");
    }

    @Override
    public RRType type() {
        return RRType.CSYNC;
    }
}
