package org.dunlin.properties.authority;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.CnameRdata;
import org.dunlin.dns.wire.rdata.DnameRdata;
import org.dunlin.dns.wire.rdata.SoaRdata;

/**
 * A reference model of authoritative answering, written as directly from the RFCs as possible with
 * plain {@link Name} and {@link Record} objects and no attention to speed: RFC 1034 §4.3.2 (top-down
 * search, referrals, CNAME restarts), RFC 4592 (the closest encloser's {@code *} child; empty
 * non-terminals exist and so block wildcards), RFC 6672 §3.3 (DNAME substitution), RFC 2308 §5 (negative
 * TTL), RFC 8482 (one RRset for ANY: the lowest type, as Knot). Chains stop at a repeated name or after
 * 16 steps. The server's engine must agree with it on every query.
 */
final class ReferenceAuthority {
    /** What the model says. */
    record Outcome(Rcode rcode, boolean aa, Set<Record> answer, Set<Record> authority) {
    }

    private static final int MAX_CHAIN = 16;

    private final Name origin;
    private final Map<Name, TreeMap<Integer, List<Record>>> data = new LinkedHashMap<>();
    private final Set<Name> names = new HashSet<>();
    private final Record soa;

    ReferenceAuthority(Name origin, List<Record> records) {
        this.origin = origin;
        Record s = null;
        for (Record r : records) {
            data.computeIfAbsent(r.owner(), n -> new TreeMap<>())
                    .computeIfAbsent(r.type().value(), t -> new ArrayList<>());
            List<Record> set = data.get(r.owner()).get(r.type().value());
            if (!set.contains(r)) {
                set.add(r);
            }
            for (Name n = r.owner(); n.isSubdomainOf(origin); n = n.parent()) {
                names.add(n);
                if (n.equals(origin)) {
                    break;
                }
            }
            if (r.type().equals(RRType.SOA)) {
                s = r;
            }
        }
        this.soa = s;
    }

    private List<Record> set(Name owner, RRType type) {
        TreeMap<Integer, List<Record>> m = data.get(owner);
        return m == null ? List.of() : m.getOrDefault(type.value(), List.of());
    }

    private static List<Record> withOwner(List<Record> set, Name owner) {
        List<Record> out = new ArrayList<>();
        for (Record r : set) {
            out.add(r.withOwner(owner));
        }
        return out;
    }

    Outcome answer(Name qname, RRType qtype) {
        List<Record> answer = new ArrayList<>();
        List<Record> authority = new ArrayList<>();
        boolean aa = true;
        boolean followed = false;
        Set<Name> visited = new HashSet<>();
        Name name = qname;
        for (int steps = 0; ; ) {
            Name ce = origin;
            Name cut = null;
            Name dname = null;
            for (int k = origin.labelCount() + 1; k <= name.labelCount(); k++) {
                Name a = name.suffix(k);
                if (!names.contains(a)) {
                    break;
                }
                ce = a;
                if (!set(a, RRType.NS).isEmpty() && !(a.equals(name) && qtype.equals(RRType.DS))) {
                    cut = a;
                    break;
                }
                if (!set(a, RRType.DNAME).isEmpty() && !a.equals(name)) {
                    dname = a;
                    break;
                }
            }
            if (cut != null) {
                authority.addAll(set(cut, RRType.NS));
                return new Outcome(Rcode.NOERROR, followed && aa, new HashSet<>(answer), new HashSet<>(authority));
            }
            if (dname != null) {
                if (!visited.add(name) || steps++ >= MAX_CHAIN) {
                    return done(Rcode.NOERROR, answer, authority);
                }
                Record d = set(dname, RRType.DNAME).get(0);
                answer.add(d);
                Name target = ((DnameRdata) d.rdata()).target();
                Name prefix = name.relativize(dname);
                if (prefix.wireLength() + target.wireLength() > Name.MAX_WIRE_LENGTH) {
                    return done(Rcode.YXDOMAIN, answer, authority);
                }
                Name next = prefix.concatenate(target);
                answer.add(new Record(name, RRClass.IN, d.ttl(), new CnameRdata(next)));
                if (qtype.equals(RRType.CNAME) || !next.isSubdomainOf(origin)) {
                    return done(Rcode.NOERROR, answer, authority);
                }
                name = next;
                followed = true;
                continue;
            }
            Name node;
            if (names.contains(name)) {
                node = name;
            } else if (names.contains(ce.child("*"))) {
                node = ce.child("*");
            } else {
                authority.add(negativeSoa());
                return done(Rcode.NXDOMAIN, answer, authority);
            }
            TreeMap<Integer, List<Record>> sets = data.getOrDefault(node, new TreeMap<>());
            if (qtype.equals(RRType.ANY)) {
                for (List<Record> s : sets.values()) {
                    if (!s.get(0).type().equals(RRType.RRSIG)) {
                        answer.addAll(withOwner(s, name));
                        return done(Rcode.NOERROR, answer, authority);
                    }
                }
            } else if (sets.containsKey(qtype.value())) {
                answer.addAll(withOwner(sets.get(qtype.value()), name));
                return done(Rcode.NOERROR, answer, authority);
            } else if (sets.containsKey(RRType.CNAME.value()) && !qtype.equals(RRType.CNAME)) {
                if (!visited.add(name) || steps++ >= MAX_CHAIN) {
                    return done(Rcode.NOERROR, answer, authority);
                }
                Record c = sets.get(RRType.CNAME.value()).get(0);
                answer.add(c.withOwner(name));
                Name target = ((CnameRdata) c.rdata()).target();
                if (!target.isSubdomainOf(origin)) {
                    return done(Rcode.NOERROR, answer, authority);
                }
                name = target;
                followed = true;
                continue;
            }
            authority.add(negativeSoa());
            return done(Rcode.NOERROR, answer, authority);
        }
    }

    private Record negativeSoa() {
        long min = ((SoaRdata) soa.rdata()).minimum();
        return soa.withTtl(Math.min(soa.ttl(), min));
    }

    private static Outcome done(Rcode rcode, List<Record> answer, List<Record> authority) {
        return new Outcome(rcode, true, new HashSet<>(answer), new HashSet<>(authority));
    }
}
