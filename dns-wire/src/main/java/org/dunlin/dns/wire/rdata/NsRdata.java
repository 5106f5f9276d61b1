package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * NS: RFC 1035 §3.3.11: the host name of an authoritative name server (NSDNAME); compressed in messages.
 * <pre>
 *   /                     NAMESERVER                     /   (a domain name)
 * </pre>
 */
public record NsRdata(Name nameServer) implements Rdata {
    public NsRdata {
        Check.absolute(nameServer, "NS.nameServer");
    }

    @Override
    public RRType type() {
        return RRType.NS;
    }
}
