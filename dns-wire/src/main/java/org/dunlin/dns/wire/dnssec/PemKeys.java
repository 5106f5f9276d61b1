package org.dunlin.dns.wire.dnssec;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.dunlin.dns.wire.dnssec.internal.Der;
import org.dunlin.dns.wire.dnssec.internal.Suites;

/**
 * Private and public keys in PEM (RFC 7468): PKCS #8 {@code PRIVATE KEY} and X.509
 * {@code PUBLIC KEY} are read and written; OpenSSL's traditional {@code RSA PRIVATE KEY} (PKCS #1) and
 * {@code EC PRIVATE KEY} (SEC 1) are read too. Encrypted PEM is not supported (decrypt it with
 * {@code openssl pkcs8} first). Stateless and thread-safe.
 *
 * <p>Recognised key types: RSA, EC on P-256 and P-384, Ed25519, Ed448, and GOST R 34.10-2001 when
 * Bouncy Castle is present.
 */
public final class PemKeys {

    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    private static final String EC_OID = "1.2.840.10045.2.1";
    private static final String ED25519_OID = "1.3.101.112";
    private static final String ED448_OID = "1.3.101.113";
    private static final String GOST_OID = "1.2.643.2.2.19";
    private static final byte[] RSA_ALGORITHM_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final byte[] EC_PUBLIC_KEY_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private PemKeys() {
    }

