package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * GOST R 34.10-2001 (12) with Bouncy Castle (RFC 5933); the JDK has no GOST. Only loaded when Bouncy
 * Castle is present (see {@link Suites}); its provider instance is private to this class and never
 * registered with {@link java.security.Security}, so other code in the process is unaffected.
 *
 * <p>Public key field, RFC 5933 §2: {@code x || y}, each 32 octets little-endian, on the
 * id-GostR3410-2001-CryptoPro-A curve; the JCA reads it behind the fixed 37-octet X.509 prefix given in
 * RFC 5933 §2.1. Signature, RFC 5933 §3 quoting RFC 4490: {@code s || r}, each 32 octets big-endian,
 * which is Bouncy Castle's own encoding.
 */
final class GostSuite implements SignatureSuite {

    static final String CURVE = "GostR3410-2001-CryptoPro-A";

    private static final byte[] SPKI_PREFIX = {
        0x30, 0x63, 0x30, 0x1c, 0x06, 0x06, 0x2a, (byte) 0x85, 0x03, 0x02, 0x02, 0x13, 0x30,
        0x12, 0x06, 0x07, 0x2a, (byte) 0x85, 0x03, 0x02, 0x02, 0x23, 0x01, 0x06, 0x07, 0x2a,
        (byte) 0x85, 0x03, 0x02, 0x02, 0x1e, 0x01, 0x03, 0x43, 0x00, 0x04, 0x40};

    /** Created on first GOST use only: constructing the provider takes a noticeable fraction of a second. */
    private static final class Bc {
        static final Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    @Override
    public DnssecAlgorithm algorithm() {
        return DnssecAlgorithm.ECC_GOST;
    }

    @Override
    public PublicKey decodePublicKey(byte[] field) {
        if (field.length != 64) {
            throw new DnssecException("ECC-GOST public key must be 64 octets, not " + field.length);
        }
        try {
            return KeyFactory.getInstance("ECGOST3410", Bc.PROVIDER)
                    .generatePublic(new X509EncodedKeySpec(Bytes.concat(SPKI_PREFIX, field)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DnssecException("ECC-GOST public key rejected: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        if (!(key instanceof ECPublicKey) || !key.getAlgorithm().contains("GOST")) {
            throw new DnssecException("ECC-GOST needs a GOST R 34.10-2001 public key, not " + key.getAlgorithm());
        }
        ECPoint w = ((ECPublicKey) key).getW();
        return pointField(w.getAffineX(), w.getAffineY());
    }

    private static byte[] pointField(BigInteger x, BigInteger y) {
        byte[] xb = Bytes.fixed(x, 32);
        byte[] yb = Bytes.fixed(y, 32);
        return Bytes.concat(Bytes.reversed(xb, 0, 32), Bytes.reversed(yb, 0, 32));
    }

    @Override
    public boolean canSign() {
        return true;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        try {
            Signature signature = Signature.getInstance("GOST3411withECGOST3410", Bc.PROVIDER);
            if (random != null) {
                signature.initSign(key, random);
            } else {
                signature.initSign(key);
            }
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new DnssecException("ECC-GOST signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public KeyVerifier verifier(PublicKey key) {
        return (data, sig) -> verifyWith(key, data, sig);
    }

    private static boolean verifyWith(PublicKey key, byte[] data, byte[] sig) {
        if (sig.length != 64) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("GOST3411withECGOST3410", Bc.PROVIDER);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(int bits, SecureRandom random) {
        if (bits != 0 && bits != 512) {
            throw new DnssecException("ECC-GOST keys are 512 bits, not " + bits);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("ECGOST3410", Bc.PROVIDER);
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new DnssecException("ECC-GOST key generation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public PublicKey derivePublicKey(PrivateKey key) {
        if (!(key instanceof ECPrivateKey)) {
            throw new DnssecException("ECC-GOST needs a GOST private key, not " + key.getAlgorithm());
        }
        ECPrivateKey ec = (ECPrivateKey) key;
        ECPoint q = EcMath.multiplyGenerator(ec.getParams(), ec.getS());
        return decodePublicKey(pointField(q.getAffineX(), q.getAffineY()));
    }

    @Override
    public int keySize(PublicKey key) {
        return 512;
    }

    /** The private key in a PKCS #8 structure (BIND's {@code GostAsn1} field). */
    PrivateKey privateKeyFromPkcs8(byte[] der) {
        try {
            return KeyFactory.getInstance("ECGOST3410", Bc.PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DnssecException("ECC-GOST private key rejected: " + e.getMessage(), e);
        }
    }

    /** The ECGOST3410 key factory of the private provider. */
    static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance("ECGOST3410", Bc.PROVIDER);
    }

    /** A GOST R 34.11-94 digest engine with the CryptoPro parameters (RFC 5933 §4). */
    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("GOST3411", Bc.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new DnssecException("GOST R 34.11-94 is unavailable: " + e.getMessage(), e);
        }
    }
}
