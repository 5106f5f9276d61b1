package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * CERT: a certificate or CRL (RFC 4398 §2). The type prints as a mnemonic (PKIX, SPKI, PGP, IPKIX,
 * ISPKI, IPGP, ACPKIX, IACPKIX, URI, OID) and the algorithm as a DNSSEC algorithm mnemonic when known,
 * as BIND does.
 * <pre>
 *   | TYPE (16) | KEY TAG (16) | ALGORITHM (8) |  /  CERTIFICATE or CRL  /
 * </pre>
 */
public record CertRdata(int certificateType, int keyTag, int algorithm, ByteString certificate) implements Rdata {
    public CertRdata {
        Check.u16(certificateType, "CERT.certificateType");
        Check.u16(keyTag, "CERT.keyTag");
        Check.u8(algorithm, "CERT.algorithm");
        Check.bytes(certificate, 0, 65535, "CERT.certificate");
    }

    @Override
    public RRType type() {
        return RRType.CERT;
    }
}
