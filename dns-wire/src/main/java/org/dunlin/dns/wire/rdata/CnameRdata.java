package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * CNAME: RFC 1035 §3.3.1: the canonical name of the owner (an alias); compressed in messages.
 * <pre>
 *   /                     TARGET                     /   (a domain name)
 * </pre>
 */
public record CnameRdata(Name target) implements Rdata {
    public CnameRdata {
        Check.absolute(target, "CNAME.target");
    }

    @Override
    public RRType type() {
        return RRType.CNAME;
    }
}
