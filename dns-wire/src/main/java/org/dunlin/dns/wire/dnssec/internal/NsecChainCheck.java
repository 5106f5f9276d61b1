package org.dunlin.dns.wire.dnssec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex.Node;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex.Status;
import org.dunlin.dns.wire.rdata.NsecRdata;

/**
 * The NSEC chain rules (RFC 4034 §4.1, RFC 4035 §2.3): every authoritative name and every delegation
 * point owns exactly one NSEC; nothing else does (not glue, not occluded names, not empty
 * non-terminals); each NSEC's Next Domain Name is the following such name in canonical order and the
 * last one points back to the apex; each type bitmap lists exactly the types present (plus NSEC, and
 * RRSIG where signed). Next names compare without case (RFC 6840 §5.1 keeps their case on the wire).
 */
public final class NsecChainCheck {

    private NsecChainCheck() {
    }

    /** Adds a problem for every violation of the chain rules. */
    public static void check(ZoneIndex index, ProblemSink problems) {
        List<Node> chain = new ArrayList<>();
        for (Node node : index.nodes().values()) {
            boolean belongs = node.status() != Status.OCCLUDED && hasOwnData(node);
            List<Record> nsecs = node.records(RRType.NSEC);
            if (!belongs) {
                if (!nsecs.isEmpty()) {
                    problems.add(node.name(), RRType.NSEC, Kind.CHAIN_INCOMPLETE, node.status() == Status.OCCLUDED
                            ? "NSEC at an occluded name (glue or below a DNAME)" : "NSEC at a name that has no other data");
                }
                continue;
            }
            chain.add(node);
            if (nsecs.isEmpty()) {
                problems.add(node.name(), RRType.NSEC, Kind.CHAIN_INCOMPLETE, "missing NSEC record");
            } else if (nsecs.size() > 1) {
                problems.add(node.name(), RRType.NSEC, Kind.CHAIN_INCOMPLETE, nsecs.size() + " NSEC records at one name");
            }
        }
        for (int i = 0; i < chain.size(); i++) {
            Node node = chain.get(i);
            List<Record> nsecs = node.records(RRType.NSEC);
            if (nsecs.isEmpty()) {
                continue;
            }
            NsecRdata nsec = (NsecRdata) nsecs.get(0).rdata();
            Name expected = chain.get((i + 1) % chain.size()).name();
            if (!nsec.nextName().equals(expected)) {
                problems.add(node.name(), RRType.NSEC, Kind.CHAIN_BROKEN, "next name is " + nsec.nextName()
                        + ", expected " + expected);
            }
            Set<RRType> present = node.authoritativeTypes();
            present.add(RRType.NSEC);
            present.add(RRType.RRSIG); // the NSEC itself is signed (RFC 4035 §2.3)
            Set<RRType> listed = new TreeSet<>(nsec.types().types());
            if (!listed.equals(present)) {
                problems.add(node.name(), RRType.NSEC, Kind.BAD_BITMAP, "type bitmap " + listed + " but the name has "
                        + present);
            }
        }
    }

    /** True if the node holds data other than NSEC3 records (which belong to the NSEC3 chain). */
    static boolean hasOwnData(Node node) {
        for (RRType t : node.types()) {
            if (!t.equals(RRType.NSEC3) && !t.equals(RRType.NSEC)) {
                return true;
            }
        }
        return node.status() == Status.APEX;
    }
}
