package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * PTR: RFC 1035 §3.3.12: a pointer to another place in the name space; compressed in messages.
 * <pre>
 *   /                     TARGET                     /   (a domain name)
 * </pre>
 */
public record PtrRdata(Name target) implements Rdata {
    public PtrRdata {
        Check.absolute(target, "PTR.target");
    }

    @Override
    public RRType type() {
        return RRType.PTR;
    }
}
