package org.dunlin.dns.wire.dnssec;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.dnssec.internal.NsecChainCheck;
import org.dunlin.dns.wire.dnssec.internal.Nsec3ChainCheck;
import org.dunlin.dns.wire.dnssec.internal.ProblemSink;
import org.dunlin.dns.wire.dnssec.internal.TtlChecks;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex.Node;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex.Status;
import org.dunlin.dns.wire.rdata.DelegationSignerData;
import org.dunlin.dns.wire.rdata.DnskeyRdata;
import org.dunlin.dns.wire.rdata.KeyData;
import org.dunlin.dns.wire.rdata.RrsigRdata;

/**
 * Verifies a signed zone the way {@code dnssec-verify} and {@code ldns-verify-zone} do:
 * <ul>
 *   <li>every RRSIG is valid at the verification time, made by a zone key of the apex DNSKEY RRset
 *       (RFC 4035 §5.3), and covers an authoritative RRset;</li>
 *   <li>every authoritative RRset (not delegation NS, not glue, not occluded data) has a valid RRSIG for
 *       each algorithm of the apex DNSKEY RRset (RFC 4035 §2.2, RFC 6840 §5.11);</li>
 *   <li>the NSEC chain (RFC 4034 §4, RFC 4035 §2.3) or NSEC3 chain (RFC 5155 §7.1, including opt-out and
 *       empty non-terminals) is complete, in order, closed, and its type bitmaps match the data;</li>
 *   <li>with trust anchors (DNSKEY and/or DS records for the apex), the DNSKEY RRset carries a valid
 *       RRSIG by a key one of them designates; without, the apex keys are taken as given;</li>
 *   <li>an RRSIG counts towards its RRset's coverage only if its Original TTL is the RRset's TTL
 *       (RFC 4034 §3.1.8.1), as {@code dnssec-verify} requires: the mismatch itself is a warning, the
 *       algorithm left without a counting RRSIG a problem;</li>
 *   <li>the TTL rules {@code dnssec-verify} does not check are reported as warnings, which leave the
 *       zone valid: RRsets with mixed TTLs, RRSIG TTLs that differ from their RRset's, NSEC/NSEC3 TTLs
 *       other than the negative TTL of RFC 9077 ({@link TtlChecks}).</li>
 * </ul>
 * Every problem and warning is reported with its name, type and reason; nothing stops at the first.
 *
 * <p>Immutable and thread-safe; each call works on its own data on the calling thread. The time comes
 * from the builder (a fixed instant or a clock).
 */
public final class ZoneVerifier {

    private final Name origin;
    private final Clock clock;
    private final List<Record> anchors;
    private final Nsec3Hasher nsec3Hasher;

    private ZoneVerifier(Builder b) {
        this.origin = b.origin;
        this.clock = b.clock;
        this.anchors = List.copyOf(b.anchors);
        this.nsec3Hasher = b.nsec3Hasher;
    }

    /** A builder for verifying the zone at {@code origin}. */
    public static Builder builder(Name origin) {
        return new Builder(origin);
    }

    /** Configures a {@link ZoneVerifier}. Not thread-safe. */
    public static final class Builder {
        private final Name origin;
        private Clock clock = Clock.systemUTC();
        private final List<Record> anchors = new ArrayList<>();
        private Nsec3Hasher nsec3Hasher = Nsec3Hasher.withDefaultLimit();

        private Builder(Name origin) {
            if (!origin.isAbsolute()) {
                throw new IllegalArgumentException("origin must be absolute: " + origin);
            }
            this.origin = origin;
        }

        /** Checks signatures at this instant (default: now). */
        public Builder time(Instant time) {
            this.clock = Clock.fixed(time, java.time.ZoneOffset.UTC);
            return this;
        }

