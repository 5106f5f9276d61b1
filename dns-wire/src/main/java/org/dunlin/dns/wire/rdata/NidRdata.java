package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * NID: an ILNP node identifier (RFC 6742 §2.1.1), printed as four hex groups {@code 14:4fff:ff20:ee64}.
 * <pre>
 *   | PREFERENCE (16) |  NODEID (64)  |
 * </pre>
 */
public record NidRdata(int preference, long nodeId) implements Rdata {
    public NidRdata {
        Check.u16(preference, "NID.preference");
    }

    @Override
    public RRType type() {
        return RRType.NID;
    }
}
