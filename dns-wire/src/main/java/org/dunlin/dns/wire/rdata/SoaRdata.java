package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * SOA: the start of a zone of authority (RFC 1035 §3.3.13; MINIMUM is the negative-caching TTL of
 * RFC 2308 §4). Names are compressed in messages.
 * <pre>
 *   /  MNAME  /  RNAME  / SERIAL (32) / REFRESH (32) / RETRY (32) / EXPIRE (32) / MINIMUM (32)
 * </pre>
 */
public record SoaRdata(Name mname, Name rname, long serial, long refresh, long retry, long expire, long minimum)
        implements Rdata {
    public SoaRdata {
        Check.absolute(mname, "SOA.mname");
        Check.absolute(rname, "SOA.rname");
        Check.u32(serial, "SOA.serial");
        Check.u32(refresh, "SOA.refresh");
        Check.u32(retry, "SOA.retry");
        Check.u32(expire, "SOA.expire");
        Check.u32(minimum, "SOA.minimum");
    }

    /** A copy with another serial number. */
    public SoaRdata withSerial(long newSerial) {
        return new SoaRdata(mname, rname, newSerial, refresh, retry, expire, minimum);
    }

    @Override
    public RRType type() {
        return RRType.SOA;
    }
}