        /** Checks signatures at the clock's time when {@link ZoneVerifier#verify} runs. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Trust anchors: DNSKEY and DS records. Those owned by the origin apply; the DNSKEY RRset must
         * then be signed by a key they designate.
         *
         * @throws IllegalArgumentException for a record that is neither DNSKEY nor DS
         */
        public Builder trustAnchors(Collection<Record> records) {
            for (Record r : records) {
                if (!(r.rdata() instanceof KeyData) && !(r.rdata() instanceof DelegationSignerData)) {
                    throw new IllegalArgumentException("a trust anchor is a DNSKEY or DS record, not " + r.type());
                }
                anchors.add(r);
            }
            return this;
        }

        /** The NSEC3 hasher, whose iteration cap applies to the zone's NSEC3PARAM (RFC 9276). */
        public Builder nsec3Hasher(Nsec3Hasher hasher) {
            this.nsec3Hasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /** The verifier. */
        public ZoneVerifier build() {
            return new ZoneVerifier(this);
        }
    }

    /** Verifies the zone made of {@code records} (every record of the zone file, in any order). */
    public ZoneVerification verify(Iterable<Record> records) {
        Instant now = clock.instant();
        ZoneIndex index = ZoneIndex.build(origin, records);
        ProblemSink problems = new ProblemSink();
        for (Record r : index.outside()) {
            problems.add(r.owner(), r.type(), Kind.OUT_OF_ZONE, r.owner().isSubdomainOf(origin)
                    ? "record of class " + r.rrClass() + " in a zone of class " + index.zoneClass()
                    : "record outside the zone " + origin);
        }
        Node apex = index.apex();
        if (apex == null || !apex.has(RRType.SOA)) {
            problems.add(origin, RRType.SOA, Kind.MISSING_APEX_DATA, "the zone has no SOA record at its apex");
        }
        if (apex == null || !apex.has(RRType.DNSKEY)) {
            problems.add(origin, RRType.DNSKEY, Kind.MISSING_APEX_DATA,
                    "the zone has no DNSKEY RRset at its apex: it is not signed");
            return new ZoneVerification(origin, now, index.recordCount(), 0, 0, "none", problems.sorted(),
                    problems.sortedWarnings());
        }
        List<DnssecKey> keys = zoneKeys(apex, problems);
        Set<Integer> algorithms = new TreeSet<>();
        for (DnssecKey k : keys) {
            if (!k.isRevoked()) {
                algorithms.add(k.algorithm().code());
            }
        }
        Map<Record, RrsigVerification> results = new HashMap<>();
        long signatures = checkSignatures(index, keys, now, problems, results);
        long rrsets = checkCoverage(index, algorithms, problems);
        if (!anchors.isEmpty()) {
            checkTrustAnchors(apex, keys, results, problems);
        }
        String denial = checkDenial(index, problems);
        TtlChecks.check(index, problems);
        return new ZoneVerification(origin, now, index.recordCount(), rrsets, signatures, denial, problems.sorted(),
                problems.sortedWarnings());
    }

    /** The apex zone keys that decode; the others are reported. */
    private List<DnssecKey> zoneKeys(Node apex, ProblemSink problems) {
        List<DnssecKey> keys = new ArrayList<>();
        for (Record r : apex.records(RRType.DNSKEY)) {
            DnskeyRdata k = (DnskeyRdata) r.rdata();
            if ((k.flags() & KeyData.FLAG_ZONE) == 0 || k.protocol() != 3) {
                continue; // not a zone key: may be published, never signs zone data (RFC 4034 §2.1.1)
            }
            try {
                keys.add(DnssecKey.of(r));
            } catch (DnssecException e) {
                problems.add(origin, RRType.DNSKEY, Kind.BAD_KEY, "DNSKEY " + k.keyTag() + " (algorithm "
                        + DnssecAlgorithm.of(k.algorithm()).mnemonic() + "): " + e.getMessage());
            }
        }
        return keys;
    }

