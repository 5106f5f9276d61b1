package org.dunlin.dns.wire.dnssec;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;

/**
 * The report of {@link ZoneVerifier}: counts, the kind of denial of existence found, every problem
 * and every warning, each list sorted by name (canonical order) and type. The zone is valid only with
 * no problems; warnings (the {@link Kind#isWarning() warning kinds}: TTL inconsistencies that
 * {@code dnssec-verify} does not fail a zone for) never make it invalid. Immutable.
 *
 * @param origin the zone apex
 * @param time the time signatures were checked at
 * @param records the number of records examined
 * @param rrsets the number of authoritative RRsets that needed a signature
 * @param signatures the number of RRSIG records checked
 * @param denial {@code "NSEC"}, {@code "NSEC3"}, {@code "NSEC and NSEC3"} or {@code "none"}
 * @param problems every problem found (kinds that are not warnings)
 * @param warnings every warning (kinds that are warnings)
 */
public record ZoneVerification(Name origin, Instant time, long records, long rrsets, long signatures,
        String denial, List<Problem> problems, List<Problem> warnings) {

    /** Copies the lists; a problem must not be of a warning kind, nor a warning of another kind. */
    public ZoneVerification {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        for (Problem p : problems) {
            if (p.kind().isWarning()) {
                throw new IllegalArgumentException("a warning among the problems: " + p);
            }
        }
        for (Problem w : warnings) {
            if (!w.kind().isWarning()) {
                throw new IllegalArgumentException("a problem among the warnings: " + w);
            }
        }
    }

    /** A report without warnings. */
    public ZoneVerification(Name origin, Instant time, long records, long rrsets, long signatures, String denial,
            List<Problem> problems) {
        this(origin, time, records, rrsets, signatures, denial, problems, List.of());
    }

    /** True when the zone has no problem (warnings do not count). */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * What is wrong; each kind names one rule of RFC 4033–4035, RFC 5155 or RFC 9077. The last four are
     * warnings: BIND's {@code dnssec-verify} does not fail a zone for them (it does not check them, or,
     * for {@link #ORIGINAL_TTL_MISMATCH}, fails it only through the {@link #MISSING_SIGNATURE} that
     * follows when no other RRSIG of the algorithm counts), and neither does this verifier.
     */
    public enum Kind {
        /** A record outside the zone, or in another class than the apex SOA's. */
        OUT_OF_ZONE,
        /** The apex lacks its SOA or DNSKEY RRset. */
        MISSING_APEX_DATA,
        /** An apex DNSKEY is malformed or of an algorithm this runtime cannot verify. */
        BAD_KEY,
        /** An RRset that must be signed lacks a valid RRSIG (for some algorithm of the DNSKEY RRset). */
        MISSING_SIGNATURE,
        /** An RRSIG fails cryptographic verification. */
        BAD_SIGNATURE,
        /** An RRSIG has expired at the verification time. */
        EXPIRED_SIGNATURE,
        /** An RRSIG is not yet valid at the verification time. */
        NOT_YET_VALID_SIGNATURE,
        /** An RRSIG names no key of the apex DNSKEY RRset, or one that may not sign. */
        UNKNOWN_KEY,
        /** An RRSIG is malformed: wrong signer, bad labels, empty window, unsupported algorithm. */
        INVALID_SIGNATURE,
        /** An RRSIG covers an RRset that does not exist or must not be signed (glue, delegation NS). */
        UNEXPECTED_SIGNATURE,
        /** The DNSKEY RRset is not signed by a key matching the trust anchors. */
        TRUST_ANCHOR,
        /** The zone has neither an NSEC nor an NSEC3 chain. */
        NO_DENIAL,
        /** A name lacks its NSEC/NSEC3 record, or the chain has an extra one. */
        CHAIN_INCOMPLETE,
        /** An NSEC/NSEC3 next name does not point to the following name of the chain. */
        CHAIN_BROKEN,
        /** An NSEC/NSEC3 type bitmap disagrees with the types present at the name. */
        BAD_BITMAP,
        /** NSEC3 parameters are unsupported, inconsistent or above the iteration limit (RFC 9276). */
        BAD_NSEC3_PARAMETERS,
        /**
         * Warning: an RRSIG's Original TTL differs from the TTL of the RRset it covers, which RFC 4034
         * §3.1.8.1 says every RR of the signed RRset has. As in {@code dnssec-verify}, such an RRSIG does
         * not count towards the RRset's coverage, so unless another RRSIG of its algorithm does, a
         * {@link #MISSING_SIGNATURE} problem follows.
         */
        ORIGINAL_TTL_MISMATCH,
        /** Warning: an RRSIG record's TTL differs from that of the RRset it covers (RFC 4034 §3). */
        RRSIG_TTL_MISMATCH,
        /** Warning: the records of one RRset have different TTLs; the lowest applies (RFC 2181 §5.2). */
        INCONSISTENT_TTL,
        /**
         * Warning: an NSEC or NSEC3 RRset's TTL is not the lesser of the SOA's TTL and its MINIMUM field
         * (RFC 4034 §4 and RFC 5155 §3, as updated by RFC 9077 §3.1 and §3.2).
         */
        DENIAL_TTL;

        /** True for the kinds that are reported as warnings and never make a zone invalid. */
        public boolean isWarning() {
            return compareTo(ORIGINAL_TTL_MISMATCH) >= 0;
        }
    }

    /**
     * One problem: where, which type, what kind, and a readable reason.
     *
     * @param name the owner name concerned
     * @param type the RR type concerned
     */
    public record Problem(Name name, RRType type, Kind kind, String reason) implements Comparable<Problem> {

        /** Requires all fields. */
        public Problem {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int compareTo(Problem o) {
            int c = name.compareTo(o.name);
            if (c == 0) {
                c = type.compareTo(o.type);
            }
            if (c == 0) {
                c = kind.compareTo(o.kind);
            }
            return c != 0 ? c : reason.compareTo(o.reason);
        }

        /** {@code name TYPE reason}, or {@code name TYPE warning: reason}: the form {@code zone verify} prints. */
        @Override
        public String toString() {
            return name + " " + type + " " + (kind.isWarning() ? "warning: " : "") + reason;
        }
    }

    /** A one-line summary. */
    public String summary() {
        return "zone " + origin + ": " + records + " records, " + rrsets + " signed RRsets, " + signatures
                + " RRSIGs checked at " + SignatureTimes.format(time) + ", denial of existence: " + denial + "; "
                + (problems.isEmpty() ? "zone is valid" : problems.size() + " problem(s), zone is NOT valid")
                + (warnings.isEmpty() ? "" : " (" + warnings.size() + " warning(s))");
    }
}
