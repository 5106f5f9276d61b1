package org.dunlin.dns.wire.dnssec.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.DnssecException;
import org.dunlin.dns.wire.dnssec.Nsec3Hasher;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex.Node;
import org.dunlin.dns.wire.dnssec.internal.ZoneIndex.Status;
import org.dunlin.dns.wire.rdata.Nsec3Rdata;
import org.dunlin.dns.wire.rdata.Nsec3paramRdata;

/**
 * The NSEC3 chain rules (RFC 5155 §7.1, §3): for each NSEC3PARAM at the apex, every authoritative name,
 * delegation point and empty non-terminal has an NSEC3 at {@code base32hex(H(name)).<apex>} with the
 * same parameters, except that with opt-out the insecure delegations (and empty non-terminals that
 * exist only above them) may be left out as long as an opt-out NSEC3 covers their hash; no NSEC3
 * matches no name; the Next Hashed Owner fields link the hashes in order and wrap around; each type
 * bitmap lists exactly the types at the original name (plus RRSIG where signed). Iteration counts above
 * the hasher's cap are reported, not computed (RFC 9276).
 */
public final class Nsec3ChainCheck {

    private Nsec3ChainCheck() {
    }

    private record Params(int algorithm, int iterations, ByteString salt) {
        static Params of(Nsec3Rdata r) {
            return new Params(r.hashAlgorithm(), r.iterations(), r.salt());
        }

        @Override
        public String toString() {
            return algorithm + " " + iterations + " " + (salt.isEmpty() ? "-" : salt.toHexLower());
        }
    }

    /** Adds a problem for every violation of the chain rules. */
    public static void check(ZoneIndex index, Nsec3Hasher hasher, ProblemSink problems) {
        Name origin = index.origin();
        List<Params> declared = new ArrayList<>();
        for (Record r : index.apex().records(RRType.NSEC3PARAM)) {
            Nsec3paramRdata p = (Nsec3paramRdata) r.rdata();
            if (p.flags() != 0) {
                problems.add(origin, RRType.NSEC3PARAM, Kind.BAD_NSEC3_PARAMETERS,
                        "NSEC3PARAM flags must be 0 (RFC 5155 §4.1.2), found " + p.flags());
            }
            declared.add(new Params(p.hashAlgorithm(), p.iterations(), p.salt()));
        }
        // Group NSEC3 records by parameters; collect the misplaced ones.
        Map<Params, Map<ByteString, Record>> chains = new LinkedHashMap<>();
        for (Node node : index.nodes().values()) {
            for (Record r : node.records(RRType.NSEC3)) {
                Nsec3Rdata n = (Nsec3Rdata) r.rdata();
                if (node.name().labelCount() != origin.labelCount() + 1) {
                    problems.add(node.name(), RRType.NSEC3, Kind.CHAIN_INCOMPLETE,
                            "NSEC3 owner must be one label below the apex");
                    continue;
                }
                byte[] hash;
                try {
                    hash = Nsec3Hasher.fromLabel(node.name().label(0).toLatin1());
                } catch (IllegalArgumentException e) {
                    problems.add(node.name(), RRType.NSEC3, Kind.CHAIN_INCOMPLETE,
                            "NSEC3 owner label is not base32hex");
                    continue;
                }
                Map<ByteString, Record> chain = chains.computeIfAbsent(Params.of(n), k -> new TreeMap<>());
                if (chain.put(ByteString.of(hash), r) != null) {
                    problems.add(node.name(), RRType.NSEC3, Kind.CHAIN_INCOMPLETE, "several NSEC3 records at one owner");
                }
            }
        }
        if (declared.isEmpty()) {
            problems.add(origin, RRType.NSEC3PARAM, Kind.BAD_NSEC3_PARAMETERS,
                    "the zone has NSEC3 records but no NSEC3PARAM at its apex");
            declared.addAll(chains.keySet());
        }
        for (Map.Entry<Params, Map<ByteString, Record>> e : chains.entrySet()) {
            if (!declared.contains(e.getKey())) {
                for (Record r : e.getValue().values()) {
                    problems.add(r.owner(), RRType.NSEC3, Kind.BAD_NSEC3_PARAMETERS,
                            "NSEC3 parameters " + e.getKey() + " match no NSEC3PARAM");
                }
            }
        }
        for (Params p : declared) {
            checkChain(index, hasher, p, chains.getOrDefault(p, new TreeMap<>()), problems);
        }
    }

