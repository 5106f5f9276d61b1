package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * TA: a DNSSEC trust anchor (the Trust Anchor type of the DNSSEC Lookaside/TA proposal, IANA type 32768), in DS format.
 * <pre>
 *   |   KEY TAG (16)   | ALGORITHM (8) | DIGEST TYPE (8) |  /  DIGEST  /
 * </pre>
 */
public record TaRdata(int keyTag, int algorithm, int digestType, ByteString digest) implements DelegationSignerData {
    public TaRdata {
        Check.u16(keyTag, "TA.keyTag");
        Check.u8(algorithm, "TA.algorithm");
        Check.u8(digestType, "TA.digestType");
        Check.bytes(digest, 1, 65535, "TA.digest");
    }

    @Override
    public RRType type() {
        return RRType.TA;
    }
}
