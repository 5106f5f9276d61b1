package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * Maps private keys to and from the binary fields of BIND's {@code Private-key-format} files
 * (the names and order {@code dnssec-keygen} writes):
 * <ul>
 *   <li>RSA: Modulus, PublicExponent, PrivateExponent, Prime1, Prime2, Exponent1, Exponent2,
 *       Coefficient — big-endian unsigned integers;</li>
 *   <li>ECDSA: PrivateKey — the scalar, big-endian, exactly the field size;</li>
 *   <li>EdDSA: PrivateKey — the 32- or 57-octet RFC 8032 seed;</li>
 *   <li>ECC-GOST: GostAsn1 — the PKCS #8 DER structure (RFC 5933 §2.2).</li>
 * </ul>
 */
public final class PrivateKeyCodec {

    /** RSA field names in BIND's order. */
    public static final List<String> RSA_FIELDS = List.of("Modulus", "PublicExponent", "PrivateExponent",
            "Prime1", "Prime2", "Exponent1", "Exponent2", "Coefficient");

    private PrivateKeyCodec() {
    }

    /** The binary fields of {@code key}, in file order. */
    public static Map<String, byte[]> toFields(DnssecAlgorithm algorithm, PrivateKey key) {
        SignatureSuite suite = suite(algorithm);
        Map<String, byte[]> fields = new LinkedHashMap<>();
        if (suite instanceof RsaSuite) {
            if (!(key instanceof RSAPrivateCrtKey)) {
                throw new DnssecException(algorithm + " private key must be an RSA CRT key");
            }
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            BigInteger[] values = {rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(),
                rsa.getPrimeP(), rsa.getPrimeQ(), rsa.getPrimeExponentP(), rsa.getPrimeExponentQ(),
                rsa.getCrtCoefficient()};
            for (int i = 0; i < values.length; i++) {
                fields.put(RSA_FIELDS.get(i), Bytes.unsigned(values[i]));
            }
        } else if (suite instanceof EcdsaSuite) {
            if (!(key instanceof ECPrivateKey)) {
                throw new DnssecException(algorithm + " private key must be an EC key");
            }
            int size = ((EcdsaSuite) suite).fieldLength();
            fields.put("PrivateKey", Bytes.fixed(((ECPrivateKey) key).getS(), size));
        } else if (suite instanceof EdDsaSuite) {
            fields.put("PrivateKey", ((EdDsaSuite) suite).seedOf(key));
        } else if (suite instanceof GostSuite) {
            byte[] pkcs8 = key.getEncoded();
            if (pkcs8 == null || !"PKCS#8".equals(key.getFormat())) {
                throw new DnssecException("ECC-GOST private key has no PKCS #8 encoding");
            }
            fields.put("GostAsn1", pkcs8);
        } else {
            throw new DnssecException(algorithm + " private keys cannot be written");
        }
        return fields;
    }

    /** The private key described by the binary fields; {@link DnssecException} naming a missing field. */
    public static PrivateKey fromFields(DnssecAlgorithm algorithm, Map<String, byte[]> fields) {
        SignatureSuite suite = suite(algorithm);
        try {
            if (suite instanceof RsaSuite) {
                BigInteger[] v = new BigInteger[RSA_FIELDS.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = new BigInteger(1, required(fields, RSA_FIELDS.get(i)));
                }
                return KeyFactory.getInstance("RSA").generatePrivate(
                        new RSAPrivateCrtKeySpec(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
            } else if (suite instanceof EcdsaSuite) {
                EcdsaSuite ec = (EcdsaSuite) suite;
                byte[] scalar = required(fields, "PrivateKey");
                BigInteger s = new BigInteger(1, scalar);
                // BIND writes the scalar as OpenSSL's BN_bn2bin does, without leading zero octets, so one
                // key in 256 has a shorter field: any length up to the field's is the same number
                if (scalar.length > ec.fieldLength() || s.signum() == 0 || s.compareTo(ec.params().getOrder()) >= 0) {
                    throw new DnssecException(algorithm + " PrivateKey must be a scalar of at most " + ec.fieldLength()
                            + " octets, non-zero and below the curve order");
                }
                return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, ec.params()));
            } else if (suite instanceof EdDsaSuite) {
                return ((EdDsaSuite) suite).privateKeyFromSeed(required(fields, "PrivateKey"));
            } else if (suite instanceof GostSuite) {
                return ((GostSuite) suite).privateKeyFromPkcs8(required(fields, "GostAsn1"));
            }
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " private key rejected: " + e.getMessage(), e);
        }
        throw new DnssecException(algorithm + " private keys cannot be read");
    }

    private static byte[] required(Map<String, byte[]> fields, String name) {
        byte[] value = fields.get(name);
        if (value == null) {
            throw new DnssecException("missing field '" + name + "'");
        }
        return value;
    }

    private static SignatureSuite suite(DnssecAlgorithm algorithm) {
        return Suites.find(algorithm).orElseThrow(() ->
                new DnssecException("unsupported DNSSEC algorithm " + algorithm.code()));
    }
}
