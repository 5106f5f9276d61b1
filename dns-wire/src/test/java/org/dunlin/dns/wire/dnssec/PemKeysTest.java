package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.dunlin.dns.wire.dnssec.peers.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM/PKCS #8 import and export, including keys made by OpenSSL in its traditional formats. */
class PemKeysTest {

    private static final List<DnssecAlgorithm> ALGORITHMS = List.of(DnssecAlgorithm.RSASHA256,
            DnssecAlgorithm.ECDSAP256SHA256, DnssecAlgorithm.ECDSAP384SHA384, DnssecAlgorithm.ED25519,
            DnssecAlgorithm.ED448, DnssecAlgorithm.ECC_GOST);

    @TempDir
    Path dir;

    @Test
    void ourKeysRoundTripThroughPem() {
        SecureRandom random = new SecureRandom();
        for (DnssecAlgorithm alg : ALGORITHMS) {
            KeyPair pair = DnssecCrypto.generateKeyPair(alg, alg.isRsa() ? 1024 : 0, random);
            String pem = PemKeys.encodePrivateKey(pair.getPrivate());
            assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem);
            PrivateKey back = PemKeys.decodePrivateKey("some text before\n" + pem);
            assertArrayEquals(pair.getPrivate().getEncoded(), back.getEncoded(), alg.toString());
            assertEquals(alg.isRsa() ? Optional.empty() : Optional.of(alg), PemKeys.impliedAlgorithm(back));
            PublicKey pub = PemKeys.decodePublicKey(PemKeys.encodePublicKey(pair.getPublic()));
            assertArrayEquals(DnssecCrypto.encodePublicKey(alg, pair.getPublic()), DnssecCrypto.encodePublicKey(alg, pub));
            assertArrayEquals(DnssecCrypto.encodePublicKey(alg, pair.getPublic()),
                    DnssecCrypto.encodePublicKey(alg, DnssecCrypto.derivePublicKey(alg, back)));
        }
    }

    @Test
    void readsWhatOpensslWrites() throws Exception {
        String openssl = Peers.require("openssl");
        Object[][] cases = {
            {new String[] {"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"}, DnssecAlgorithm.RSASHA256},
            {new String[] {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"}, DnssecAlgorithm.ECDSAP256SHA256},
            {new String[] {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"}, DnssecAlgorithm.ECDSAP384SHA384},
            {new String[] {"genpkey", "-algorithm", "ED25519"}, DnssecAlgorithm.ED25519},
            {new String[] {"genpkey", "-algorithm", "ED448"}, DnssecAlgorithm.ED448},
            {new String[] {"ecparam", "-name", "prime256v1", "-genkey", "-noout"}, DnssecAlgorithm.ECDSAP256SHA256},
        };
        int n = 0;
        for (Object[] c : cases) {
            String[] args = (String[]) c[0];
            DnssecAlgorithm alg = (DnssecAlgorithm) c[1];
            Path key = dir.resolve("key" + n++ + ".pem");
            String[] command = new String[args.length + 3];
            command[0] = openssl;
            System.arraycopy(args, 0, command, 1, args.length);
            command[args.length + 1] = "-out";
            command[args.length + 2] = key.toString();
            Peers.runOk(dir, 60, command);
            String pem = Files.readString(key);
            PrivateKey privateKey = PemKeys.decodePrivateKey(pem);
            PublicKey derived = DnssecCrypto.derivePublicKey(alg, privateKey);
            // OpenSSL's own view of the public key must match ours.
            String pub = Peers.runOk(dir, 30, openssl, "pkey", "-in", key.toString(), "-pubout");
            assertArrayEquals(DnssecCrypto.encodePublicKey(alg, PemKeys.decodePublicKey(pub)),
                    DnssecCrypto.encodePublicKey(alg, derived), alg + " " + String.join(" ", args));
            byte[] data = {1, 2, 3};
            assertTrue(DnssecCrypto.verify(alg, derived, data, DnssecCrypto.sign(alg, privateKey, data, new SecureRandom())));
        }
        // Traditional PKCS #1 RSA.
        Path rsa = dir.resolve("rsa-trad.pem");
        Peers.runOk(dir, 60, openssl, "genrsa", "-traditional", "-out", rsa.toString(), "1024");
        String trad = Files.readString(rsa);
        assertTrue(trad.contains("BEGIN RSA PRIVATE KEY"), trad);
        PrivateKey fromTrad = PemKeys.decodePrivateKey(trad);
        String pub = Peers.runOk(dir, 30, openssl, "pkey", "-in", rsa.toString(), "-pubout");
        assertArrayEquals(DnssecCrypto.encodePublicKey(DnssecAlgorithm.RSASHA256, PemKeys.decodePublicKey(pub)),
                DnssecCrypto.encodePublicKey(DnssecAlgorithm.RSASHA256,
                        DnssecCrypto.derivePublicKey(DnssecAlgorithm.RSASHA256, fromTrad)));
    }

    @Test
    void badPemIsRejectedWithAReason() {
        assertThrows(DnssecException.class, () -> PemKeys.decodePrivateKey("nothing here"));
        DnssecException enc = assertThrows(DnssecException.class, () -> PemKeys.decodePrivateKey(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n"));
        assertTrue(enc.getMessage().contains("encrypted"), enc.getMessage());
        assertThrows(DnssecException.class, () -> PemKeys.decodePrivateKey(
                "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n"));
        assertThrows(DnssecException.class, () -> PemKeys.decodePrivateKey(
                "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n"));
    }
}
