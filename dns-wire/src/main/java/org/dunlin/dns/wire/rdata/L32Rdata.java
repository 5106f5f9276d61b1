package org.dunlin.dns.wire.rdata;

import java.net.Inet4Address;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * L32: a 32-bit ILNP locator (RFC 6742 §2.2.1), written like an IPv4 address.
 * <pre>
 *   | PREFERENCE (16) |  LOCATOR32 (32)  |
 * </pre>
 */
public record L32Rdata(int preference, Inet4Address locator) implements Rdata {
    public L32Rdata {
        Check.u16(preference, "L32.preference");
        Check.notNull(locator, "L32.locator");
    }

    @Override
    public RRType type() {
        return RRType.L32;
    }
}
