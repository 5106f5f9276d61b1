package org.dunlin.dns.wire.dnssec.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.function.Supplier;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * Ed25519 (15) and Ed448 (16) (RFC 8080).
 *
 * <p>Public key field, RFC 8080 §3: the 32- or 57-octet encoded point of RFC 8032 §5.1.2/§5.2.2,
 * which is exactly the BIT STRING of the key's X.509 SubjectPublicKeyInfo (RFC 8410 §4); the codec adds
 * or strips that fixed DER prefix. Signature: the 64- or 114-octet RFC 8032 signature, deterministic.
 * Private keys are the 32- or 57-octet seeds BIND stores as {@code PrivateKey}.
 *
 * <p>Keys are JCA keys of the JDK's provider either way (decoding, encoding and key generation stay
 * there). Signing and verification run on an {@link EdDsaEngine} when one is available (Bouncy
 * Castle's arithmetic, several times faster than the JDK 17 provider's) and on the JDK's
 * {@code Signature} otherwise. Signatures are deterministic, so both produce the same bytes. For
 * verification both reject S ≥ L and non-canonical R (RFC 8032 §5.1.7 step 1), and keys of small
 * order verify nothing on either path ({@link EdwardsKeys}). The one remaining difference is the
 * one RFC 8032 §5.1.7 step 3 allows: Bouncy Castle checks the cofactored equation
 * {@code [8][S]B = [8]R + [8][k]A}, the JDK the cofactorless {@code [S]B = R + [k]A}. They agree on
 * every signature made by RFC 8032's signing procedure and on every corruption of one; they can
 * differ only on a signature whose R (or a key whose A) was deliberately built with a small-order
 * component, which takes the private key to make and gains its holder nothing.
 */
final class EdDsaSuite implements SignatureSuite {

    private final DnssecAlgorithm algorithm;
    private final String name;
    private final int keyLength;
    private final int signatureLength;
    private final byte[] spkiPrefix;
    private final Engines engines;
    private final Supplier<EdDsaEngine> fast;

    /**
     * @param fast the faster engine, or a supplier of null to use the JDK alone; asked on each
     *        sign or verifier creation, so it must be cheap after its first call
     */
    EdDsaSuite(DnssecAlgorithm algorithm, String name, int keyLength, int signatureLength, int oidLast,
            Supplier<EdDsaEngine> fast) {
        this.algorithm = algorithm;
        this.fast = fast;
        this.name = name;
        this.keyLength = keyLength;
        this.signatureLength = signatureLength;
        this.engines = Engines.signature(name, algorithm);
        // SEQUENCE { SEQUENCE { OID 1.3.101.oidLast } BIT STRING (0 unused bits) key }
        this.spkiPrefix = new byte[] {0x30, (byte) (keyLength + 10), 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
            (byte) oidLast, 0x03, (byte) (keyLength + 1), 0x00};
    }

    @Override
    public DnssecAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public PublicKey decodePublicKey(byte[] field) {
        if (field.length != keyLength) {
            throw new DnssecException(algorithm + " public key must be " + keyLength + " octets, not "
                    + field.length);
        }
        try {
            return KeyFactory.getInstance(name).generatePublic(
                    new X509EncodedKeySpec(Bytes.concat(spkiPrefix, field)));
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " public key rejected: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        byte[] point = rawKey(key);
        if (point == null) {
            throw new DnssecException(algorithm + " needs an " + name + " public key, not "
                    + key.getAlgorithm());
        }
        return point;
    }

    @Override
    public boolean canSign() {
        return true;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        EdDsaEngine engine = fast.get();
        byte[] seed = engine == null ? null : exposedSeed(key);
        if (seed != null) {
            return engine.sign(seed, data);
        }
        return engines.sign(key, null, data);
    }

    @Override
    public KeyVerifier verifier(PublicKey key) {
        byte[] point = rawKey(key);
        if (point == null || EdwardsKeys.isWeak(point)) {
            return KeyVerifier.REJECT_ALL;
        }
        EdDsaEngine engine = fast.get();
        if (engine != null) {
            return engine.verifier(point);
        }
        return (data, sig) -> jdkVerify(key, data, sig);
    }

    private boolean jdkVerify(PublicKey key, byte[] data, byte[] sig) {
        if (sig.length != signatureLength) {
            return false;
        }
        return engines.verify(key, data, sig);
    }

    /** The RFC 8032 encoding of a public key of this curve, or null for any other key. */
    private byte[] rawKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki == null || spki.length != spkiPrefix.length + keyLength || !Bytes.startsWith(spki, spkiPrefix)) {
            return null;
        }
        return Arrays.copyOfRange(spki, spkiPrefix.length, spki.length);
    }

    /** The seed of a private key of this curve whose provider exposes it, or null (e.g. a token's key). */
    private byte[] exposedSeed(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey)) {
            return null;
        }
        byte[] seed = ((EdECPrivateKey) key).getBytes().orElse(null);
        return seed != null && seed.length == keyLength ? seed : null;
    }

    @Override
    public KeyPair generateKeyPair(int bits, SecureRandom random) {
        if (bits != 0 && bits != keySize(null)) {
            throw new DnssecException(algorithm + " keys are " + keySize(null) + " bits, not " + bits);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(name);
            generator.initialize(new NamedParameterSpec(name), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " key generation failed: " + e.getMessage(), e);
        }
    }

    /** The private key for a raw RFC 8032 seed. */
    PrivateKey privateKeyFromSeed(byte[] seed) {
        if (seed.length != keyLength) {
            throw new DnssecException(algorithm + " private key must be " + keyLength + " octets, not "
                    + seed.length);
        }
        try {
            return KeyFactory.getInstance(name).generatePrivate(
                    new EdECPrivateKeySpec(new NamedParameterSpec(name), seed));
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " private key rejected: " + e.getMessage(), e);
        }
    }

    /** The raw RFC 8032 seed of a private key. */
    byte[] seedOf(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey)) {
            throw new DnssecException(algorithm + " needs an " + name + " private key, not " + key.getAlgorithm());
        }
        return ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new DnssecException(algorithm + " private key does not expose its seed"));
    }

    /**
     * The public key of a seed (RFC 8032 §5.1.5, §5.2.5), from the engine when there is one. The JCA
     * has no derivation call, but its EdDSA key-pair generator draws exactly one seed of
     * {@code keyLength} octets from its random source, so a source that yields the seed regenerates
     * the pair. The result is checked by a sign/verify round.
     */
    @Override
    public PublicKey derivePublicKey(PrivateKey key) {
        byte[] seed = seedOf(key);
        EdDsaEngine engine = fast.get();
        if (engine != null) {
            return decodePublicKey(engine.publicKey(seed));
        }
        KeyPair pair = generateKeyPair(0, new FixedBytesRandom(seed));
        byte[] probe = {'d', 'u', 'n', 'l', 'i', 'n'};
        if (!verify(pair.getPublic(), probe, sign(key, probe, null))) {
            throw new DnssecException(algorithm + ": could not derive the public key from the seed");
        }
        return pair.getPublic();
    }

    @Override
    public int keySize(PublicKey key) {
        return keyLength == 32 ? 256 : 456;
    }

    /** A random source that returns one fixed byte string; only for {@link #derivePublicKey}. */
    private static final class FixedBytesRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytesRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("unexpected draw of " + out.length + " octets");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
