package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Whether Bouncy Castle is usable, and its fast curve engines for algorithms 13 to 16.
 *
 * <p>Bouncy Castle is an optional dependency ({@code requires static}): the classes that name its
 * types ({@link BcEdDsa}, {@link BcEcdsa}, {@link GostSuite}) are loaded only from here, inside a
 * {@code catch (LinkageError)}. Each engine is created on first use of its algorithm, in a holder
 * class (so the JVM's class initialisation makes it happen once, thread-safely), and must pass a
 * sign → verify → reject-tampered self-check first; an engine that is missing, unreadable from this
 * module, too old (missing methods show up as linkage errors here) or wrong is replaced by null, and
 * the suite then uses the JDK's provider. The choice is invisible to callers: both paths accept and
 * reject the same signatures (see {@link EdDsaSuite} for the one corner where RFC 8032 lets
 * implementations differ). Nothing here is mutable after initialisation; Bouncy Castle's provider is
 * never registered with {@link java.security.Security}.
 */
final class BouncyCastleEngines {

    private static final boolean PRESENT = classPresent("org.bouncycastle.math.ec.rfc8032.Ed25519");

    private BouncyCastleEngines() {
    }

    /** True if Bouncy Castle's classes can be loaded from here. */
    static boolean present() {
        return PRESENT;
    }

    /** Ed25519 arithmetic, or null to use the JDK. */
    static EdDsaEngine ed25519() {
        return Ed25519Holder.ENGINE;
    }

    /** Ed448 arithmetic, or null to use the JDK. */
    static EdDsaEngine ed448() {
        return Ed448Holder.ENGINE;
    }

    /** P-256 ECDSA arithmetic, or null to use the JDK. */
    static EcdsaEngine p256() {
        return P256Holder.ENGINE;
    }

    /** P-384 ECDSA arithmetic, or null to use the JDK. */
    static EcdsaEngine p384() {
        return P384Holder.ENGINE;
    }

    private static final class Ed25519Holder {
        static final EdDsaEngine ENGINE = PRESENT ? loadEdDsa(true, 32) : null;
    }

    private static final class Ed448Holder {
        static final EdDsaEngine ENGINE = PRESENT ? loadEdDsa(false, 57) : null;
    }

    private static final class P256Holder {
        static final EcdsaEngine ENGINE = PRESENT ? loadEcdsa(true) : null;
    }

    private static final class P384Holder {
        static final EcdsaEngine ENGINE = PRESENT ? loadEcdsa(false) : null;
    }

    private static EdDsaEngine loadEdDsa(boolean ed25519, int seedLength) {
        try {
            EdDsaEngine engine = ed25519 ? BcEdDsa.ed25519() : BcEdDsa.ed448();
            byte[] seed = new byte[seedLength];
            Arrays.fill(seed, (byte) 0x5a);
            return selfCheck(engine.verifier(engine.publicKey(seed)), engine.sign(seed, PROBE)) ? engine : null;
        } catch (LinkageError | RuntimeException unusable) {
            return null;
        }
    }

    private static EcdsaEngine loadEcdsa(boolean p256) {
        try {
            EcdsaEngine engine = p256 ? BcEcdsa.p256() : BcEcdsa.p384();
            BigInteger d = BigInteger.valueOf(0x5a5a5a5aL);
            BigInteger[] q = engine.publicPoint(d);
            KeyVerifier verifier = engine.verifier(q[0], q[1]);
            return selfCheck(verifier, engine.sign(d, PROBE, new PatternRandom())) ? engine : null;
        } catch (LinkageError | RuntimeException unusable) {
            return null;
        }
    }

    private static final byte[] PROBE = {'d', 'u', 'n', 'l', 'i', 'n'};

    private static boolean selfCheck(KeyVerifier verifier, byte[] signature) {
        if (!verifier.verify(PROBE, signature)) {
            return false;
        }
        byte[] tampered = signature.clone();
        tampered[tampered.length / 3] ^= 1;
        return !verifier.verify(PROBE, tampered);
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, BouncyCastleEngines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A fixed byte pattern as the self-check's ECDSA nonce source: no secret is involved. */
    private static final class PatternRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0x3c);
        }
    }
}
