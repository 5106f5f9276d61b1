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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Byte-level known answers from the RFCs (the same vectors as ../shared/testdata/dnssec/
 * dnssec_rfc_vectors.zone and RFC 5933), with the signed data built by hand so that these tests do
 * not depend on the record model: key tags, DS digests, signature verification, Ed25519/Ed448
 * byte-exact re-signing, and public-key derivation from BIND private keys.
 */
class CryptoPrimitiveVectorsTest {

    private static final int A = 1;
    private static final int MX = 15;

    private static final String P256_KEY =
            "GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==";
    private static final String P384_KEY = "xKYaNhWdGOfJ+nPrL8/arkwf2EY3MDJ+SErKivBVSum1w/egsXvSADtNJhyem5RCOpgQ6K8X1DRSEkrbYQ+OB+v8"
            + "/uX45NBwY8rp65F6Glur8I/mlVNgF6W/qTI37m40";
    private static final String RSA5_KEY = "AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw==";
    private static final String RSA8_KEY = "AwEAAcFcGsaxxdgiuuGmCkVImy4h99CqT7jwY3pexPGcnUFtR2Fh36BponcwtkZ4cAgtvd4Qs8PkxUdp6p/DlUmObdk=";
    private static final String RSA10_KEY = "AwEAAdHoNTOW+et86KuJOWRDp1pndvwb6Y83nSVXXyLA3DLroROUkN6X0O6pnWnjJQujX/AyhqFDxj13tOnD9u/1kTg7cV6rklMrZDtJCQ5PCl/D7QNPsgVsMu1J2Q8gpMpztNFLpPBz1bWXjDtaR7ZQBlZ3PFY12ZTSncorffcGmhOL";

    @Test
    void keyTagsMatchTheRfcs() {
        assertEquals(55648, KeyTags.of(dnskey(257, 13, P256_KEY)));
        assertEquals(10771, KeyTags.of(dnskey(257, 14, P384_KEY)));
        assertEquals(3613, KeyTags.of(dnskey(257, 15, "l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=")));
        assertEquals(35217, KeyTags.of(dnskey(257, 15, "zPnZ/QwEe7S8C5SPz2OfS5RR40ATk2/rYnE9xHIEijs=")));
        assertEquals(60485, KeyTags.of(dnskey(256, 5, RSA5_KEY)));
        assertEquals(9033, KeyTags.of(dnskey(256, 8, RSA8_KEY)));
        assertEquals(3740, KeyTags.of(dnskey(256, 10, RSA10_KEY)));
        assertEquals(9713, KeyTags.of(dnskey(257, 16,
                "3kgROaDjrh0H2iuixWBrc8g2EpBBLCdGzHmn+G2MpTPhpj/OiBVHHSfPodx1FYYUcJKm1MDpJtIA")));
        assertEquals(38353, KeyTags.of(dnskey(257, 16,
                "kkreGWoccSDmUBGAe7+zsbG6ZAFQp+syPmYUurBRQc3tDjeMCJcVMRDmgcNLp5HlHAMy12VoISsA")));
    }

    @Test
    void rsaMd5KeyTagUsesAppendixB1() {
        // Appendix B.1: octets n-3 and n-2 of the RDATA, i.e. bits 8..23 from the end of the modulus.
        byte[] rdata = {1, 0, 3, 1, 3, 1, 0, 1, (byte) 0xab, (byte) 0xcd, (byte) 0xef, 0x12, 0x34, 0x56};
        assertEquals(0x1234, KeyTags.of(rdata));
    }

