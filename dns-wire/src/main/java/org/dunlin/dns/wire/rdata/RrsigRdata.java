package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * RRSIG: RFC 4034 §3.1. The signer's name is never compressed (RFC 4034 §3.1.7) and is lower-cased in canonical form.
 * <pre>
 *   |  TYPE COVERED (16)  | ALGORITHM (8) | LABELS (8) |
 *   |                ORIGINAL TTL (32)                |
 *   |             SIGNATURE EXPIRATION (32)           |
 *   |             SIGNATURE INCEPTION (32)            |
 *   |      KEY TAG (16)   |  /  SIGNER'S NAME  /      |
 *   /                   SIGNATURE                     /
 * </pre>
 */
public record RrsigRdata(RRType typeCovered, int algorithm, int labels, long originalTtl, long expiration, long inception,
        int keyTag, Name signerName, ByteString signature) implements SignatureData {
    public RrsigRdata {
        Check.notNull(typeCovered, "RRSIG.typeCovered");
        Check.u8(algorithm, "RRSIG.algorithm");
        Check.u8(labels, "RRSIG.labels");
        Check.u32(originalTtl, "RRSIG.originalTtl");
        Check.u32(expiration, "RRSIG.expiration");
        Check.u32(inception, "RRSIG.inception");
        Check.u16(keyTag, "RRSIG.keyTag");
        Check.absolute(signerName, "RRSIG.signerName");
        Check.bytes(signature, 0, 65535, "RRSIG.signature");
    }

    @Override
    public RRType type() {
        return RRType.RRSIG;
    }
}
