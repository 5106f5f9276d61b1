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
 * Bouncy Castle is optional: in a JVM whose class path lacks it, every JDK algorithm still works,
 * GOST reports itself unsupported with a clear message, and nothing fails to link.
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
        assertEquals("gost=false ds3=false ed25519=true rsa=true gostError=unsupported DNSSEC algorithm 12 (ECC-GOST):"
                + " Bouncy Castle is not available", out.strip());
    }

    /** Runs in the child JVM. */
    public static final class Probe {
        public static void main(String[] args) {
            boolean gost = DnssecCrypto.isSupported(DnssecAlgorithm.ECC_GOST);
            boolean ds3 = DsDigests.isSupported(DsDigestType.GOST94);
            byte[] data = {1, 2, 3};
            var ed = DnssecCrypto.generateKeyPair(DnssecAlgorithm.ED25519, 0, new SecureRandom());
            boolean edOk = DnssecCrypto.verify(DnssecAlgorithm.ED25519, ed.getPublic(), data,
                    DnssecCrypto.sign(DnssecAlgorithm.ED25519, ed.getPrivate(), data, null));
            var rsa = DnssecCrypto.generateKeyPair(DnssecAlgorithm.RSASHA256, 1024, new SecureRandom());
            boolean rsaOk = DnssecCrypto.verify(DnssecAlgorithm.RSASHA256, rsa.getPublic(), data,
                    DnssecCrypto.sign(DnssecAlgorithm.RSASHA256, rsa.getPrivate(), data, null));
            String error = "";
            try {
                DnssecCrypto.decodePublicKey(DnssecAlgorithm.ECC_GOST, new byte[64]);
            } catch (DnssecException e) {
                error = e.getMessage();
            }
            System.out.println("gost=" + gost + " ds3=" + ds3 + " ed25519=" + edOk + " rsa=" + rsaOk + " gostError=" + error);
        }
    }
}
