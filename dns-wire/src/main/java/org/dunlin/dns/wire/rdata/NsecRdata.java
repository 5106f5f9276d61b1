package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * NSEC: the next owner name in canonical order and the types present at this owner (RFC 4034 §4.1).
 * The next name is never compressed and, per RFC 6840 §5.1, keeps its case in the canonical form.
 * <pre>
 *   /  NEXT DOMAIN NAME  /  TYPE BIT MAPS  /
 * </pre>
 */
public record NsecRdata(Name nextName, TypeBitmap types) implements Rdata {
    public NsecRdata {
        Check.absolute(nextName, "NSEC.nextName");
        Check.notNull(types, "NSEC.types");
    }

    @Override
    public RRType type() {
        return RRType.NSEC;
    }
}
