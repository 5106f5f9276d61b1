package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * L64: a 64-bit ILNP locator (RFC 6742 §2.3.1), printed as four hex groups.
 * <pre>
 *   | PREFERENCE (16) |  LOCATOR64 (64)  |
 * </pre>
 */
public record L64Rdata(int preference, long locator) implements Rdata {
    public L64Rdata {
        Check.u16(preference, "L64.preference");
    }

    @Override
    public RRType type() {
        return RRType.L64;
    }
}