    /** Checks every RRSIG once; returns how many. */
    private long checkSignatures(ZoneIndex index, List<DnssecKey> keys, Instant now, ProblemSink problems,
            Map<Record, RrsigVerification> results) {
        long count = 0;
        for (Node node : index.nodes().values()) {
            for (Map.Entry<RRType, List<Record>> e : node.signatures().entrySet()) {
                RRType covered = e.getKey();
                RRset rrset = node.rrset(covered);
                for (Record sigRecord : e.getValue()) {
                    count++;
                    RrsigRdata sig = (RrsigRdata) sigRecord.rdata();
                    String id = "RRSIG (" + DnssecAlgorithm.of(sig.algorithm()).mnemonic() + ", tag " + sig.keyTag() + ")";
                    if (rrset == null) {
                        problems.add(node.name(), covered, Kind.UNEXPECTED_SIGNATURE, id + " covers an RRset that does not exist");
                        continue;
                    }
                    if (!needsSignature(node, covered)) {
                        problems.add(node.name(), covered, Kind.UNEXPECTED_SIGNATURE, id + " signs "
                                + (node.status() == Status.OCCLUDED ? "glue or occluded data" : "a delegation NS RRset"));
                        continue;
                    }
                    if (!sig.signerName().equals(origin)) {
                        problems.add(node.name(), covered, Kind.INVALID_SIGNATURE, id + " has signer "
                                + sig.signerName() + ", not the zone " + origin);
                        continue;
                    }
                    RrsigVerification v = RrsigValidator.verify(rrset, sig, keys, now);
                    results.put(sigRecord, v);
                    if (!v.isValid()) {
                        problems.add(node.name(), covered, kindOf(v.status()), id + " " + describe(v));
                    }
                    if (sig.originalTtl() != rrset.ttl()) {
                        problems.add(node.name(), covered, Kind.ORIGINAL_TTL_MISMATCH, id + " has original TTL "
                                + sig.originalTtl() + ", the RRset's TTL is " + rrset.ttl() + ": it does not count");
                    }
                }
            }
        }
        return count;
    }

    private static String describe(RrsigVerification v) {
        switch (v.status()) {
            case BAD_SIGNATURE:
                return "does not verify: bad signature";
            case EXPIRED:
                return "has expired: " + v.detail();
            case NOT_YET_VALID:
                return "is not yet valid: " + v.detail();
            default:
                return "is invalid: " + v.detail();
        }
    }

    private static Kind kindOf(RrsigVerification.Status status) {
        switch (status) {
            case BAD_SIGNATURE:
                return Kind.BAD_SIGNATURE;
            case EXPIRED:
                return Kind.EXPIRED_SIGNATURE;
            case NOT_YET_VALID:
                return Kind.NOT_YET_VALID_SIGNATURE;
            case WRONG_KEY:
            case NOT_ZONE_KEY:
            case REVOKED_KEY:
                return Kind.UNKNOWN_KEY;
            default:
                return Kind.INVALID_SIGNATURE;
        }
    }

    /** Whether an RRset of {@code type} at {@code node} is authoritative and so must be signed. */
    private static boolean needsSignature(Node node, RRType type) {
        switch (node.status()) {
            case OCCLUDED:
                return false;
            case DELEGATION:
                return type.equals(RRType.DS) || type.equals(RRType.NSEC);
            default:
                return true;
        }
    }

    /**
     * Each authoritative RRset needs an RRSIG per algorithm of the DNSKEY RRset (whose validity
     * {@link #checkSignatures} reports); returns the number of such RRsets.
     */
    private long checkCoverage(ZoneIndex index, Set<Integer> algorithms, ProblemSink problems) {
        long count = 0;
        for (Node node : index.nodes().values()) {
            for (RRType type : node.types()) {
                if (!needsSignature(node, type)) {
                    continue;
                }
                count++;
                List<Record> sigs = node.signatures().getOrDefault(type, List.of());
                if (sigs.isEmpty()) {
                    problems.add(node.name(), type, Kind.MISSING_SIGNATURE, "RRset has no RRSIG");
                    continue;
                }
                long ttl = node.rrset(type).ttl();
                Set<Integer> signedAlgorithms = new TreeSet<>();
                Set<Integer> otherTtl = new TreeSet<>();
                for (Record s : sigs) {
                    RrsigRdata sig = (RrsigRdata) s.rdata();
                    // RFC 4034 §3.1.8.1: the signed RRs carry the Original TTL; dnssec-verify skips an
                    // RRSIG whose Original TTL is not the RRset's TTL.
                    (sig.originalTtl() == ttl ? signedAlgorithms : otherTtl).add(sig.algorithm());
                }
                for (int alg : algorithms) {
                    // An algorithm whose RRSIGs all failed is already reported, RRSIG by RRSIG.
                    if (!signedAlgorithms.contains(alg)) {
                        problems.add(node.name(), type, Kind.MISSING_SIGNATURE, "no RRSIG with algorithm "
                                + DnssecAlgorithm.of(alg).mnemonic()
                                + (otherTtl.contains(alg) ? " whose original TTL is the RRset's TTL " + ttl : ""));
                    }
                }
            }
        }
        return count;
    }

