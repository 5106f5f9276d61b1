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
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.function.Supplier;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * ECDSA P-256/SHA-256 (13) and P-384/SHA-384 (14) with the JDK's provider (RFC 6605).
 *
 * <p>Public key field, RFC 6605 §4: {@code Q = x || y}, each coordinate big-endian in exactly 32 (P-256)
 * or 48 (P-384) octets. Signature: {@code r || s} of the same widths; converted to and from DER for the
 * JCA by {@link EcdsaSignatures}. Decoded points are checked to lie on the curve.
 *
 * <p>Keys are JCA keys of the JDK's provider either way (decoding, encoding and key generation stay
 * there). Signing and verification run on an {@link EcdsaEngine} when one is available (Bouncy
 * Castle's specialised curve arithmetic, several times faster than the JDK 17 provider's) and on the
 * JDK's {@code Signature} otherwise. ECDSA verification is fully specified (SEC 1 §4.1.4), so both
 * accept exactly the same signatures; both refuse keys on any other curve. Signatures are randomised
 * (RFC 6605 §6), so no path reproduces another's bytes, and both verify each other's.
 */
final class EcdsaSuite implements SignatureSuite {

    private final DnssecAlgorithm algorithm;
    private final String curveName;
    private final String jcaSignature;
    private final Engines engines;
    private final int fieldLength;
    private final ECParameterSpec params;
    private final Supplier<EcdsaEngine> fast;

    /**
     * @param fast the faster engine, or a supplier of null to use the JDK alone; asked on each
     *        sign or verifier creation, so it must be cheap after its first call
     */
    EcdsaSuite(DnssecAlgorithm algorithm, String curveName, String jcaSignature, int fieldLength,
            Supplier<EcdsaEngine> fast) {
        this.algorithm = algorithm;
        this.fast = fast;
        this.curveName = curveName;
        this.jcaSignature = jcaSignature;
        this.engines = Engines.signature(jcaSignature, algorithm);
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
        EcdsaEngine engine = fast.get();
        if (engine != null && random != null && key instanceof ECPrivateKey
                && isOurCurve(((ECPrivateKey) key).getParams()) && inRange(((ECPrivateKey) key).getS())) {
            return engine.sign(((ECPrivateKey) key).getS(), data, random);
        }
        return EcdsaSignatures.derToRaw(engines.sign(key, random, data), fieldLength);
    }

    @Override
    public KeyVerifier verifier(PublicKey key) {
        if (!(key instanceof ECPublicKey) || !isOurCurve(((ECPublicKey) key).getParams())) {
            return KeyVerifier.REJECT_ALL;
        }
        EcdsaEngine engine = fast.get();
        if (engine != null) {
            ECPoint w = ((ECPublicKey) key).getW();
            return engine.verifier(w.getAffineX(), w.getAffineY());
        }
        return (data, sig) -> jdkVerify(key, data, sig);
    }

    private boolean jdkVerify(PublicKey key, byte[] data, byte[] sig) {
        if (sig.length != 2 * fieldLength) {
            return false;
        }
        return engines.verify(key, data, EcdsaSignatures.rawToDer(sig));
    }

    /** Whether a key's domain parameters are this suite's curve (a P-256 key for P-256, and so on). */
    private boolean isOurCurve(ECParameterSpec spec) {
        return spec != null && spec.getCofactor() == params.getCofactor() && spec.getOrder().equals(params.getOrder())
                && spec.getGenerator().equals(params.getGenerator()) && spec.getCurve().equals(params.getCurve());
    }

    private boolean inRange(BigInteger d) {
        return d != null && d.signum() > 0 && d.compareTo(params.getOrder()) < 0;
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
            BigInteger s = ((ECPrivateKey) key).getS();
            EcdsaEngine engine = fast.get();
            ECPoint q;
            if (engine != null && isOurCurve(((ECPrivateKey) key).getParams()) && inRange(s)) {
                BigInteger[] xy = engine.publicPoint(s);
                q = new ECPoint(xy[0], xy[1]);
            } else {
                q = EcMath.multiplyGenerator(params, s);
            }
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
