package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * CDS: RFC 7344 §3.1: a DS the child asks its parent to publish (RFC 8078 §4: 0 0 0 00 deletes).
 * <pre>
 *   |   KEY TAG (16)   | ALGORITHM (8) | DIGEST TYPE (8) |
 *   /                      DIGEST                       /
 * </pre>
 */
public record CdsRdata(int keyTag, int algorithm, int digestType, ByteString digest) implements DelegationSignerData {
    public CdsRdata {
        Check.u16(keyTag, "CDS.keyTag");
        Check.u8(algorithm, "CDS.algorithm");
        Check.u8(digestType, "CDS.digestType");
        Check.bytes(digest, 1, 65535, "CDS.digest");
    }

    @Override
    public RRType type() {
        return RRType.CDS;
    }
}
