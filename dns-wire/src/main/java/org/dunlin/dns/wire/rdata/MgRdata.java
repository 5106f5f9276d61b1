package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * MG: RFC 1035 §3.3.6 (experimental): a member of the owner mail group. Compressed in messages; lower-cased in canonical form.
 */
public record MgRdata(Name mailbox) implements Rdata {
    public MgRdata {
        Check.absolute(mailbox, "MG.mailbox");
    }

    @Override
    public RRType type() {
        return RRType.MG;
    }
}
