package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * MX: a mail exchange (RFC 1035 §3.3.9); the exchange is compressed in messages.
 * <pre>
 *   |  PREFERENCE (16)  |  /  EXCHANGE (domain name)  /
 * </pre>
 */
public record MxRdata(int preference, Name exchange) implements Rdata {
    public MxRdata {
        Check.u16(preference, "MX.preference");
        Check.absolute(exchange, "MX.exchange");
    }

    @Override
    public RRType type() {
        return RRType.MX;
    }
}