    /** PEM {@code PRIVATE KEY} (PKCS #8) text of {@code key}, 64 base64 characters per line. */
    public static String encodePrivateKey(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw new DnssecException("private key has no PKCS #8 encoding (" + key.getFormat() + ")");
        }
        return armor("PRIVATE KEY", der);
    }

    /** PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) text of {@code key}. */
    public static String encodePublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"X.509".equals(key.getFormat())) {
            throw new DnssecException("public key has no X.509 encoding (" + key.getFormat() + ")");
        }
        return armor("PUBLIC KEY", der);
    }

    /**
     * Reads the first private key in {@code pem} ({@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or
     * {@code EC PRIVATE KEY}).
     *
     * @throws DnssecException if there is none, it is encrypted, malformed, or of an unsupported type
     */
    public static PrivateKey decodePrivateKey(String pem) {
        String[] kinds = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY"};
        for (String kind : kinds) {
            Optional<byte[]> der = dearmor(pem, kind);
            if (der.isEmpty()) {
                continue;
            }
            try {
                switch (kind) {
                    case "PRIVATE KEY":
                        return fromPkcs8(der.get());
                    case "RSA PRIVATE KEY":
                        return fromPkcs8(Der.wrap(0x30, new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM_ID,
                                Der.wrap(0x04, der.get())));
                    case "EC PRIVATE KEY":
                        return fromPkcs8(sec1ToPkcs8(der.get()));
                    default:
                        throw new DnssecException("encrypted private keys are not supported;"
                                + " decrypt with 'openssl pkcs8' first");
                }
            } catch (IllegalArgumentException e) {
                throw new DnssecException("malformed " + kind + ": " + e.getMessage(), e);
            }
        }
        throw new DnssecException("no PEM private key found");
    }

    /**
     * Reads the first {@code PUBLIC KEY} in {@code pem}.
     *
     * @throws DnssecException if there is none or it is malformed or unsupported
     */
    public static PublicKey decodePublicKey(String pem) {
        byte[] der = dearmor(pem, "PUBLIC KEY").orElseThrow(() -> new DnssecException("no PEM public key found"));
        try {
            Der.Tlv spki = Der.read(der, 0, der.length);
            Der.Tlv algId = Der.read(der, spki.offset(), spki.end());
            String oid = Der.oid(Der.read(der, algId.offset(), algId.end()).content());
            return keyFactory(oid).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DnssecException("malformed PUBLIC KEY: " + e.getMessage(), e);
        }
    }

    /**
     * The DNSSEC algorithm a key implies: EC P-256 → 13, P-384 → 14, Ed25519 → 15, Ed448 → 16,
     * GOST → 12. RSA keys fit several algorithms, so RSA yields empty and the caller chooses.
     */
    public static Optional<DnssecAlgorithm> impliedAlgorithm(java.security.Key key) {
        String alg = key.getAlgorithm();
        if (alg.contains("GOST")) {
            return Optional.of(DnssecAlgorithm.ECC_GOST);
        }
        if (key instanceof ECKey) {
            int bits = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
            if (bits == 256) {
                return Optional.of(DnssecAlgorithm.ECDSAP256SHA256);
            }
            if (bits == 384) {
                return Optional.of(DnssecAlgorithm.ECDSAP384SHA384);
            }
            return Optional.empty();
        }
        if (alg.equals("Ed25519") || (alg.equals("EdDSA") && encodedOidIs(key, ED25519_OID))) {
            return Optional.of(DnssecAlgorithm.ED25519);
        }
        if (alg.equals("Ed448") || (alg.equals("EdDSA") && encodedOidIs(key, ED448_OID))) {
            return Optional.of(DnssecAlgorithm.ED448);
        }
        return Optional.empty();
    }

    private static boolean encodedOidIs(java.security.Key key, String oid) {
        byte[] der = key.getEncoded();
        if (der == null) {
            return false;
        }
        try {
            Der.Tlv outer = Der.read(der, 0, der.length);
            Der.Tlv first = Der.read(der, outer.offset(), outer.end());
            Der.Tlv algId = first.tag() == 0x02 ? Der.read(der, first.end(), outer.end()) : first;
            return Der.oid(Der.read(der, algId.offset(), algId.end()).content()).equals(oid);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static PrivateKey fromPkcs8(byte[] der) {
        Der.Tlv info = Der.read(der, 0, der.length);
        Der.Tlv version = Der.read(der, info.offset(), info.end());
        Der.Tlv algId = Der.read(der, version.end(), info.end());
        String oid = Der.oid(Der.read(der, algId.offset(), algId.end()).content());
        try {
            return keyFactory(oid).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new DnssecException("private key rejected: " + e.getMessage(), e);
        }
    }

    /** SEC 1 ECPrivateKey { version, privateKey, [0] parameters, [1] publicKey } → PKCS #8. */
    private static byte[] sec1ToPkcs8(byte[] sec1) {
        Der.Tlv seq = Der.read(sec1, 0, sec1.length);
        int p = seq.offset();
        byte[] curveOid = null;
        while (p < seq.end()) {
            int start = p;
            Der.Tlv t = Der.read(sec1, p, seq.end());
            if (t.tag() == 0xa0) {
                Der.Tlv oid = Der.read(sec1, t.offset(), t.end());
                curveOid = oid.encoded(t.offset());
            }
            p = t.end();
            if (p <= start) {
                break;
            }
        }
        if (curveOid == null) {
            throw new IllegalArgumentException("EC PRIVATE KEY without curve parameters");
        }
        return Der.wrap(0x30, new byte[] {0x02, 0x01, 0x00}, Der.wrap(0x30, EC_PUBLIC_KEY_OID, curveOid),
                Der.wrap(0x04, sec1));
    }

    private static KeyFactory keyFactory(String oid) throws GeneralSecurityException {
        switch (oid) {
            case RSA_OID:
                return KeyFactory.getInstance("RSA");
            case EC_OID:
                return KeyFactory.getInstance("EC");
            case ED25519_OID:
                return KeyFactory.getInstance("Ed25519");
            case ED448_OID:
                return KeyFactory.getInstance("Ed448");
            case GOST_OID:
                if (!Suites.bouncyCastlePresent()) {
                    throw new DnssecException("GOST keys need Bouncy Castle");
                }
                return org.dunlin.dns.wire.dnssec.internal.GostKeys.keyFactory();
            default:
                throw new DnssecException("unsupported key algorithm OID " + oid);
        }
    }

    private static String armor(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n"
                + "-----END " + kind + "-----\n";
    }

    private static Optional<byte[]> dearmor(String pem, String kind) {
        String begin = "-----BEGIN " + kind + "-----";
        String end = "-----END " + kind + "-----";
        int b = pem.indexOf(begin);
        if (b < 0) {
            return Optional.empty();
        }
        int e = pem.indexOf(end, b);
        if (e < 0) {
            throw new DnssecException("PEM block '" + kind + "' has no END line");
        }
        String body = pem.substring(b + begin.length(), e);
        if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
            throw new DnssecException("encrypted PEM is not supported; decrypt with 'openssl pkcs8' first");
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")));
        } catch (IllegalArgumentException ex) {
            throw new DnssecException("PEM block '" + kind + "' is not valid base64", ex);
        }
    }
}
