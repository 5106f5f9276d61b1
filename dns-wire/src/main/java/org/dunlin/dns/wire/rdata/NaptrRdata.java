package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * NAPTR: a naming authority pointer (RFC 3403 §4.1). Class IN only. The replacement is sent
 * uncompressed but decompressed when received (RFC 3597 §4).
 * <pre>
 *   | ORDER (16) | PREFERENCE (16) | / FLAGS / SERVICES / REGEXP (character-strings) / REPLACEMENT /
 * </pre>
 */
public record NaptrRdata(int order, int preference, ByteString flags, ByteString services, ByteString regexp,
        Name replacement) implements Rdata {
    public NaptrRdata {
        Check.u16(order, "NAPTR.order");
        Check.u16(preference, "NAPTR.preference");
        Check.bytes(flags, 0, 255, "NAPTR.flags");
        Check.bytes(services, 0, 255, "NAPTR.services");
        Check.bytes(regexp, 0, 255, "NAPTR.regexp");
        Check.absolute(replacement, "NAPTR.replacement");
    }

    @Override
    public RRType type() {
        return RRType.NAPTR;
    }
}
