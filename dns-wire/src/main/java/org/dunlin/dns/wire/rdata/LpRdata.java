package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * LP: an ILNP locator pointer (RFC 6742 §2.4.1); the name is never compressed.
 * <pre>
 *   | PREFERENCE (16) |  /  FQDN  /
 * </pre>
 */
public record LpRdata(int preference, Name fqdn) implements Rdata {
    public LpRdata {
        Check.u16(preference, "LP.preference");
        Check.absolute(fqdn, "LP.fqdn");
    }

    @Override
    public RRType type() {
        return RRType.LP;
    }
}
