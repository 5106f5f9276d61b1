package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * DNSKEY: RFC 4034 §2.1: a DNSSEC public key.
 * <pre>
 *   |        FLAGS (16)        | PROTOCOL (8) | ALGORITHM (8) |
 *   /                        PUBLIC KEY                       /
 * </pre>
 */
public record DnskeyRdata(int flags, int protocol, int algorithm, ByteString publicKey) implements KeyData {
    public DnskeyRdata {
        Check.u16(flags, "DNSKEY.flags");
        Check.u8(protocol, "DNSKEY.protocol");
        Check.u8(algorithm, "DNSKEY.algorithm");
        Check.bytes(publicKey, 0, 65535, "DNSKEY.publicKey");
    }

    @Override
    public RRType type() {
        return RRType.DNSKEY;
    }
}
