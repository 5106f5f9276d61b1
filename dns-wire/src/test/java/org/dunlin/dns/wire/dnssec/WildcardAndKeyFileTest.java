package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.RrsigVerification.Status;
import org.dunlin.dns.wire.rdata.DnskeyRdata;
import org.dunlin.dns.wire.rdata.RrsigRdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wildcard expansion (RFC 4035 §5.3.2, with RFC 4035 Appendix B.6's own example), the other RRSIG
 * structural checks, and key files that do not fit together.
 */
class WildcardAndKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void rfc4035WildcardExpansionVerifies() throws Exception {
        List<Record> zone = AppendixZonesTest.zone("rfc4035_appendixA_example.zone");
        List<DnssecKey> keys = new ArrayList<>();
        RrsigRdata sig = null;
        List<Record> wildcard = new ArrayList<>();
        for (Record r : zone) {
            if (r.type().equals(RRType.DNSKEY)) {
                keys.add(DnssecKey.of(r));
            } else if (r.owner().equals(Name.of("*.w.example.")) && r.type().equals(RRType.MX)) {
                wildcard.add(r);
            } else if (r.owner().equals(Name.of("*.w.example.")) && r.rdata() instanceof RrsigRdata
                    && ((RrsigRdata) r.rdata()).typeCovered().equals(RRType.MX)) {
                sig = (RrsigRdata) r.rdata();
            }
        }
        assertEquals(2, sig.labels());
        Instant when = Instant.parse("2004-04-20T00:00:00Z");
        RRset original = RRset.of(wildcard);
        assertTrue(RrsigValidator.verify(original, sig, keys, when).isValid());
        // Appendix B.6: the answer for a.z.w.example. is synthesised from *.w.example.
        RRset expanded = new RRset(Name.of("a.z.w.example."), original.type(), original.rrClass(), original.ttl(),
                original.rdata());
        assertTrue(RrsigValidator.verify(expanded, sig, keys, when).isValid());
        assertEquals(Name.of("*.w.example."), CanonicalRrset.signedOwner(Name.of("a.z.w.example."), 2));
        // Another closest encloser does not verify, and more labels than the owner has are rejected.
        RRset elsewhere = new RRset(Name.of("a.x.example."), original.type(), original.rrClass(), original.ttl(),
                original.rdata());
        assertEquals(Status.BAD_SIGNATURE, RrsigValidator.verify(elsewhere, sig, keys, when).status());
        RRset shorter = new RRset(Name.of("example."), original.type(), original.rrClass(), original.ttl(), original.rdata());
        assertEquals(Status.BAD_LABELS, RrsigValidator.verify(shorter, sig, keys, when).status());
    }

    @Test
    void structuralChecksComeFirst() {
        Name zone = Name.of("example.");
        SigningKey key = SigningKey.generate(zone, SigningKey.ZSK_FLAGS, DnssecAlgorithm.ED25519, 0, new SecureRandom());
        RRset rrset = RRset.of(List.of(rec("www.example. 300 IN A 192.0.2.1")));
        Instant inc = Instant.parse("2024-01-01T00:00:00Z");
        Instant exp = Instant.parse("2024-02-01T00:00:00Z");
        Instant now = Instant.parse("2024-01-10T00:00:00Z");
        RrsigRdata sig = RrsetSigner.sign(rrset, key, inc, exp, null);
        RRset other = RRset.of(List.of(rec("www.example. 300 IN AAAA 2001:db8::1")));
        assertEquals(Status.TYPE_MISMATCH, RrsigValidator.verify(other, sig, key.publicKey(), now).status());
        RRset outside = RRset.of(List.of(rec("www.example.org. 300 IN A 192.0.2.1")));
        assertEquals(Status.SIGNER_NOT_ANCESTOR, RrsigValidator.verify(outside, sig, key.publicKey(), now).status());
        SigningKey notZone = SigningKey.of(zone, 0, DnssecAlgorithm.ED25519, key.privateKey(),
                key.publicKey().publicKey());
        RrsigRdata byNotZone = RrsetSigner.sign(rrset, notZone, inc, exp, null);
        assertEquals(Status.NOT_ZONE_KEY, RrsigValidator.verify(rrset, byNotZone, notZone.publicKey(), now).status());
        SigningKey revoked = SigningKey.of(zone, SigningKey.KSK_FLAGS | 0x0080, DnssecAlgorithm.ED25519,
                key.privateKey(), key.publicKey().publicKey());
        RrsigRdata byRevoked = RrsetSigner.sign(rrset, revoked, inc, exp, null);
        assertEquals(Status.REVOKED_KEY, RrsigValidator.verify(rrset, byRevoked, revoked.publicKey(), now).status());
        RRset dnskeys = RRset.of(List.of(revoked.dnskeyRecord(300)));
        assertTrue(RrsigValidator.verify(dnskeys, RrsetSigner.sign(dnskeys, revoked, inc, exp, null),
                revoked.publicKey(), now).isValid(), "a revoked key still signs its own DNSKEY RRset");
        assertEquals(Status.WRONG_KEY, RrsigValidator.verify(rrset, sig, revoked.publicKey(), now).status());
        assertTrue(new RrsigValidator(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
                .verify(rrset, sig, key.publicKey()).isValid(), "the injected clock is used");
        assertThrows(IllegalArgumentException.class, () -> RrsetSigner.sign(outside, key, inc, exp, null));
        assertThrows(IllegalArgumentException.class, () -> RrsetSigner.sign(rrset, key, exp, inc, null));
    }

    @Test
    void mismatchedKeyFilesAreRejected() throws Exception {
        Name zone = Name.of("example.");
        SigningKey a = SigningKey.generate(zone, SigningKey.ZSK_FLAGS, DnssecAlgorithm.ECDSAP256SHA256, 0, new SecureRandom());
        SigningKey b = SigningKey.generate(zone, SigningKey.ZSK_FLAGS, DnssecAlgorithm.ECDSAP256SHA256, 0, new SecureRandom());
        Path baseA = BindKeyFiles.write(a, dir, Instant.now());
        Path baseB = BindKeyFiles.write(b, dir, Instant.now());
        assertEquals(a.publicKey().rdata(), BindKeyFiles.read(Path.of(baseA + ".private")).publicKey().rdata());
        Files.copy(Path.of(baseB + ".private"), Path.of(baseA + ".private"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DnssecException e = assertThrows(DnssecException.class, () -> BindKeyFiles.read(baseA));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> BindKeyFiles.write(b, dir, Instant.now()));
        Files.writeString(Path.of(baseB + ".key"), "; two keys\n" + a.dnskeyRecord(300) + "\n" + b.dnskeyRecord(300) + "\n");
        assertThrows(DnssecException.class, () -> BindKeyFiles.readPublic(Path.of(baseB + ".key")));
        Files.writeString(Path.of(baseB + ".private"), "Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\n");
        DnssecException missing = assertThrows(DnssecException.class,
                () -> BindPrivateKey.parse(Files.readString(Path.of(baseB + ".private")), "Kb.private"));
        assertTrue(missing.getMessage().startsWith("Kb.private: missing field 'PrivateKey'"), missing.getMessage());
        DnssecException hsm = assertThrows(DnssecException.class, () -> BindPrivateKey.parse(
                "Private-key-format: v1.3\nAlgorithm: 8\nEngine: pkcs11\nLabel: x\n", "Khsm.private"));
        assertTrue(hsm.getMessage().contains("Khsm.private:3: keys held in an HSM"), hsm.getMessage());
    }

    @Test
    void bindPrivateKeysKeepTheirMetadata() {
        SigningKey key = SigningKey.generate(Name.of("example."), SigningKey.KSK_FLAGS, DnssecAlgorithm.RSASHA256, 1024,
                new SecureRandom());
        BindPrivateKey pk = BindPrivateKey.newKey(key.algorithm(), key.privateKey(), Instant.parse("2024-01-02T03:04:05Z"));
        String text = pk.format();
        assertTrue(text.startsWith("Private-key-format: v1.3\nAlgorithm: 8 (RSASHA256)\nModulus: "), text);
        assertTrue(text.contains("\nCreated: 20240102030405\nPublish: 20240102030405\nActivate: 20240102030405\n"), text);
        BindPrivateKey back = BindPrivateKey.parse(text + "Inactive: 20250101000000\n", "k");
        assertEquals("20250101000000", back.metadata().get("Inactive"));
        assertEquals(key.privateKey(), back.privateKey());
        assertTrue(!back.toString().contains("Modulus"), "never prints key material");
        assertEquals(257, ((DnskeyRdata) key.dnskeyRecord(300).rdata()).flags());
    }

    /**
     * Regression: BIND leaves out the leading zero octets of an ECDSA scalar (OpenSSL's BN_bn2bin), so
     * about one key file in 256 holds a 31-octet P-256 scalar; ZoneVerifierChainTest failed on one.
     */
    @Test
    void ecdsaScalarsShorterThanTheFieldAreTheSameNumber() {
        byte[] shortScalar = new byte[31];
        new SecureRandom().nextBytes(shortScalar);
        shortScalar[0] |= 1; // a non-zero leading octet, so the scalar is exactly 31 octets
        String text = "Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: "
                + java.util.Base64.getEncoder().encodeToString(shortScalar) + "\n";
        BindPrivateKey k = BindPrivateKey.parse(text, "Kshort.private");
        assertEquals(new java.math.BigInteger(1, shortScalar), ((java.security.interfaces.ECPrivateKey) k.privateKey()).getS());
        String tooLong = "Private-key-format: v1.3\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: "
                + java.util.Base64.getEncoder().encodeToString(new byte[33]) + "\n";
        assertThrows(DnssecException.class, () -> BindPrivateKey.parse(tooLong, "Klong.private"));
    }

    private static Record rec(String text) {
        try {
            return Record.fromText(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
