package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * MR: RFC 1035 §3.3.8 (experimental): a mailbox renamed to the owner. Compressed in messages; lower-cased in canonical form.
 */
public record MrRdata(Name newName) implements Rdata {
    public MrRdata {
        Check.absolute(newName, "MR.newName");
    }

    @Override
    public RRType type() {
        return RRType.MR;
    }
}
