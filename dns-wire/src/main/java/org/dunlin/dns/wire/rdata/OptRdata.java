package org.dunlin.dns.wire.rdata;

import java.util.List;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.edns.EdnsOption;
import org.dunlin.dns.wire.internal.Check;

/**
 * OPT: the EDNS(0) pseudo-record's options (RFC 6891 §6.1.2). Messages expose OPT as the typed
 * {@link org.dunlin.dns.wire.edns.Edns} view instead of a record; this type exists for completeness
 * (and for {@code Rdata.fromWire(RRType.OPT, ...)}).
 * <pre>
 *   | OPTION-CODE (16) | OPTION-LENGTH (16) |  /  OPTION-DATA  /   (repeated)
 * </pre>
 */
public record OptRdata(List<EdnsOption> options) implements Rdata {
    public OptRdata {
        options = Check.list(options, "OPT.options");
    }

    @Override
    public RRType type() {
        return RRType.OPT;
    }
}
