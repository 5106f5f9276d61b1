package org.dunlin.dns.wire.dnssec.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Bouncy Castle's engines and the JDK's providers are interchangeable for algorithms 13 to 16: for
 * arbitrary data, a signature made by either path, and any tampering (a flipped bit in the data or the
 * signature, the other key, a truncated, zeroed or random signature), both paths give the same
 * accept/reject answer, and it is "accept" exactly when nothing was tampered with. EdDSA signatures are
 * also the same bytes on both paths (RFC 8032 signing is deterministic).
 *
 * <p>Tries are pinned to 400 because every try runs the JDK's slow curve arithmetic two or three times
 * (milliseconds each); the vectors, interop and no-Bouncy-Castle tests cover the rest.
 */
class EngineEquivalenceProperties {

    private static final List<Integer> ALGORITHMS = List.of(13, 14, 15, 16);
    private static final Map<Integer, SignatureSuite> WITH_BC = Suites.build(true);
    private static final Map<Integer, SignatureSuite> JDK_ONLY = Suites.build(false);
    /** Two fixed key pairs per algorithm, from a seeded generator so that failures reproduce. */
    private static final Map<Integer, List<KeyPair>> KEYS = Map.of(
            13, keys(13), 14, keys(14), 15, keys(15), 16, keys(16));

    enum Tampering { NONE, DATA_BIT, SIGNATURE_BIT, OTHER_KEY, TRUNCATED, ZEROED, RANDOM_SIGNATURE }

    @Provide
    Arbitrary<Integer> algorithms() {
        return Arbitraries.of(ALGORITHMS);
    }

    @Property(tries = 400)
    void bothPathsGiveTheSameAnswer(@ForAll("algorithms") int algorithm, @ForAll boolean signWithBouncyCastle,
            @ForAll @Size(max = 300) byte[] data, @ForAll Tampering tampering,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int where, @ForAll long seed) {
        SignatureSuite bc = WITH_BC.get(algorithm);
        SignatureSuite jdk = JDK_ONLY.get(algorithm);
        KeyPair key = KEYS.get(algorithm).get(0);
        SecureRandom random = seeded(seed);
        byte[] signature = (signWithBouncyCastle ? bc : jdk).sign(key.getPrivate(), data, random);
        if (algorithm >= 15) {
            assertArrayEquals(jdk.sign(key.getPrivate(), data, null), bc.sign(key.getPrivate(), data, null),
                    "EdDSA signatures are deterministic");
        }

        byte[] signed = data;
        KeyPair verifyWith = key;
        switch (tampering) {
            case DATA_BIT:
                signed = data.clone();
                if (signed.length == 0) {
                    signed = new byte[] {0};
                } else {
                    signed[where % signed.length] ^= (byte) (1 << (where >>> 16) % 8);
                }
                break;
            case SIGNATURE_BIT:
                signature[where % signature.length] ^= (byte) (1 << (where >>> 16) % 8);
                break;
            case OTHER_KEY:
                verifyWith = KEYS.get(algorithm).get(1);
                break;
            case TRUNCATED:
                signature = Arrays.copyOf(signature, where % signature.length);
                break;
            case ZEROED:
                Arrays.fill(signature, (byte) 0);
                break;
            case RANDOM_SIGNATURE:
                random.nextBytes(signature);
                break;
            default:
                break;
        }
        boolean byJdk = jdk.verifier(verifyWith.getPublic()).verify(signed, signature);
        boolean byBc = bc.verifier(verifyWith.getPublic()).verify(signed, signature);
        assertEquals(byJdk, byBc, "JDK and Bouncy Castle disagree on " + tampering + ", algorithm " + algorithm);
        assertEquals(tampering == Tampering.NONE, byBc, tampering + ", algorithm " + algorithm);
    }

    private static List<KeyPair> keys(int algorithm) {
        SecureRandom random = seeded(algorithm);
        SignatureSuite suite = JDK_ONLY.get(algorithm);
        return List.of(suite.generateKeyPair(0, random), suite.generateKeyPair(0, random));
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