    private static void checkChain(ZoneIndex index, Nsec3Hasher hasher, Params params, Map<ByteString, Record> chain,
            ProblemSink problems) {
        Name origin = index.origin();
        if (!hasher.accepts(params.algorithm(), params.iterations())) {
            problems.add(origin, RRType.NSEC3PARAM, Kind.BAD_NSEC3_PARAMETERS, params.algorithm() != Nsec3Hasher.SHA1
                    ? "unsupported NSEC3 hash algorithm " + params.algorithm()
                    : "NSEC3 iterations " + params.iterations() + " exceed the limit of " + hasher.maxIterations()
                    + " (RFC 9276)");
            return;
        }
        boolean optOutChain = false;
        for (Record r : chain.values()) {
            optOutChain |= ((Nsec3Rdata) r.rdata()).optOut();
        }
        // Names that need an NSEC3 (true) or may lack one under opt-out (false), with their nodes.
        Map<Name, Boolean> names = new TreeMap<>();
        for (Node node : index.nodes().values()) {
            if (node.status() == Status.OCCLUDED || !NsecChainCheck.hasOwnData(node)) {
                continue;
            }
            boolean required = !(optOutChain && node.status() == Status.DELEGATION && !node.has(RRType.DS));
            names.merge(node.name(), required, Boolean::logicalOr);
            for (Name n = node.name(); n.labelCount() > origin.labelCount() + 1; ) {
                n = n.parent();
                Node ancestor = index.nodes().get(n);
                if (ancestor == null || !NsecChainCheck.hasOwnData(ancestor)) {
                    names.merge(n, required, Boolean::logicalOr); // an empty non-terminal
                }
            }
        }
        byte[] salt = params.salt().toByteArray();
        Map<ByteString, Name> byHash = new TreeMap<>();
        for (Map.Entry<Name, Boolean> e : names.entrySet()) {
            Name name = e.getKey();
            ByteString hash;
            try {
                hash = ByteString.of(hasher.hash(params.algorithm(), name.toCanonicalWire(), salt, params.iterations()));
            } catch (DnssecException ex) {
                problems.add(name, RRType.NSEC3, Kind.BAD_NSEC3_PARAMETERS, ex.getMessage());
                return;
            }
            Name clash = byHash.put(hash, name);
            if (clash != null) {
                problems.add(name, RRType.NSEC3, Kind.CHAIN_INCOMPLETE, "hash collides with " + clash);
            }
            Record nsec3 = chain.get(hash);
            String label = Nsec3Hasher.toLabel(hash.toByteArray());
            if (nsec3 == null) {
                if (e.getValue()) {
                    problems.add(name, RRType.NSEC3, Kind.CHAIN_INCOMPLETE, "missing NSEC3 " + label + "." + origin);
                } else if (!coveredByOptOut(chain, hash)) {
                    problems.add(name, RRType.NSEC3, Kind.CHAIN_INCOMPLETE,
                            "insecure delegation without NSEC3 is not covered by an opt-out NSEC3");
                }
                continue;
            }
            Node node = index.nodes().get(name);
            Set<RRType> present = node == null ? new TreeSet<>() : node.authoritativeTypes();
            Set<RRType> listed = new TreeSet<>(((Nsec3Rdata) nsec3.rdata()).types().types());
            if (!listed.equals(present)) {
                problems.add(name, RRType.NSEC3, Kind.BAD_BITMAP, "NSEC3 " + label + " lists " + listed
                        + " but the name has " + present);
            }
        }
        List<ByteString> hashes = new ArrayList<>(chain.keySet());
        for (int i = 0; i < hashes.size(); i++) {
            Record r = chain.get(hashes.get(i));
            if (!byHash.containsKey(hashes.get(i))) {
                problems.add(r.owner(), RRType.NSEC3, Kind.CHAIN_INCOMPLETE, "NSEC3 matches no name of the zone");
            }
            ByteString expected = hashes.get((i + 1) % hashes.size());
            ByteString next = ((Nsec3Rdata) r.rdata()).nextHashedOwner();
            if (!next.equals(expected)) {
                problems.add(r.owner(), RRType.NSEC3, Kind.CHAIN_BROKEN, "next hashed owner is "
                        + Nsec3Hasher.toLabel(next.toByteArray()) + ", expected " + Nsec3Hasher.toLabel(expected.toByteArray()));
            }
        }
    }

    /** Whether the NSEC3 whose interval contains {@code hash} has the opt-out flag. */
    private static boolean coveredByOptOut(Map<ByteString, Record> chain, ByteString hash) {
        if (chain.isEmpty()) {
            return false;
        }
        TreeMap<ByteString, Record> sorted = (TreeMap<ByteString, Record>) chain;
        Map.Entry<ByteString, Record> below = sorted.lowerEntry(hash);
        if (below == null) {
            below = sorted.lastEntry(); // the last NSEC3 covers the wrap-around interval
        }
        return ((Nsec3Rdata) below.getValue().rdata()).optOut();
    }
}
