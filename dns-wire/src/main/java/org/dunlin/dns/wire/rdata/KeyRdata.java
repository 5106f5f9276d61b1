package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * KEY: RFC 2535 §3.1 (RFC 3445 limits it to DNSSEC use, RFC 2931 uses it for SIG(0)).
 * <pre>
 *   |        FLAGS (16)        | PROTOCOL (8) | ALGORITHM (8) |
 *   /                        PUBLIC KEY                       /
 * </pre>
 */
public record KeyRdata(int flags, int protocol, int algorithm, ByteString publicKey) implements KeyData {
    public KeyRdata {
        Check.u16(flags, "KEY.flags");
        Check.u8(protocol, "KEY.protocol");
        Check.u8(algorithm, "KEY.algorithm");
        Check.bytes(publicKey, 0, 65535, "KEY.publicKey");
    }

    @Override
    public RRType type() {
        return RRType.KEY;
    }
}
