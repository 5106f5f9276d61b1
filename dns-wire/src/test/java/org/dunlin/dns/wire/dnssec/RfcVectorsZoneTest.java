package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.DsRdata;
import org.dunlin.dns.wire.rdata.RrsigRdata;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.junit.jupiter.api.Test;

/**
 * Every vector of ../shared/testdata/dnssec/dnssec_rfc_vectors.zone through the record-level API:
 * each DS matches its DNSKEY, each RRSIG verifies inside its window (and fails outside it and after any
 * change), Ed25519 and Ed448 signatures are reproduced byte for byte from the private keys in the
 * comments, and ECDSA private keys sign what their DNSKEY verifies.
 */
class RfcVectorsZoneTest {

    private record Block(String title, List<Record> records, List<String> privateKeys) {
    }

    private static List<Block> blocks() throws Exception {
        List<String> lines = Files.readAllLines(Nsec3HasherTest.testdata("dnssec_rfc_vectors.zone"));
        List<Block> blocks = new ArrayList<>();
        StringBuilder text = null;
        String title = null;
        List<String> keys = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("; =====")) {
                if (text != null) {
                    blocks.add(new Block(title, parse(text.toString(), title), keys));
                }
                title = line.substring(7).trim();
                text = new StringBuilder();
                keys = new ArrayList<>();
            } else if (text != null) {
                if (line.startsWith("; PrivateKey:")) {
                    keys.add(line.substring(13).trim());
                }
                text.append(line).append('\n');
            }
        }
        blocks.add(new Block(title, parse(text.toString(), title), keys));
        blocks.removeIf(b -> b.records().isEmpty());
        return blocks;
    }

    private static List<Record> parse(String text, String title) throws Exception {
        return ZoneParser.of(Name.ROOT).parse(text, title);
    }

    @Test
    void everyVectorVerifies() throws Exception {
        int ds = 0;
        int sigs = 0;
        int reproduced = 0;
        List<Block> blocks = blocks();
        assertEquals(9, blocks.size(), "vector blocks");
        for (Block block : blocks) {
            List<DnssecKey> keys = new ArrayList<>();
            for (Record r : block.records()) {
                if (r.type().equals(RRType.DNSKEY)) {
                    keys.add(DnssecKey.of(r));
                }
            }
            for (Record r : block.records()) {
                if (r.rdata() instanceof DsRdata) {
                    DsRdata d = (DsRdata) r.rdata();
                    DnssecKey key = keys.stream().filter(k -> k.keyTag() == d.keyTag()).findFirst().orElseThrow();
                    assertTrue(key.matches(d), block.title() + ": DS " + d.keyTag());
                    assertEquals(d, key.toDs(DsDigestType.of(d.digestType())), block.title());
                    ds++;
                }
            }
            for (Record r : block.records()) {
                if (!(r.rdata() instanceof RrsigRdata)) {
                    continue;
                }
                RrsigRdata sig = (RrsigRdata) r.rdata();
                RRset rrset = rrsetOf(block.records(), r.owner(), sig.typeCovered());
                Instant inside = Instant.ofEpochSecond(sig.inception() + 3600);
                RrsigVerification v = RrsigValidator.verify(rrset, sig, keys, inside);
                assertTrue(v.isValid(), block.title() + ": " + v);
                assertEquals(RrsigVerification.Status.EXPIRED,
                        RrsigValidator.verify(rrset, sig, keys, Instant.ofEpochSecond(sig.expiration() + 1)).status());
                assertEquals(RrsigVerification.Status.NOT_YET_VALID,
                        RrsigValidator.verify(rrset, sig, keys, Instant.ofEpochSecond(sig.inception() - 1)).status());
                sigs++;
                DnssecKey key = keys.stream().filter(k -> k.keyTag() == sig.keyTag()).findFirst().orElseThrow();
                for (String privateKey : block.privateKeys()) {
                    BindPrivateKey pk = BindPrivateKey.parse("Private-key-format: v1.2\nAlgorithm: "
                            + key.algorithm().code() + "\nPrivateKey: " + privateKey + "\n", block.title());
                    SigningKey signing;
                    try {
                        signing = SigningKey.of(key, pk.privateKey());
                        if (!java.util.Arrays.equals(key.rdata().publicKey().toByteArray(), DnssecCrypto.encodePublicKey(
                                key.algorithm(), DnssecCrypto.derivePublicKey(key.algorithm(), pk.privateKey())))) {
                            continue; // the private key of the block's other key
                        }
                    } catch (DnssecException e) {
                        continue;
                    }
                    RrsigRdata ours = RrsetSigner.sign(rrset, signing, Instant.ofEpochSecond(sig.inception()),
                            Instant.ofEpochSecond(sig.expiration()), new SecureRandom());
                    assertEquals(sig.labels(), ours.labels());
                    assertTrue(RrsigValidator.verify(rrset, ours, key, inside).isValid());
                    if (key.algorithm().equals(DnssecAlgorithm.ED25519) || key.algorithm().equals(DnssecAlgorithm.ED448)) {
                        assertEquals(sig, ours, block.title() + ": EdDSA signatures are deterministic");
                        reproduced++;
                    }
                }
            }
        }
        assertEquals(8, ds);
        assertEquals(8, sigs);
        assertEquals(4, reproduced);
    }

    @Test
    void changedDataKeyOrSignatureFails() throws Exception {
        for (Block block : blocks()) {
            List<DnssecKey> keys = new ArrayList<>();
            RrsigRdata sig = null;
            Record sigRecord = null;
            for (Record r : block.records()) {
                if (r.type().equals(RRType.DNSKEY)) {
                    keys.add(DnssecKey.of(r));
                } else if (r.rdata() instanceof RrsigRdata) {
                    sig = (RrsigRdata) r.rdata();
                    sigRecord = r;
                }
            }
            if (sig == null) {
                continue;
            }
            RRset rrset = rrsetOf(block.records(), sigRecord.owner(), sig.typeCovered());
            Instant inside = Instant.ofEpochSecond(sig.inception() + 60);
            // Another TTL in the RRset does not matter: the original TTL is signed (RFC 4035 §5.3.2).
            assertTrue(RrsigValidator.verify(rrset.withTtl(5), sig, keys, inside).isValid());
            // Another owner case does not matter either (canonical form).
            RRset upper = new RRset(Name.of(rrset.owner().toString().toUpperCase()), rrset.type(), rrset.rrClass(),
                    rrset.ttl(), rrset.rdata());
            assertTrue(RrsigValidator.verify(upper, sig, keys, inside).isValid());
            byte[] signature = sig.signature().toByteArray();
            signature[signature.length / 3] ^= 4;
            RrsigRdata bad = new RrsigRdata(sig.typeCovered(), sig.algorithm(), sig.labels(), sig.originalTtl(),
                    sig.expiration(), sig.inception(), sig.keyTag(), sig.signerName(), ByteString.of(signature));
            assertFalse(RrsigValidator.verify(rrset, bad, keys, inside).isValid(), block.title());
            RrsigRdata otherTtl = new RrsigRdata(sig.typeCovered(), sig.algorithm(), sig.labels(), sig.originalTtl() + 1,
                    sig.expiration(), sig.inception(), sig.keyTag(), sig.signerName(), sig.signature());
            assertEquals(RrsigVerification.Status.BAD_SIGNATURE,
                    RrsigValidator.verify(rrset, otherTtl, keys, inside).status(), block.title());
        }
    }

    static RRset rrsetOf(List<Record> records, Name owner, RRType type) {
        List<Record> set = new ArrayList<>();
        for (Record r : records) {
            if (r.owner().equals(owner) && r.type().equals(type)) {
                set.add(r);
            }
        }
        return RRset.of(set);
    }
}
