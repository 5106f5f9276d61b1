package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * SIG: RFC 2535 §4.1 (and RFC 2931 for SIG(0) transaction signatures), the format RRSIG inherited. Its signer's name is decompressed when received (RFC 3597 §4).
 * <pre>
 *   |  TYPE COVERED (16)  | ALGORITHM (8) | LABELS (8) |
 *   |                ORIGINAL TTL (32)                |
 *   |             SIGNATURE EXPIRATION (32)           |
 *   |             SIGNATURE INCEPTION (32)            |
 *   |      KEY TAG (16)   |  /  SIGNER'S NAME  /      |
 *   /                   SIGNATURE                     /
 * </pre>
 */
public record SigRdata(RRType typeCovered, int algorithm, int labels, long originalTtl, long expiration, long inception,
        int keyTag, Name signerName, ByteString signature) implements SignatureData {
    public SigRdata {
        Check.notNull(typeCovered, "SIG.typeCovered");
        Check.u8(algorithm, "SIG.algorithm");
        Check.u8(labels, "SIG.labels");
        Check.u32(originalTtl, "SIG.originalTtl");
        Check.u32(expiration, "SIG.expiration");
        Check.u32(inception, "SIG.inception");
        Check.u16(keyTag, "SIG.keyTag");
        Check.absolute(signerName, "SIG.signerName");
        Check.bytes(signature, 0, 65535, "SIG.signature");
    }

    @Override
    public RRType type() {
        return RRType.SIG;
    }
}
