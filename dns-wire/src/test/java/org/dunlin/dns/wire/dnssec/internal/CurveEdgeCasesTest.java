package org.dunlin.dns.wire.dnssec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The corners where two correct implementations of EdDSA or ECDSA could disagree, pinned for both of
 * Dunlin's paths (Bouncy Castle's engines and the JDK's providers): keys of small order, S ≥ L,
 * out-of-range and "high" ECDSA scalars. Also pins that the fast engines really load when Bouncy
 * Castle is on the class path, since a failed self-check would silently fall back to the slow path.
 */
class CurveEdgeCasesTest {

    private static final Map<Integer, SignatureSuite> WITH_BC = Suites.build(true);
    private static final Map<Integer, SignatureSuite> JDK_ONLY = Suites.build(false);
    private static final List<Map<Integer, SignatureSuite>> BOTH = List.of(WITH_BC, JDK_ONLY);
    private static final byte[] MESSAGE = "www.example.com. A 192.0.2.1".getBytes(StandardCharsets.US_ASCII);
    /** The order of the Ed25519 base point, L = 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void bouncyCastleEnginesLoadAndPassTheirSelfCheck() {
        assertTrue(BouncyCastleEngines.present());
        assertNotNull(BouncyCastleEngines.p256());
        assertNotNull(BouncyCastleEngines.p384());
        assertNotNull(BouncyCastleEngines.ed25519());
        assertNotNull(BouncyCastleEngines.ed448());
    }

    @Test
    void theOrder8ConstantIsARootOfTheDoublingCondition() {
        // [2]P has y = 0 iff x² = −y², which with −x² + y² = 1 + d·x²·y² gives d·y⁴ + 2y² − 1 = 0.
        BigInteger p = EdwardsKeys.prime(32);
        BigInteger d = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(p)).mod(p);
        for (BigInteger y : List.of(EdwardsKeys.ORDER8_Y, p.subtract(EdwardsKeys.ORDER8_Y))) {
            BigInteger y2 = y.multiply(y).mod(p);
            assertEquals(BigInteger.ZERO, d.multiply(y2).multiply(y2).add(y2.shiftLeft(1)).subtract(BigInteger.ONE).mod(p));
        }
    }

    @Test
    void aForgeryForTheIdentityKeyIsRefusedOnBothPaths() throws Exception {
        // With A = identity, [k]A is the identity, so R = B and S = 1 "verify" for any message under
        // the cofactorless equation: the JDK's own Signature accepts it.
        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] forged = new byte[64];
        forged[0] = 0x58;
        Arrays.fill(forged, 1, 32, (byte) 0x66);
        forged[32] = 1;
        PublicKey key = JDK_ONLY.get(15).decodePublicKey(identity);
        Signature raw = Signature.getInstance("Ed25519");
        raw.initVerify(key);
        raw.update(MESSAGE);
        assertTrue(raw.verify(forged), "the JDK alone accepts the forgery");
        for (Map<Integer, SignatureSuite> suites : BOTH) {
            assertFalse(suites.get(15).verify(key, MESSAGE, forged));
        }
    }

    @Test
    void everySmallOrderEd25519AndEd448KeyVerifiesNothing() {
        BigInteger p25519 = EdwardsKeys.prime(32);
        List<BigInteger> ys = List.of(BigInteger.ZERO, BigInteger.ONE, p25519.subtract(BigInteger.ONE),
                EdwardsKeys.ORDER8_Y, p25519.subtract(EdwardsKeys.ORDER8_Y));
        for (BigInteger y : ys) {
            for (int sign = 0; sign < 2; sign++) {
                assertTrue(EdwardsKeys.isWeak(encode(y, sign, 32)), y + " sign " + sign);
            }
        }
        BigInteger p448 = EdwardsKeys.prime(57);
        for (BigInteger y : List.of(BigInteger.ZERO, BigInteger.ONE, p448.subtract(BigInteger.ONE))) {
            assertTrue(EdwardsKeys.isWeak(encode(y, 0, 57)));
        }
        for (Map<Integer, SignatureSuite> suites : BOTH) {
            for (int alg : List.of(15, 16)) {
                KeyPair pair = suites.get(alg).generateKeyPair(0, new SecureRandom());
                assertFalse(EdwardsKeys.isWeak(suites.get(alg).encodePublicKey(pair.getPublic())));
            }
        }
    }

    @Test
    void anEd25519SignatureWithSPlusLIsRefusedOnBothPaths() {
        KeyPair pair = JDK_ONLY.get(15).generateKeyPair(0, new SecureRandom());
        byte[] sig = JDK_ONLY.get(15).sign(pair.getPrivate(), MESSAGE, null);
        BigInteger s = new BigInteger(1, Bytes.reversed(sig, 32, 32));
        byte[] malleated = sig.clone();
        System.arraycopy(Bytes.reversed(Bytes.fixed(s.add(L), 32), 0, 32), 0, malleated, 32, 32);
        for (Map<Integer, SignatureSuite> suites : BOTH) {
            assertTrue(suites.get(15).verify(pair.getPublic(), MESSAGE, sig));
            assertFalse(suites.get(15).verify(pair.getPublic(), MESSAGE, malleated), "S + L must be rejected");
        }
    }

    @Test
    void ecdsaScalarsOutsideOneToNMinusOneAreRefusedAndHighSIsAcceptedOnBothPaths() throws Exception {
        for (int alg : List.of(13, 14)) {
            int half = alg == 13 ? 32 : 48;
            KeyPair pair = JDK_ONLY.get(alg).generateKeyPair(0, new SecureRandom());
            BigInteger n = ((java.security.interfaces.ECPublicKey) pair.getPublic()).getParams().getOrder();
            byte[] sig = WITH_BC.get(alg).sign(pair.getPrivate(), MESSAGE, new SecureRandom());
            BigInteger r = new BigInteger(1, sig, 0, half);
            BigInteger s = new BigInteger(1, sig, half, half);
            for (Map<Integer, SignatureSuite> suites : BOTH) {
                SignatureSuite suite = suites.get(alg);
                assertTrue(suite.verify(pair.getPublic(), MESSAGE, sig));
                // ECDSA has no canonical s (SEC 1 §4.1.4): (r, n − s) is as valid as (r, s) everywhere.
                assertTrue(suite.verify(pair.getPublic(), MESSAGE, rs(r, n.subtract(s), half)));
                assertFalse(suite.verify(pair.getPublic(), MESSAGE, rs(n, s, half)), "r = n");
                assertFalse(suite.verify(pair.getPublic(), MESSAGE, rs(BigInteger.ZERO, s, half)), "r = 0");
                assertFalse(suite.verify(pair.getPublic(), MESSAGE, rs(r, BigInteger.ZERO, half)), "s = 0");
                assertFalse(suite.verify(pair.getPublic(), MESSAGE, rs(r, n, half)), "s = n");
            }
        }
    }

    @Test
    void aKeyOfAnotherTypeOrCurveVerifiesNothing() throws Exception {
        KeyPair p384 = JDK_ONLY.get(14).generateKeyPair(0, new SecureRandom());
        KeyPair ed = JDK_ONLY.get(15).generateKeyPair(0, new SecureRandom());
        for (Map<Integer, SignatureSuite> suites : BOTH) {
            assertFalse(suites.get(13).verifier(p384.getPublic()).verify(MESSAGE, new byte[64]));
            assertFalse(suites.get(13).verifier(ed.getPublic()).verify(MESSAGE, new byte[64]));
            assertFalse(suites.get(16).verifier(ed.getPublic()).verify(MESSAGE, new byte[114]));
            assertFalse(suites.get(15).verifier(p384.getPublic()).verify(MESSAGE, new byte[64]));
        }
        // A well-formed X.509 Ed25519 key from the JDK's factory is accepted by the codec of both paths.
        byte[] spki = ed.getPublic().getEncoded();
        PublicKey copy = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        byte[] sig = JDK_ONLY.get(15).sign(ed.getPrivate(), MESSAGE, null);
        for (Map<Integer, SignatureSuite> suites : BOTH) {
            assertTrue(suites.get(15).verify(copy, MESSAGE, sig));
        }
    }

    private static byte[] encode(BigInteger y, int xSign, int length) {
        byte[] out = Bytes.reversed(Bytes.fixed(y, length), 0, length);
        out[length - 1] |= (byte) (xSign << 7);
        return out;
    }

    private static byte[] rs(BigInteger r, BigInteger s, int half) {
        return Bytes.concat(Bytes.fixed(r, half), Bytes.fixed(s, half));
    }
}
