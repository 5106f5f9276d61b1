package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle is optional: in a JVM whose class path lacks it, every JDK algorithm still works —
 * including ECDSA and EdDSA, which then fall back from Bouncy Castle's engines to the JDK's providers
 * (sign, verify, reject tampering, and Ed25519/Ed448 signatures reproduced byte for byte from the
 * RFC 8080 vectors) — GOST reports itself unsupported with a clear message, and nothing fails to link.
 */
class WithoutBouncyCastleTest {

    @Test
    void everythingButGostWorksWithoutBouncyCastle() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("bcprov") && !e.contains("bouncycastle"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", classPath, Probe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals("gost=false ds3=false rsa=true alg13=true alg14=true alg15=true alg16=true"
                + " ed25519Vector=true ed448Vector=true gostError=unsupported DNSSEC algorithm 12 (ECC-GOST):"
                + " Bouncy Castle is not available", out.strip());
    }

    /** Runs in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) {
            boolean gost = DnssecCrypto.isSupported(DnssecAlgorithm.ECC_GOST);
            boolean ds3 = DsDigests.isSupported(DsDigestType.GOST94);
            byte[] data = {1, 2, 3};
            var rsa = DnssecCrypto.generateKeyPair(DnssecAlgorithm.RSASHA256, 1024, new SecureRandom());
            boolean rsaOk = DnssecCrypto.verify(DnssecAlgorithm.RSASHA256, rsa.getPublic(), data,
                    DnssecCrypto.sign(DnssecAlgorithm.RSASHA256, rsa.getPrivate(), data, null));
            StringBuilder curves = new StringBuilder();
            for (int code : new int[] {13, 14, 15, 16}) {
                curves.append(" alg").append(code).append('=').append(roundTrips(DnssecAlgorithm.of(code), data));
            }
            // RFC 8080 §6 vectors (MX RRset of example.com.), signed through the JDK's provider.
            boolean ed25519 = reproduces(15, "ODIyNjAzODQ2MjgwODAxMjI2NDUxOTAyMDQxNDIyNjI=", 3613,
                    "oL9krJun7xfBOIWcGHi7mag5/hdZrKWw15jPGrHpjQeRAvTdszaPD+QLs3fx8A4M3e23mRZ9VrbpMngwcrqNAg==");
            boolean ed448 = reproduces(16,
                    "xZ+5Cgm463xugtkY5B0Jx6erFTXp13rYegst0qRtNsOYnaVpMx0Z/c5EiA9x8wWbDDct/U3FhYWA", 9713,
                    "3cPAHkmlnxcDHMyg7vFC34l0blBhuG1qpwLmjInI8w1CMB29FkEAIJUA0amxWndkmnBZ6SKiwZSAxGILn/NBtOXft0+Gj7FS"
                    + "vOKxE/07+4RQvE581N3Aj/JtIyaiYVdnYtyMWbSNyGEY2213WKsJlwEA");
            String error = "";
            try {
                DnssecCrypto.decodePublicKey(DnssecAlgorithm.ECC_GOST, new byte[64]);
            } catch (DnssecException e) {
                error = e.getMessage();
            }
            System.out.println("gost=" + gost + " ds3=" + ds3 + " rsa=" + rsaOk + curves + " ed25519Vector=" + ed25519
                    + " ed448Vector=" + ed448 + " gostError=" + error);
        }

        /** Sign, verify, and reject a flipped signature bit and a flipped data bit. */
        private static boolean roundTrips(DnssecAlgorithm algorithm, byte[] data) {
            var pair = DnssecCrypto.generateKeyPair(algorithm, 0, new SecureRandom());
            byte[] sig = DnssecCrypto.sign(algorithm, pair.getPrivate(), data, new SecureRandom());
            byte[] badSig = sig.clone();
            badSig[sig.length / 2] ^= 1;
            byte[] badData = data.clone();
            badData[0] ^= 1;
            return DnssecCrypto.verify(algorithm, pair.getPublic(), data, sig)
                    && !DnssecCrypto.verify(algorithm, pair.getPublic(), data, badSig)
                    && !DnssecCrypto.verify(algorithm, pair.getPublic(), badData, sig);
        }

        private static boolean reproduces(int alg, String seed, int tag, String expected) {
            DnssecAlgorithm algorithm = DnssecAlgorithm.of(alg);
            var key = BindPrivateKey.parse("Private-key-format: v1.2\nAlgorithm: " + alg + "\nPrivateKey: "
                    + seed + "\n", "vector").privateKey();
            byte[] mx = TestBytes.concat(new byte[] {0, 10}, TestBytes.name("mail.example.com."));
            byte[] data = TestBytes.concat(TestBytes.rrsigPrefix(15, alg, 2, 3600, "1440021600", "1438207200", tag,
                    "example.com."), TestBytes.rr("example.com.", 15, 3600, mx));
            byte[] sig = DnssecCrypto.sign(algorithm, key, data, null);
            return Arrays.equals(TestBytes.b64(expected), sig) && DnssecCrypto.verify(algorithm,
                    DnssecCrypto.derivePublicKey(algorithm, key), data, sig);
        }
    }
}
