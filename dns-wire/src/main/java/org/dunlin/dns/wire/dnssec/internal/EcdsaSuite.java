package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * ECDSA P-256/SHA-256 (13) and P-384/SHA-384 (14) with the JDK's provider (RFC 6605).
 *
 * <p>Public key field, RFC 6605 §4: {@code Q = x || y}, each coordinate big-endian in exactly 32 (P-256)
 * or 48 (P-384) octets. Signature: {@code r || s} of the same widths; converted to and from DER for the
 * JCA by {@link EcdsaSignatures}. Decoded points are checked to lie on the curve.
 */
final class EcdsaSuite implements SignatureSuite {

    private final DnssecAlgorithm algorithm;
    private final String curveName;
    private final String jcaSignature;
    private final Engines engines;
    private final int fieldLength;
    private final ECParameterSpec params;

    EcdsaSuite(DnssecAlgorithm algorithm, String curveName, String jcaSignature, int fieldLength) {
        this.algorithm = algorithm;
        this.curveName = curveName;
        this.jcaSignature = jcaSignature;
        this.engines = Engines.signature(jcaSignature);
        this.fieldLength = fieldLength;
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curveName));
            this.params = parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks curve " + curveName, e);
        }
    }

    @Override
    public DnssecAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public PublicKey decodePublicKey(byte[] field) {
        if (field.length != 2 * fieldLength) {
            throw new DnssecException(algorithm + " public key must be " + 2 * fieldLength + " octets, not "
                    + field.length);
        }
        BigInteger x = new BigInteger(1, field, 0, fieldLength);
        BigInteger y = new BigInteger(1, field, fieldLength, fieldLength);
        if (!EcMath.isOnCurve(params, x, y)) {
            throw new DnssecException(algorithm + " public key is not a point on " + curveName);
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " public key rejected: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        if (!(key instanceof ECPublicKey)
                || ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != fieldLength * 8) {
            throw new DnssecException(algorithm + " needs a " + curveName + " public key");
        }
        ECPoint w = ((ECPublicKey) key).getW();
        byte[] out = new byte[2 * fieldLength];
        System.arraycopy(Bytes.fixed(w.getAffineX(), fieldLength), 0, out, 0, fieldLength);
        System.arraycopy(Bytes.fixed(w.getAffineY(), fieldLength), 0, out, fieldLength, fieldLength);
        return out;
    }

    @Override
    public boolean canSign() {
        return true;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        try {
            Signature signature = engines.signer(key, random);
            signature.update(data);
            return EcdsaSignatures.derToRaw(signature.sign(), fieldLength);
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] sig) {
        if (sig.length != 2 * fieldLength || !(key instanceof ECPublicKey)) {
            return false;
        }
        try {
            Signature signature = engines.verifier(key);
            signature.update(data);
            return signature.verify(EcdsaSignatures.rawToDer(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(int bits, SecureRandom random) {
        if (bits != 0 && bits != fieldLength * 8) {
            throw new DnssecException(algorithm + " keys are " + fieldLength * 8 + " bits, not " + bits);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curveName), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " key generation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public PublicKey derivePublicKey(PrivateKey key) {
        if (!(key instanceof ECPrivateKey)) {
            throw new DnssecException(algorithm + " needs an EC private key, not " + key.getAlgorithm());
        }
        try {
            ECPoint q = EcMath.multiplyGenerator(params, ((ECPrivateKey) key).getS());
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, params));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DnssecException(algorithm + " public key derivation failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int keySize(PublicKey key) {
        return fieldLength * 8;
    }

    /** Octets per coordinate and per signature half. */
    int fieldLength() {
        return fieldLength;
    }

    /** The curve's domain parameters (for private keys read from BIND's files). */
    ECParameterSpec params() {
        return params;
    }
}
