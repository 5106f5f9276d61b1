package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * CDNSKEY: RFC 7344 §3.2: a child's DNSKEY the parent should publish a DS for (RFC 8078 §4: algorithm 0 with key AA== deletes).
 * <pre>
 *   |        FLAGS (16)        | PROTOCOL (8) | ALGORITHM (8) |
 *   /                        PUBLIC KEY                       /
 * </pre>
 */
public record CdnskeyRdata(int flags, int protocol, int algorithm, ByteString publicKey) implements KeyData {
    public CdnskeyRdata {
        Check.u16(flags, "CDNSKEY.flags");
        Check.u8(protocol, "CDNSKEY.protocol");
        Check.u8(algorithm, "CDNSKEY.algorithm");
        Check.bytes(publicKey, 0, 65535, "CDNSKEY.publicKey");
    }

    @Override
    public RRType type() {
        return RRType.CDNSKEY;
    }
}
