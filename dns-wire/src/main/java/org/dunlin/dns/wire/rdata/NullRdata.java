package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * NULL: anything at all, up to 65535 octets (RFC 1035 §3.3.10). It has no presentation format of its
 * own and always prints in the RFC 3597 generic form {@code \# length hex}.
 */
public record NullRdata(ByteString data) implements Rdata {
    public NullRdata {
        Check.bytes(data, 0, 65535, "NULL.data");
    }

    @Override
    public RRType type() {
        return RRType.NULL;
    }
}
