package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * SSHFP: an SSH host key fingerprint (RFC 4255 §3.1; SHA-256 by RFC 6594).
 * <pre>
 *   | ALGORITHM (8) | FP TYPE (8) |  /  FINGERPRINT  /
 * </pre>
 */
public record SshfpRdata(int algorithm, int fingerprintType, ByteString fingerprint) implements Rdata {
    public SshfpRdata {
        Check.u8(algorithm, "SSHFP.algorithm");
        Check.u8(fingerprintType, "SSHFP.fingerprintType");
        Check.bytes(fingerprint, 1, 65535, "SSHFP.fingerprint");
    }

    @Override
    public RRType type() {
        return RRType.SSHFP;
    }
}
