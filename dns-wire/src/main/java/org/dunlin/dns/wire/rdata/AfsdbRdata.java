package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * AFSDB: an AFS database server (RFC 1183 §1). The hostname is sent uncompressed but decompressed when
 * received (RFC 3597 §4).
 * <pre>
 *   |  SUBTYPE (16)  |  /  HOSTNAME  /
 * </pre>
 */
public record AfsdbRdata(int subtype, Name hostname) implements Rdata {
    public AfsdbRdata {
        Check.u16(subtype, "AFSDB.subtype");
        Check.absolute(hostname, "AFSDB.hostname");
    }

    @Override
    public RRType type() {
        return RRType.AFSDB;
    }
}
