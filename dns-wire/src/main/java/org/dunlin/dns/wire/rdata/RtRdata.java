package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * RT: route through (RFC 1183 §3.3). The host is sent uncompressed but decompressed when received
 * (RFC 3597 §4).
 * <pre>
 *   | PREFERENCE (16) |  /  INTERMEDIATE-HOST  /
 * </pre>
 */
public record RtRdata(int preference, Name intermediateHost) implements Rdata {
    public RtRdata {
        Check.u16(preference, "RT.preference");
        Check.absolute(intermediateHost, "RT.intermediateHost");
    }

    @Override
    public RRType type() {
        return RRType.RT;
    }
}
