package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * RP: the responsible person (RFC 1183 §2.2): a mailbox and a name with TXT records about them.
 * Names are sent uncompressed but decompressed when received (RFC 3597 §4).
 * <pre>
 *   /  MBOX-DNAME  /  TXT-DNAME  /
 * </pre>
 */
public record RpRdata(Name mailbox, Name textDomain) implements Rdata {
    public RpRdata {
        Check.absolute(mailbox, "RP.mailbox");
        Check.absolute(textDomain, "RP.textDomain");
    }

    @Override
    public RRType type() {
        return RRType.RP;
    }
}
