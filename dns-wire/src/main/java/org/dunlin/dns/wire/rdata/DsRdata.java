package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * DS: RFC 4034 §5.1: the digest of a child zone's DNSKEY, published by the parent.
 * <pre>
 *   |   KEY TAG (16)   | ALGORITHM (8) | DIGEST TYPE (8) |
 *   /                      DIGEST                       /
 * </pre>
 */
public record DsRdata(int keyTag, int algorithm, int digestType, ByteString digest) implements DelegationSignerData {
    public DsRdata {
        Check.u16(keyTag, "DS.keyTag");
        Check.u8(algorithm, "DS.algorithm");
        Check.u8(digestType, "DS.digestType");
        Check.bytes(digest, 1, 65535, "DS.digest");
    }

    @Override
    public RRType type() {
        return RRType.DS;
    }
}
