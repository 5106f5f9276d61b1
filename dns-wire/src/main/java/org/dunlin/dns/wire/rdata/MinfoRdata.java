package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * MINFO: mailbox or mail list information (RFC 1035 §3.3.7, experimental). Names are compressed in
 * messages.
 * <pre>
 *   /  RMAILBX  /  EMAILBX  /
 * </pre>
 */
public record MinfoRdata(Name responsibleMailbox, Name errorMailbox) implements Rdata {
    public MinfoRdata {
        Check.absolute(responsibleMailbox, "MINFO.responsibleMailbox");
        Check.absolute(errorMailbox, "MINFO.errorMailbox");
    }

    @Override
    public RRType type() {
        return RRType.MINFO;
    }
}
