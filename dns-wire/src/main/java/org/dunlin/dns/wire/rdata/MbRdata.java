package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * MB: RFC 1035 §3.3.3 (experimental): a host holding the owner's mailbox. Compressed in messages; lower-cased in canonical form.
 */
public record MbRdata(Name mailbox) implements Rdata {
    public MbRdata {
        Check.absolute(mailbox, "MB.mailbox");
    }

    @Override
    public RRType type() {
        return RRType.MB;
    }
}
