package org.dunlin.dns.wire.dnssec;

import static org.dunlin.dns.wire.dnssec.TestBytes.b64;
import static org.dunlin.dns.wire.dnssec.TestBytes.concat;
import static org.dunlin.dns.wire.dnssec.TestBytes.dnskey;
import static org.dunlin.dns.wire.dnssec.TestBytes.hex;
import static org.dunlin.dns.wire.dnssec.TestBytes.name;
import static org.dunlin.dns.wire.dnssec.TestBytes.rr;
import static org.dunlin.dns.wire.dnssec.TestBytes.rrsigPrefix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** ECC-GOST (algorithm 12) and GOST DS digests (type 3) against RFC 5933's examples; Bouncy Castle is a test dependency. */
class GostVectorsTest {

    private static final DnssecAlgorithm GOST = DnssecAlgorithm.ECC_GOST;
    private static final String ZSK = "aRS/DcPWGQj2wVJydT8EcAVoC0kXn5pDVm2IMvDDPXeD32dsSKcmq8KNVzigjL4OXZTV+t/6w4X1gpNrZiC01g==";

    @Test
    void gostIsSupportedWithBouncyCastle() {
        assertTrue(DnssecCrypto.isSupported(GOST));
        assertTrue(DsDigests.isSupported(DsDigestType.GOST94));
    }

    @Test
    void dsDigestMatchesRfc5933Section41() {
        byte[] ksk = dnskey(257, 12, "LMgXRHzSbIJGn6i16K+sDjaDf/k1o9DbxScOgEYqYS/rlh2Mf+BRAY3QHPbwoPh2fkDKBroFSRGR7ZYcx+YIQw==");
        assertEquals(40692, KeyTags.of(ksk));
        assertArrayEquals(hex("22261A8B0E0D799183E35E24E2AD6BB58533CBA7E3B14D659E9CA09B2071398F"),
                DsDigests.digest(DsDigestType.GOST94, name("example.net."), ksk));
    }

    @Test
    void rrsigOfRfc5933Section31Verifies() {
        assertEquals(59732, KeyTags.of(dnskey(256, 12, ZSK)));
        PublicKey key = DnssecCrypto.decodePublicKey(GOST, b64(ZSK));
        assertArrayEquals(b64(ZSK), DnssecCrypto.encodePublicKey(GOST, key));
        byte[] data = concat(rrsigPrefix(1, 12, 3, 3600, "20300101000000", "20000101000000", 59732, "example.net."),
                rr("www.example.net.", 1, 3600, new byte[] {(byte) 192, 0, 2, 1}));
        byte[] sig = b64("7vzzz6iLOmvtjs5FjVjSHT8XnRKFY15ki6KpkNPkUnS8iIns0Kv4APT+D9ibmHhGri6Sfbyyzi67+wBbbW/jrA==");
        assertTrue(DnssecCrypto.verify(GOST, key, data, sig));
        data[data.length - 1] ^= 1;
        assertFalse(DnssecCrypto.verify(GOST, key, data, sig));
    }

    @Test
    void privateKeyOfRfc5933Section22SignsForItsDnskey() {
        BindPrivateKey pk = BindPrivateKey.parse("Private-key-format: v1.2\nAlgorithm: 12 (ECC-GOST)\n"
                + "GostAsn1: MEUCAQAwHAYGKoUDAgITMBIGByqFAwICIwEGByqFAwICHgEEIgQg/9MiXtXKg9FDXDN/R9CmVhJDyuzRAIgh4tPwCu4NHIs=\n",
                "rfc5933");
        PublicKey derived = DnssecCrypto.derivePublicKey(GOST, pk.privateKey());
        assertArrayEquals(b64(ZSK), DnssecCrypto.encodePublicKey(GOST, derived));
        byte[] data = {1, 2, 3};
        byte[] sig = DnssecCrypto.sign(GOST, pk.privateKey(), data, new SecureRandom());
        assertEquals(64, sig.length);
        assertTrue(DnssecCrypto.verify(GOST, DnssecCrypto.decodePublicKey(GOST, b64(ZSK)), data, sig));
        BindPrivateKey reread = BindPrivateKey.parse(pk.format(), "rewritten");
        assertArrayEquals(pk.privateKey().getEncoded(), reread.privateKey().getEncoded());
    }

    @Test
    void generatedGostKeysSignAndVerify() {
        KeyPair pair = DnssecCrypto.generateKeyPair(GOST, 0, new SecureRandom());
        byte[] field = DnssecCrypto.encodePublicKey(GOST, pair.getPublic());
        assertEquals(64, field.length);
        byte[] data = "gost".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sig = DnssecCrypto.sign(GOST, pair.getPrivate(), data, new SecureRandom());
        assertTrue(DnssecCrypto.verify(GOST, DnssecCrypto.decodePublicKey(GOST, field), data, sig));
    }
}
