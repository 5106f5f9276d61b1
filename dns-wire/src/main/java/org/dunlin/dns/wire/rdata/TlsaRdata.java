package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * TLSA: RFC 6698 §2.1: a TLS server certificate association.
 * <pre>
 *   | CERT USAGE (8) | SELECTOR (8) | MATCHING TYPE (8) |  /  CERTIFICATE ASSOCIATION DATA  /
 * </pre>
 */
public record TlsaRdata(int usage, int selector, int matchingType, ByteString data) implements CertificateAssociationData {
    public TlsaRdata {
        Check.u8(usage, "TLSA.usage");
        Check.u8(selector, "TLSA.selector");
        Check.u8(matchingType, "TLSA.matchingType");
        Check.bytes(data, 1, 65535, "TLSA.data");
    }

    @Override
    public RRType type() {
        return RRType.TLSA;
    }
}