    private void checkTrustAnchors(Node apex, List<DnssecKey> keys, Map<Record, RrsigVerification> results,
            ProblemSink problems) {
        List<Record> applicable = new ArrayList<>();
        for (Record a : anchors) {
            if (a.owner().equals(origin)) {
                applicable.add(a);
            } else {
                problems.add(a.owner(), a.type(), Kind.TRUST_ANCHOR, "trust anchor is for " + a.owner()
                        + ", not the zone " + origin);
            }
        }
        if (applicable.isEmpty()) {
            return;
        }
        List<DnssecKey> anchored = new ArrayList<>();
        for (DnssecKey k : keys) {
            for (Record a : applicable) {
                boolean match = a.rdata() instanceof KeyData
                        ? sameKeyIgnoringRevoke(k, (KeyData) a.rdata())
                        : k.matches((DelegationSignerData) a.rdata());
                if (match) {
                    anchored.add(k);
                    break;
                }
            }
        }
        if (anchored.isEmpty()) {
            problems.add(origin, RRType.DNSKEY, Kind.TRUST_ANCHOR, "no DNSKEY of the zone matches the trust anchors");
            return;
        }
        for (Record s : apex.signatures().getOrDefault(RRType.DNSKEY, List.of())) {
            RrsigVerification v = results.get(s);
            RrsigRdata sig = (RrsigRdata) s.rdata();
            if (v != null && v.isValid()) {
                for (DnssecKey k : anchored) {
                    if (k.keyTag() == sig.keyTag() && k.algorithm().code() == sig.algorithm()) {
                        return;
                    }
                }
            }
        }
        StringBuilder tags = new StringBuilder();
        for (DnssecKey k : anchored) {
            tags.append(tags.length() == 0 ? "" : ", ").append(k.keyTag());
        }
        problems.add(origin, RRType.DNSKEY, Kind.TRUST_ANCHOR,
                "the DNSKEY RRset has no valid RRSIG by a trust-anchor key (" + tags + ")");
    }

    private static boolean sameKeyIgnoringRevoke(DnssecKey key, KeyData anchor) {
        KeyData k = key.rdata();
        return k.algorithm() == anchor.algorithm() && k.protocol() == anchor.protocol()
                && (k.flags() & ~KeyData.FLAG_REVOKE) == (anchor.flags() & ~KeyData.FLAG_REVOKE)
                && k.publicKey().equals(anchor.publicKey());
    }

    private String checkDenial(ZoneIndex index, ProblemSink problems) {
        boolean nsec = false;
        boolean nsec3 = false;
        for (Node node : index.nodes().values()) {
            nsec |= node.has(RRType.NSEC);
            nsec3 |= node.has(RRType.NSEC3);
        }
        Node apex = index.apex();
        boolean param = apex.has(RRType.NSEC3PARAM);
        if (nsec) {
            NsecChainCheck.check(index, problems);
        }
        if (param || nsec3) {
            Nsec3ChainCheck.check(index, nsec3Hasher, problems);
        }
        if (!nsec && !param && !nsec3) {
            problems.add(origin, RRType.NSEC, Kind.NO_DENIAL, "the zone has neither an NSEC nor an NSEC3 chain");
            return "none";
        }
        return nsec && (param || nsec3) ? "NSEC and NSEC3" : nsec ? "NSEC" : "NSEC3";
    }
}
