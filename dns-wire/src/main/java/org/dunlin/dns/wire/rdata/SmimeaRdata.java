package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * SMIMEA: RFC 8162 §2: an S/MIME certificate association.
 * <pre>
 *   | CERT USAGE (8) | SELECTOR (8) | MATCHING TYPE (8) |  /  CERTIFICATE ASSOCIATION DATA  /
 * </pre>
 */
public record SmimeaRdata(int usage, int selector, int matchingType, ByteString data) implements CertificateAssociationData {
    public SmimeaRdata {
        Check.u8(usage, "SMIMEA.usage");
        Check.u8(selector, "SMIMEA.selector");
        Check.u8(matchingType, "SMIMEA.matchingType");
        Check.bytes(data, 1, 65535, "SMIMEA.data");
    }

    @Override
    public RRType type() {
        return RRType.SMIMEA;
    }
}
