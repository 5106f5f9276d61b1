package org.dunlin.dns.wire.dnssec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The direct PKCS #1 v1.5 verifier agrees with the JDK's provider and rejects every malformed encoding. */
class RsaPkcs1VerifierTest {
    private static final byte[] SHA256_OID = {0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01};
    private static KeyPair keys;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024, new SecureRandom());
        keys = g.generateKeyPair();
    }

    private static byte[] jcaSign(String alg, byte[] data) throws Exception {
        Signature s = Signature.getInstance(alg);
        s.initSign(keys.getPrivate());
        s.update(data);
        return s.sign();
    }

    private static boolean jcaVerify(String alg, byte[] data, byte[] sig) throws Exception {
        Signature s = Signature.getInstance(alg);
        s.initVerify(keys.getPublic());
        s.update(data);
        try {
            return s.verify(sig);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    /** Raw RSA with the private key over an encoded message of our making. */
    private static byte[] rawSign(byte[] em) {
        RSAPrivateKey k = (RSAPrivateKey) keys.getPrivate();
        BigInteger s = new BigInteger(1, em).modPow(k.getPrivateExponent(), k.getModulus());
        byte[] out = s.toByteArray();
        int len = (k.getModulus().bitLength() + 7) / 8;
        byte[] fixed = new byte[len];
        int n = Math.min(out.length, len);
        System.arraycopy(out, out.length - n, fixed, len - n, n);
        return fixed;
    }

    /** EMSA-PKCS1-v1_5 of SHA-256(data), with a chosen DigestInfo prefix and padding length. */
    private static byte[] encode(byte[] data, boolean withNull, int paddingOverride) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
        byte[] prefix = RsaPkcs1Verifier.digestInfoPrefix(SHA256_OID, 32, withNull);
        int k = (((RSAPublicKey) keys.getPublic()).getModulus().bitLength() + 7) / 8;
        int padding = paddingOverride >= 0 ? paddingOverride : k - 3 - prefix.length - digest.length;
        byte[] em = new byte[3 + padding + prefix.length + digest.length];
        em[1] = 1;
        Arrays.fill(em, 2, 2 + padding, (byte) 0xff);
        System.arraycopy(prefix, 0, em, 3 + padding, prefix.length);
        System.arraycopy(digest, 0, em, 3 + padding + prefix.length, digest.length);
        byte[] full = new byte[k];
        System.arraycopy(em, 0, full, k - em.length, em.length);
        return full;
    }

    @Test
    void agreesWithTheJdkForEveryDigestOnValidAndTamperedInput() throws Exception {
        Random random = new Random(7);
        for (String alg : new String[] {"SHA1withRSA", "SHA256withRSA", "SHA512withRSA"}) {
            RsaPkcs1Verifier v = RsaPkcs1Verifier.of(alg, (RSAPublicKey) keys.getPublic());
            assertNotNull(v, alg);
            for (int i = 0; i < 20; i++) {
                byte[] data = new byte[random.nextInt(300)];
                random.nextBytes(data);
                byte[] sig = jcaSign(alg, data);
                assertTrue(v.verify(data, sig), alg);
                byte[] badSig = sig.clone();
                badSig[random.nextInt(badSig.length)] ^= (byte) (1 << random.nextInt(8));
                assertEquals(jcaVerify(alg, data, badSig), v.verify(data, badSig), alg + " flipped signature bit");
                assertFalse(v.verify(data, badSig), alg);
                if (data.length > 0) {
                    byte[] badData = data.clone();
                    badData[random.nextInt(badData.length)] ^= 1;
                    assertFalse(v.verify(badData, sig), alg + " flipped data bit");
                }
            }
        }
    }

    @Test
    void acceptsTheDigestInfoWithoutNullParametersAsTheJdkDoes() throws Exception {
        byte[] data = "www.example.com. A 192.0.2.1".getBytes(StandardCharsets.US_ASCII);
        RsaPkcs1Verifier v = RsaPkcs1Verifier.of("SHA256withRSA", (RSAPublicKey) keys.getPublic());
        assertTrue(v.verify(data, rawSign(encode(data, true, -1))));
        assertTrue(v.verify(data, rawSign(encode(data, false, -1))));
    }

    @Test
    void rejectsShortPaddingOversizedAndEmptySignatures() throws Exception {
        byte[] data = "data".getBytes(StandardCharsets.US_ASCII);
        RsaPkcs1Verifier v = RsaPkcs1Verifier.of("SHA256withRSA", (RSAPublicKey) keys.getPublic());
        assertFalse(v.verify(data, rawSign(encode(data, true, 7))), "fewer than 8 padding octets (RFC 8017 §9.2)");
        assertFalse(v.verify(data, new byte[0]));
        byte[] n = ((RSAPublicKey) keys.getPublic()).getModulus().toByteArray();
        byte[] k = Arrays.copyOfRange(n, n.length - 128, n.length);
        assertFalse(v.verify(data, k), "a signature equal to the modulus");
        assertFalse(v.verify(data, new byte[129]), "longer than the modulus");
    }

    @Test
    void aSignatureMissingItsLeadingZeroOctetsStillVerifies() throws Exception {
        byte[] data = new byte[32];
        RsaPkcs1Verifier v = RsaPkcs1Verifier.of("SHA256withRSA", (RSAPublicKey) keys.getPublic());
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) { // one in 256 has one: never runs out in practice
            random.nextBytes(data);
            byte[] sig = jcaSign("SHA256withRSA", data);
            if (sig[0] == 0) {
                assertTrue(v.verify(data, Arrays.copyOfRange(sig, 1, sig.length)));
                return;
            }
        }
        throw new AssertionError("no signature with a leading zero octet in 20,000 tries");
    }
}
