package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * SRV: the location of a service (RFC 2782). Class IN only. The target is sent uncompressed but
 * decompressed when received, as RFC 3597 §4 asks for servers following RFC 2052.
 * <pre>
 *   | PRIORITY (16) | WEIGHT (16) | PORT (16) |  /  TARGET  /
 * </pre>
 */
public record SrvRdata(int priority, int weight, int port, Name target) implements Rdata {
    public SrvRdata {
        Check.u16(priority, "SRV.priority");
        Check.u16(weight, "SRV.weight");
        Check.u16(port, "SRV.port");
        Check.absolute(target, "SRV.target");
    }

    @Override
    public RRType type() {
        return RRType.SRV;
    }
}