    @Test
    void dsDigestsMatchTheRfcs() {
        byte[] dskey = dnskey(256, 5, RSA5_KEY);
        assertArrayEquals(hex("2BB183AF5F22588179A53B0A98631FAD1A292118"),
                DsDigests.digest(DsDigestType.SHA1, name("dskey.example.com."), dskey));
        assertArrayEquals(hex("D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A"),
                DsDigests.digest(DsDigestType.SHA256, name("DSKEY.Example.COM."), dskey));
        assertArrayEquals(hex("b4c8c1fe2e7477127b27115656ad6256f424625bf5c1e2770ce6d6e37df61d17"),
                DsDigests.digest(DsDigestType.SHA256, name("example.net."), dnskey(257, 13, P256_KEY)));
        assertArrayEquals(hex("72d7b62976ce06438e9c0bf319013cf801f09ecc84b8d7e9495f27e305c6a9b0563a9b5f4d288405c3008a946df983d6"),
                DsDigests.digest(DsDigestType.SHA384, name("example.net."), dnskey(257, 14, P384_KEY)));
        assertArrayEquals(hex("3aa5ab37efce57f737fc1627013fee07bdf241bd10f3b1964ab55c78e79a304b"),
                DsDigests.digest(DsDigestType.SHA256, name("example.com."),
                        dnskey(257, 15, "l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=")));
        assertArrayEquals(hex("6ccf18d5bc5d7fc2fceb1d59d17321402f2aa8d368048db93dd811f5cb2b19c7"),
                DsDigests.digest(DsDigestType.SHA256, name("example.com."), dnskey(257, 16,
                        "3kgROaDjrh0H2iuixWBrc8g2EpBBLCdGzHmn+G2MpTPhpj/OiBVHHSfPodx1FYYUcJKm1MDpJtIA")));
        assertTrue(DsDigests.matches(DsDigestType.SHA1, name("dskey.example.com."), dskey,
                hex("2BB183AF5F22588179A53B0A98631FAD1A292118")));
        assertFalse(DsDigests.matches(DsDigestType.SHA1, name("dskey.example.org."), dskey,
                hex("2BB183AF5F22588179A53B0A98631FAD1A292118")));
    }

    @Test
    void ecdsaP256SignatureVerifies() {
        assertVerifies(13, P256_KEY, "www.example.net.", A, 3600, new byte[] {(byte) 192, 0, 2, 1},
                "20100909100439", "20100812100439", 55648, "example.net.", 3,
                "qx6wLYqmh+l9oCKTN6qIc+bw6ya+KJ8oMz0YP107epXAyGmt+3SNruPFKG7tZoLBLlUzGGus7ZwmwWep666VCw==");
    }

    @Test
    void ecdsaP384SignatureVerifies() {
        assertVerifies(14, P384_KEY, "www.example.net.", A, 3600, new byte[] {(byte) 192, 0, 2, 1},
                "20100909102025", "20100812102025", 10771, "example.net.", 3,
                "/L5hDKIvGDyI1fcARX3z65qrmPsVz73QD1Mr5CEqOiLP95hxQouuroGCeZOvzFaxsT8Glr74hbavRKayJNuydCuz"
                + "WTSSPdz7wnqXL5bdcJzusdnI0RSMROxxwGipWcJm");
    }

    @Test
    void rsaSha256And512SignaturesVerify() {
        byte[] a = {(byte) 192, 0, 2, 91};
        assertVerifies(8, RSA8_KEY, "www.example.net.", A, 3600, a, "20300101000000", "20000101000000",
                9033, "example.net.", 3,
                "kRCOH6u7l0QGy9qpC9l1sLncJcOKFLJ7GhiUOibu4teYp5VE9RncriShZNz85mwlMgNEacFYK/lPtPiVYP4bwg==");
        assertVerifies(10, RSA10_KEY, "www.example.net.", A, 3600, a, "20300101000000", "20000101000000",
                3740, "example.net.", 3,
                "tsb4wnjRUDnB1BUi+t6TMTXThjVnG+eCkWqjvvjhzQL1d0YRoOe0CbxrVDYd0xDtsuJRaeUw1ep94PzEWzr0iGYgZBWm/zpq"
                + "+9fOuagYJRfDqfReKBzMweOLDiNa8iP5g9vMhpuv6OPlvpXwm9Sa9ZXIbNl1MBGk0fthPgxdDLw=");
    }

