package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * KX: a key exchanger (RFC 2230 §3.1). Class IN only. The exchanger is never compressed when sent.
 * <pre>
 *   | PREFERENCE (16) |  /  EXCHANGER  /
 * </pre>
 */
public record KxRdata(int preference, Name exchanger) implements Rdata {
    public KxRdata {
        Check.u16(preference, "KX.preference");
        Check.absolute(exchanger, "KX.exchanger");
    }

    @Override
    public RRType type() {
        return RRType.KX;
    }
}
