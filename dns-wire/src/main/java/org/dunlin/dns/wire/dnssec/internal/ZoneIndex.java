package org.dunlin.dns.wire.dnssec.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.RrsigRdata;

/**
 * A zone's records arranged for verification: one node per owner name in DNSSEC canonical order
 * (RFC 4034 §6.1), each with its RRsets and the RRSIGs by covered type, and each classified as apex,
 * authoritative, delegation point or occluded (below a zone cut or a DNAME, RFC 6672 §2.3).
 *
 * <p>Canonical order puts every name's descendants right after it, so one pass with the most recent
 * cut classifies all nodes. Not thread-safe; built and used by one verification.
 */
public final class ZoneIndex {

    /** Where a name stands in the zone. */
    public enum Status {
        /** The zone apex. */
        APEX,
        /** Authoritative data. */
        AUTHORITATIVE,
        /** A zone cut: only NS, DS, NSEC (and their RRSIGs) are authoritative here. */
        DELEGATION,
        /** Below a zone cut or a DNAME: glue or occluded data, never signed. */
        OCCLUDED
    }

    /** The records at one owner name. */
    public static final class Node {
        private final Name name;
        private Status status = Status.AUTHORITATIVE;
        private final Map<RRType, List<Record>> data = new LinkedHashMap<>();
        private final Map<RRType, List<Record>> signatures = new LinkedHashMap<>();
        private final Map<RRType, RRset> rrsets = new LinkedHashMap<>();

        Node(Name name) {
            this.name = name;
        }

        /** The owner name. */
        public Name name() {
            return name;
        }

        /** The classification. */
        public Status status() {
            return status;
        }

        /** The types with data here, RRSIG excluded, in canonical order. */
        public Set<RRType> types() {
            return new TreeSet<>(data.keySet());
        }

        /** Whether there is data of {@code type}. */
        public boolean has(RRType type) {
            return data.containsKey(type);
        }

        /** The records of one type (empty if none). */
        public List<Record> records(RRType type) {
            return data.getOrDefault(type, List.of());
        }

        /** The RRset of one type, or null. */
        public RRset rrset(RRType type) {
            List<Record> records = data.get(type);
            if (records == null) {
                return null;
            }
            return rrsets.computeIfAbsent(type, t -> RRset.of(records));
        }

        /** RRSIG records by covered type. */
        public Map<RRType, List<Record>> signatures() {
            return Collections.unmodifiableMap(signatures);
        }

        /** Whether any RRSIG is present here. */
        public boolean hasSignatures() {
            return !signatures.isEmpty();
        }

        /**
         * The types that are authoritative here, as an NSEC/NSEC3 bitmap must list them (without NSEC
         * or NSEC3 themselves): everything at the apex and at ordinary names; NS and DS at a
         * delegation; RRSIG when any authoritative RRset here is signed.
         */
        public Set<RRType> authoritativeTypes() {
            Set<RRType> out = new TreeSet<>();
            for (RRType t : data.keySet()) {
                if (status != Status.DELEGATION || t.equals(RRType.NS) || t.equals(RRType.DS)
                        || t.equals(RRType.NSEC)) {
                    out.add(t);
                }
            }
            out.remove(RRType.NSEC);
            out.remove(RRType.NSEC3);
            boolean signed = false;
            for (RRType t : signatures.keySet()) {
                if (t.equals(RRType.NSEC) || t.equals(RRType.NSEC3) || out.contains(t)) {
                    signed = true;
                }
            }
            if (signed) {
                out.add(RRType.RRSIG);
            }
            return out;
        }
    }

    private final Name origin;
    private final RRClass zoneClass;
    private final NavigableMap<Name, Node> nodes = new TreeMap<>();
    private final List<Record> outside = new ArrayList<>();
    private long recordCount;

    private ZoneIndex(Name origin, RRClass zoneClass) {
        this.origin = origin;
        this.zoneClass = zoneClass;
    }

    /** Indexes {@code records}; those outside the zone or class are kept apart ({@link #outside()}). */
    public static ZoneIndex build(Name origin, Iterable<Record> records) {
        RRClass zoneClass = RRClass.IN;
        for (Record r : records) {
            if (r.type().equals(RRType.SOA) && r.owner().equals(origin)) {
                zoneClass = r.rrClass();
                break;
            }
        }
        ZoneIndex index = new ZoneIndex(origin, zoneClass);
        for (Record r : records) {
            index.recordCount++;
            if (!r.owner().isSubdomainOf(origin) || !r.rrClass().equals(zoneClass)) {
                index.outside.add(r);
                continue;
            }
            Node node = index.nodes.computeIfAbsent(r.owner(), Node::new);
            if (r.rdata() instanceof RrsigRdata) {
                node.signatures.computeIfAbsent(((RrsigRdata) r.rdata()).typeCovered(), t -> new ArrayList<>()).add(r);
            } else {
                node.data.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
            }
        }
        index.classify();
        return index;
    }

    private void classify() {
        Name cut = null;
        for (Node node : nodes.values()) {
            if (cut != null && node.name.isSubdomainOf(cut) && !node.name.equals(cut)) {
                node.status = Status.OCCLUDED;
                continue;
            }
            cut = null;
            if (node.name.equals(origin)) {
                node.status = Status.APEX;
            } else if (node.has(RRType.NS)) {
                node.status = Status.DELEGATION;
                cut = node.name;
            } else {
                node.status = Status.AUTHORITATIVE;
            }
            if (node.has(RRType.DNAME)) {
                cut = node.name;
            }
        }
    }

    /** The zone apex. */
    public Name origin() {
        return origin;
    }

    /** The zone's class (that of the apex SOA, IN without one). */
    public RRClass zoneClass() {
        return zoneClass;
    }

    /** The apex node, or null if the zone has no record at its apex. */
    public Node apex() {
        return nodes.get(origin);
    }

    /** Every node, in canonical order. */
    public NavigableMap<Name, Node> nodes() {
        return Collections.unmodifiableNavigableMap(nodes);
    }

    /** Records outside the zone or in another class. */
    public List<Record> outside() {
        return Collections.unmodifiableList(outside);
    }

    /** The number of records given. */
    public long recordCount() {
        return recordCount;
    }
}