    @Test
    void ed25519SignaturesAreReproducedByteForByte() {
        assertEdDsaReproduced(15, "ODIyNjAzODQ2MjgwODAxMjI2NDUxOTAyMDQxNDIyNjI=",
                "l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=", 3613,
                "oL9krJun7xfBOIWcGHi7mag5/hdZrKWw15jPGrHpjQeRAvTdszaPD+QLs3fx8A4M3e23mRZ9VrbpMngwcrqNAg==");
        assertEdDsaReproduced(15, "DSSF3o0s0f+ElWzj9E/Osxw8hLpk55chkmx0LYN5WiY=",
                "zPnZ/QwEe7S8C5SPz2OfS5RR40ATk2/rYnE9xHIEijs=", 35217,
                "zXQ0bkYgQTEFyfLyi9QoiY6D8ZdYo4wyUhVioYZXFdT410QPRITQSqJSnzQoSm5poJ7gD7AQR0O7KuI5k2pcBg==");
    }

    @Test
    void ed448SignaturesAreReproducedByteForByte() {
        assertEdDsaReproduced(16, "xZ+5Cgm463xugtkY5B0Jx6erFTXp13rYegst0qRtNsOYnaVpMx0Z/c5EiA9x8wWbDDct/U3FhYWA",
                "3kgROaDjrh0H2iuixWBrc8g2EpBBLCdGzHmn+G2MpTPhpj/OiBVHHSfPodx1FYYUcJKm1MDpJtIA", 9713,
                "3cPAHkmlnxcDHMyg7vFC34l0blBhuG1qpwLmjInI8w1CMB29FkEAIJUA0amxWndkmnBZ6SKiwZSAxGILn/NBtOXft0+Gj7FS"
                + "vOKxE/07+4RQvE581N3Aj/JtIyaiYVdnYtyMWbSNyGEY2213WKsJlwEA");
        assertEdDsaReproduced(16, "WEykD3ht3MHkU8iH4uVOLz8JLwtRBSqiBoM6fF72+Mrp/u5gjxuB1DV6NnPO2BlZdz4hdSTkOdOA",
                "kkreGWoccSDmUBGAe7+zsbG6ZAFQp+syPmYUurBRQc3tDjeMCJcVMRDmgcNLp5HlHAMy12VoISsA", 38353,
                "E1/oLjSGIbmLny/4fcgM1z4oL6aqo+izT3urCyHyvEp4Sp8Syg1eI+lJ57CSnZqjJP41O/9l4m0AsQ4f7qI1gVnML8vWWiyW"
                + "2KXhT9kuAICUSxv5OWbf81Rq7Yu60npabODB0QFPb/rkW3kUZmQ0YQUA");
    }

    @Test
    void ecdsaPublicKeysAreDerivedFromBindPrivateKeys() {
        assertDerived(13, "GU6SnQ/Ou+xC5RumuIUIuJZteXT2z0O/ok1s38Et6mQ=", P256_KEY);
        assertDerived(14, "WURgWHCcYIYUPWgeLmiPY2DJJk02vgrmTfitxgqcL4vwW7BOrbawVmVe0d9V94SR", P384_KEY);
    }

    @Test
    void malformedKeysAreRejectedWithAReason() {
        DnssecException wrongLength = assertThrows(DnssecException.class,
                () -> DnssecCrypto.decodePublicKey(DnssecAlgorithm.ECDSAP256SHA256, new byte[63]));
        assertTrue(wrongLength.getMessage().contains("64 octets"), wrongLength.getMessage());
        byte[] offCurve = b64(P256_KEY);
        offCurve[63] ^= 1;
        assertThrows(DnssecException.class,
                () -> DnssecCrypto.decodePublicKey(DnssecAlgorithm.ECDSAP256SHA256, offCurve));
        assertThrows(DnssecException.class,
                () -> DnssecCrypto.decodePublicKey(DnssecAlgorithm.RSASHA256, new byte[] {3, 1, 0, 1}));
        assertThrows(DnssecException.class,
                () -> DnssecCrypto.decodePublicKey(DnssecAlgorithm.RSASHA256, new byte[] {0}));
        assertThrows(DnssecException.class,
                () -> DnssecCrypto.decodePublicKey(DnssecAlgorithm.ED25519, new byte[31]));
        assertThrows(DnssecException.class,
                () -> DnssecCrypto.decodePublicKey(DnssecAlgorithm.of(200), new byte[31]));
    }

