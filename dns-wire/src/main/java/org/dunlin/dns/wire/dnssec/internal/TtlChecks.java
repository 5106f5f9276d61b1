package org.dunlin.dns.wire.dnssec.internal;

import java.util.List;
import java.util.Map;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex.Node;
import org.dunlin.dns.wire.rdata.RrsigRdata;
import org.dunlin.dns.wire.rdata.SoaRdata;

/**
 * The TTL rules a signed zone should keep, reported as warnings (BIND's {@code dnssec-verify} checks
 * none of them; the one it does enforce, an RRSIG's Original TTL against its RRset's TTL, lives in
 * {@code ZoneVerifier} because it decides whether the RRSIG counts):
 * <ul>
 *   <li>the records of an RRset share one TTL (RFC 2181 §5.2; the lowest applies otherwise);</li>
 *   <li>an RRSIG record has the TTL of the RRset it covers (RFC 4034 §3);</li>
 *   <li>NSEC and NSEC3 RRsets have the TTL of negative answers: the lesser of the SOA's own TTL and
 *       its MINIMUM field (RFC 4034 §4 and RFC 5155 §3 said "the SOA minimum"; RFC 9077 §3.1 and §3.2
 *       made it the lesser of the two, as RFC 2308 §3 defines the negative TTL).</li>
 * </ul>
 * One warning per RRset or per RRSIG, so the report stays linear in the zone's size.
 */
public final class TtlChecks {

    private TtlChecks() {
    }

    /** Adds a warning for every TTL that breaks one of the rules. */
    public static void check(ZoneIndex index, ProblemSink warnings) {
        long negativeTtl = negativeTtl(index);
        for (Node node : index.nodes().values()) {
            for (RRType type : node.types()) {
                List<Record> records = node.records(type);
                long low = Long.MAX_VALUE;
                long high = Long.MIN_VALUE;
                for (Record r : records) {
                    low = Math.min(low, r.ttl());
                    high = Math.max(high, r.ttl());
                }
                if (low != high) {
                    warnings.add(node.name(), type, Kind.INCONSISTENT_TTL, "the RRset's records have TTLs from "
                            + low + " to " + high + "; " + low + " applies (RFC 2181 §5.2)");
                }
                boolean denial = type.equals(RRType.NSEC) || type.equals(RRType.NSEC3);
                if (denial && negativeTtl >= 0 && low != negativeTtl) {
                    warnings.add(node.name(), type, Kind.DENIAL_TTL, type + " TTL " + low + " is not "
                            + negativeTtl + ", the lesser of the SOA TTL and MINIMUM (RFC 9077 §3)");
                }
            }
            for (Map.Entry<RRType, List<Record>> e : node.signatures().entrySet()) {
                RRset covered = node.rrset(e.getKey());
                if (covered == null) {
                    continue; // reported elsewhere as a signature of nothing
                }
                for (Record sig : e.getValue()) {
                    if (sig.ttl() != covered.ttl()) {
                        RrsigRdata rrsig = (RrsigRdata) sig.rdata();
                        warnings.add(node.name(), e.getKey(), Kind.RRSIG_TTL_MISMATCH, "RRSIG ("
                                + DnssecAlgorithm.of(rrsig.algorithm()).mnemonic() + ", tag " + rrsig.keyTag()
                                + ") has TTL " + sig.ttl() + ", the RRset it covers " + covered.ttl() + " (RFC 4034 §3)");
                    }
                }
            }
        }
    }

    /** min(SOA TTL, SOA MINIMUM) of the apex SOA (RFC 2308 §3), or -1 without one. */
    private static long negativeTtl(ZoneIndex index) {
        Node apex = index.apex();
        if (apex == null) {
            return -1;
        }
        List<Record> soa = apex.records(RRType.SOA);
        if (soa.isEmpty()) {
            return -1;
        }
        RRset set = apex.rrset(RRType.SOA);
        return Math.min(set.ttl(), ((SoaRdata) soa.get(0).rdata()).minimum());
    }
}
