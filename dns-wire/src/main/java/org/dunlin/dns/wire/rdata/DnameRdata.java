package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * DNAME: RFC 6672 §2.1: the target that replaces the owner as a suffix; never compressed when sent (RFC 6672 §2.5), decompressed when received from older servers.
 * <pre>
 *   /                     TARGET                     /   (a domain name)
 * </pre>
 */
public record DnameRdata(Name target) implements Rdata {
    public DnameRdata {
        Check.absolute(target, "DNAME.target");
    }

    @Override
    public RRType type() {
        return RRType.DNAME;
    }
}