    @Test
    void publicKeyFieldsRoundTrip() {
        for (Object[] c : new Object[][] {{13, P256_KEY}, {14, P384_KEY}, {5, RSA5_KEY}, {8, RSA8_KEY},
            {10, RSA10_KEY}, {15, "l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4="},
            {16, "3kgROaDjrh0H2iuixWBrc8g2EpBBLCdGzHmn+G2MpTPhpj/OiBVHHSfPodx1FYYUcJKm1MDpJtIA"}}) {
            DnssecAlgorithm alg = DnssecAlgorithm.of((Integer) c[0]);
            byte[] field = b64((String) c[1]);
            PublicKey key = DnssecCrypto.decodePublicKey(alg, field);
            assertArrayEquals(field, DnssecCrypto.encodePublicKey(alg, key), alg.toString());
        }
    }

    private static byte[] signedData(int alg, String owner, int type, long ttl, byte[] rdata, String exp,
            String inc, int tag, String signer, int labels) {
        return concat(rrsigPrefix(type, alg, labels, ttl, exp, inc, tag, signer), rr(owner, type, ttl, rdata));
    }

    private static void assertVerifies(int alg, String key, String owner, int type, long ttl, byte[] rdata,
            String exp, String inc, int tag, String signer, int labels, String signature) {
        DnssecAlgorithm algorithm = DnssecAlgorithm.of(alg);
        PublicKey publicKey = DnssecCrypto.decodePublicKey(algorithm, b64(key));
        byte[] data = signedData(alg, owner, type, ttl, rdata, exp, inc, tag, signer, labels);
        byte[] sig = b64(signature);
        assertTrue(DnssecCrypto.verify(algorithm, publicKey, data, sig), "valid signature, alg " + alg);
        byte[] flippedData = data.clone();
        flippedData[flippedData.length - 1] ^= 1;
        assertFalse(DnssecCrypto.verify(algorithm, publicKey, flippedData, sig), "changed RDATA, alg " + alg);
        byte[] flippedSig = sig.clone();
        flippedSig[sig.length / 2] ^= 0x10;
        assertFalse(DnssecCrypto.verify(algorithm, publicKey, data, flippedSig), "changed signature, alg " + alg);
        assertFalse(DnssecCrypto.verify(algorithm, publicKey, data, Arrays.copyOf(sig, sig.length - 1)));
    }

    private static void assertEdDsaReproduced(int alg, String seed, String publicKey, int tag, String expected) {
        DnssecAlgorithm algorithm = DnssecAlgorithm.of(alg);
        BindPrivateKey key = BindPrivateKey.parse("Private-key-format: v1.2\nAlgorithm: " + alg + "\nPrivateKey: "
                + seed + "\n", "vector");
        assertArrayEquals(b64(publicKey), DnssecCrypto.encodePublicKey(algorithm,
                DnssecCrypto.derivePublicKey(algorithm, key.privateKey())));
        byte[] mx = concat(new byte[] {0, 10}, name("mail.example.com."));
        byte[] data = signedData(alg, "example.com.", MX, 3600, mx, "1440021600", "1438207200", tag,
                "example.com.", 2);
        assertArrayEquals(b64(expected), DnssecCrypto.sign(algorithm, key.privateKey(), data, null));
        assertVerifies(alg, publicKey, "example.com.", MX, 3600, mx, "1440021600", "1438207200", tag,
                "example.com.", 2, expected);
    }

    private static void assertDerived(int alg, String scalar, String publicKey) {
        DnssecAlgorithm algorithm = DnssecAlgorithm.of(alg);
        PrivateKey key = BindPrivateKey.parse("Private-key-format: v1.2\nAlgorithm: " + alg
                + " (X)\nPrivateKey: " + scalar + "\n", "vector").privateKey();
        assertArrayEquals(b64(publicKey),
                DnssecCrypto.encodePublicKey(algorithm, DnssecCrypto.derivePublicKey(algorithm, key)));
    }
}
