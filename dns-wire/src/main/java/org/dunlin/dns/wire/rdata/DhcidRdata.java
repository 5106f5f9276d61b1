package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * DHCID: a DHCP client identifier digest (RFC 4701 §3), opaque here. Class IN only.
 * <pre>
 *   /  IDENTIFIER TYPE (16), DIGEST TYPE (8), DIGEST (all opaque)  /
 * </pre>
 */
public record DhcidRdata(ByteString data) implements Rdata {
    public DhcidRdata {
        Check.bytes(data, 1, 65535, "DHCID.data");
    }

    @Override
    public RRType type() {
        return RRType.DHCID;
    }
}
