package org.dunlin.dns.wire.dnssec;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;

/**
 * The report of {@link ZoneVerifier}: counts, the kind of denial of existence found, and every
 * problem, sorted by name (canonical order) and type. The zone is valid only with no problems.
 * Immutable.
 *
 * @param origin the zone apex
 * @param time the time signatures were checked at
 * @param records the number of records examined
 * @param rrsets the number of authoritative RRsets that needed a signature
 * @param signatures the number of RRSIG records checked
 * @param denial {@code "NSEC"}, {@code "NSEC3"}, {@code "NSEC and NSEC3"} or {@code "none"}
 * @param problems every problem found
 */
public record ZoneVerification(Name origin, Instant time, long records, long rrsets, long signatures,
        String denial, List<Problem> problems) {

    /** Copies the list. */
    public ZoneVerification {
        problems = List.copyOf(problems);
    }

    /** True when the zone has no problem. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** What is wrong; each kind names one rule of RFC 4033–4035 or RFC 5155. */
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
        BAD_NSEC3_PARAMETERS
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

        /** {@code name TYPE reason}, the form {@code zone verify} prints. */
        @Override
        public String toString() {
            return name + " " + type + " " + reason;
        }
    }

    /** A one-line summary. */
    public String summary() {
        return "zone " + origin + ": " + records + " records, " + rrsets + " signed RRsets, " + signatures
                + " RRSIGs checked at " + SignatureTimes.format(time) + ", denial of existence: " + denial + "; "
                + (problems.isEmpty() ? "zone is valid" : problems.size() + " problem(s), zone is NOT valid");
    }
}
