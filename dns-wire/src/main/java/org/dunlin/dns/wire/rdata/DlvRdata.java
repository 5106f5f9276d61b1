package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * DLV: DNSSEC lookaside validation (RFC 4431 §2, historic), in DS format.
 * <pre>
 *   |   KEY TAG (16)   | ALGORITHM (8) | DIGEST TYPE (8) |  /  DIGEST  /
 * </pre>
 */
public record DlvRdata(int keyTag, int algorithm, int digestType, ByteString digest) implements DelegationSignerData {
    public DlvRdata {
        Check.u16(keyTag, "DLV.keyTag");
        Check.u8(algorithm, "DLV.algorithm");
        Check.u8(digestType, "DLV.digestType");
        Check.bytes(digest, 1, 65535, "DLV.digest");
    }

    @Override
    public RRType type() {
        return RRType.DLV;
    }
}
