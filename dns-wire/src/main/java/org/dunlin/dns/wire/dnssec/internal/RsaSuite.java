package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * RSA algorithms (1, 5, 7, 8, 10) with the JDK's provider.
 *
 * <p>Public key field, RFC 3110 §2:
 * <pre>
 *   | exponent length (1 octet, or 0 followed by 2 octets) | exponent | modulus |
 * </pre>
 * The signature is the PKCS #1 v1.5 signature octet string, as long as the modulus (RFC 3110 §3).
 */
final class RsaSuite implements SignatureSuite {

    /** Smallest modulus accepted for verification (RFC 3110 §2, RFC 5702 §2). */
    static final int MIN_VERIFY_BITS = 512;
    /** Largest modulus accepted: bounds the cost of one verification (RFC 3110 §2, RFC 5702 §2). */
    static final int MAX_BITS = 4096;

    private final DnssecAlgorithm algorithm;
    private final String jcaSignature;
    private final Engines engines;
    private final boolean canSign;
    private final int minGenerateBits;

    RsaSuite(DnssecAlgorithm algorithm, String jcaSignature, boolean canSign, int minGenerateBits) {
        this.algorithm = algorithm;
        this.jcaSignature = jcaSignature;
        this.engines = Engines.signature(jcaSignature, algorithm);
        this.canSign = canSign;
        this.minGenerateBits = minGenerateBits;
    }

    @Override
    public DnssecAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public PublicKey decodePublicKey(byte[] field) {
        if (field.length < 1) {
            throw new DnssecException(algorithm + " public key is empty");
        }
        int exponentLength = field[0] & 0xff;
        int pos = 1;
        if (exponentLength == 0) {
            if (field.length < 3) {
                throw new DnssecException(algorithm + " public key: truncated exponent length");
            }
            exponentLength = ((field[1] & 0xff) << 8) | (field[2] & 0xff);
            pos = 3;
        }
        if (exponentLength == 0 || pos + exponentLength >= field.length) {
            throw new DnssecException(algorithm + " public key: exponent length " + exponentLength
                    + " leaves no modulus in " + field.length + " octets");
        }
        BigInteger exponent = new BigInteger(1, field, pos, exponentLength);
        BigInteger modulus = new BigInteger(1, field, pos + exponentLength,
                field.length - pos - exponentLength);
        int bits = modulus.bitLength();
        if (bits < MIN_VERIFY_BITS || bits > MAX_BITS) {
            throw new DnssecException(algorithm + " public key: modulus of " + bits
                    + " bits is outside " + MIN_VERIFY_BITS + ".." + MAX_BITS);
        }
        if (exponent.signum() == 0 || !exponent.testBit(0)) {
            throw new DnssecException(algorithm + " public key: exponent must be odd");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " public key rejected: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        if (!(key instanceof RSAPublicKey)) {
            throw new DnssecException(algorithm + " needs an RSA public key, not " + key.getAlgorithm());
        }
        RSAPublicKey rsa = (RSAPublicKey) key;
        byte[] exponent = Bytes.unsigned(rsa.getPublicExponent());
        byte[] modulus = Bytes.unsigned(rsa.getModulus());
        int header = exponent.length < 256 ? 1 : 3;
        byte[] out = new byte[header + exponent.length + modulus.length];
        if (header == 1) {
            out[0] = (byte) exponent.length;
        } else {
            out[1] = (byte) (exponent.length >>> 8);
            out[2] = (byte) exponent.length;
        }
        System.arraycopy(exponent, 0, out, header, exponent.length);
        System.arraycopy(modulus, 0, out, header + exponent.length, modulus.length);
        return out;
    }

    @Override
    public boolean canSign() {
        return canSign;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        if (!canSign) {
            throw new DnssecException(algorithm + " must not be used for signing (RFC 8624 §3.1)");
        }
        return engines.sign(key, null, data);
    }

    @Override
    public KeyVerifier verifier(PublicKey key) {
        if (!(key instanceof RSAPublicKey)) {
            return KeyVerifier.REJECT_ALL;
        }
        RsaPkcs1Verifier direct = RsaPkcs1Verifier.of(jcaSignature, (RSAPublicKey) key);
        if (direct != null) {
            return direct;
        }
        int modulusBytes = (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        return (data, sig) -> verify(key, modulusBytes, data, sig);
    }

    private boolean verify(PublicKey key, int modulusBytes, byte[] data, byte[] sig) {
        if (sig.length == 0 || sig.length > modulusBytes) {
            return false;
        }
        byte[] padded = sig;
        if (sig.length < modulusBytes) {
            // Some signers drop leading zero octets; PKCS #1 wants the full length.
            padded = new byte[modulusBytes];
            System.arraycopy(sig, 0, padded, modulusBytes - sig.length, sig.length);
        }
        return engines.verify(key, data, padded);
    }

    @Override
    public KeyPair generateKeyPair(int bits, SecureRandom random) {
        int size = bits == 0 ? 2048 : bits;
        if (size < minGenerateBits || size > MAX_BITS) {
            throw new DnssecException(algorithm + " key size must be " + minGenerateBits + ".." + MAX_BITS
                    + " bits, not " + size);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(size, RSAKeyGenParameterSpec.F4), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " key generation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public PublicKey derivePublicKey(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey)) {
            throw new DnssecException(algorithm + ": the public key can only be derived from an RSA CRT"
                    + " private key (modulus and public exponent present)");
        }
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
        try {
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " public key derivation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int keySize(PublicKey key) {
        return ((RSAPublicKey) key).getModulus().bitLength();
    }
}
