package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * HINFO: host information (RFC 1035 §3.3.2; RFC 8482 §4.2 uses it for minimal ANY answers).
 * <pre>
 *   /  CPU (character-string)  /  OS (character-string)  /
 * </pre>
 */
public record HinfoRdata(ByteString cpu, ByteString os) implements Rdata {
    public HinfoRdata {
        Check.bytes(cpu, 0, 255, "HINFO.cpu");
        Check.bytes(os, 0, 255, "HINFO.os");
    }

    @Override
    public RRType type() {
        return RRType.HINFO;
    }
}
