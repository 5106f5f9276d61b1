package org.dunlin.dns.wire.zone;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SignatureData;

/**
 * Loads a whole zone file and checks it as a zone, the way BIND's {@code named-checkzone} does: syntax
 * (from {@link ZoneParser}), then exactly one SOA at the origin, NS records at the origin, no CNAME
 * beside other data (RFC 2181 §10.1; RRSIG, NSEC and NSEC3 excepted, RFC 4035 §2.5), no second CNAME
 * or DNAME at a name. Like BIND it merges duplicate records, gives each RRset the TTL of its first
 * record (a warning) and ignores records outside the zone (a warning).
 *
 * <p>Stateless; each call reads one file.
 */
public final class ZoneCheck {
    private ZoneCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param records  the zone's records in canonical order ({@link Record#CANONICAL_ORDER}), merged as
     *                 described above; only meaningful when {@link #ok()}
     * @param errors   the problems that make the zone unusable
     * @param warnings what was adjusted or ignored
     */
    public record Result(List<Record> records, List<ZoneProblem> errors, List<ZoneProblem> warnings) {
        public Result {
            records = List.copyOf(records);
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        /** Whether there were no errors. */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final class Set0 {
        final Record first;
        final String file;
        final int line;
        final Set<Rdata> rdata = new LinkedHashSet<>();

        Set0(Record first, String file, int line) {
            this.first = first;
            this.file = file;
            this.line = line;
        }
    }

    /** An RRset key; signatures are grouped per covered type, as BIND does, so their TTLs stay separate. */
    private record Key(Name owner, RRClass rrClass, RRType type, RRType covered) {
        static Key of(Record rec) {
            RRType covered = rec.rdata() instanceof SignatureData sig ? sig.typeCovered() : null;
            return new Key(rec.owner(), rec.rrClass(), rec.type(), covered);
        }
    }

    /** Reads and checks {@code file} with {@code parser} (use collect mode to see every syntax error). */
    public static Result run(ZoneParser parser, Path file) throws IOException {
        List<ZoneProblem> errors = new ArrayList<>();
        List<ZoneProblem> warnings = new ArrayList<>();
        Map<Key, Set0> sets = new LinkedHashMap<>();
        Name origin = parser.origin();
        try (ZoneReader r = parser.open(file)) {
            try {
                Record rec;
                while ((rec = r.next()) != null) {
                    if (!rec.owner().isSubdomainOf(origin)) {
                        warnings.add(new ZoneProblem(r.file(), r.line(), 1, "ignoring out-of-zone data (" + rec.owner() + ")"));
                        continue;
                    }
                    Key k = Key.of(rec);
                    Set0 s = sets.get(k);
                    if (s == null) {
                        s = new Set0(rec, r.file(), r.line());
                        sets.put(k, s);
                    } else if (s.first.ttl() != rec.ttl()) {
                        warnings.add(new ZoneProblem(r.file(), r.line(), 1, "TTL set to prior TTL (" + s.first.ttl() + ")"));
                    }
                    s.rdata.add(rec.rdata());
                }
            } catch (ZoneFileException e) {
                errors.addAll(e.problems());
            }
            errors.addAll(r.problems().stream().filter(p -> !errors.contains(p)).toList());
        }
        String fileName = file.toString();
        Map<Name, List<Key>> byOwner = new HashMap<>();
        for (Key k : sets.keySet()) {
            byOwner.computeIfAbsent(k.owner(), n -> new ArrayList<>()).add(k);
        }
        boolean soaAtApex = false;
        boolean nsAtApex = false;
        for (Map.Entry<Key, Set0> e : sets.entrySet()) {
            Key k = e.getKey();
            Set0 s = e.getValue();
            if (k.type().equals(RRType.SOA)) {
                if (!k.owner().equals(origin)) {
                    errors.add(new ZoneProblem(s.file, s.line, 1, k.owner() + ": SOA record not at the top of the zone"));
                } else {
                    soaAtApex = true;
                }
            }
            if (k.type().equals(RRType.NS) && k.owner().equals(origin)) {
                nsAtApex = true;
            }
            if ((k.type().equals(RRType.SOA) || k.type().equals(RRType.CNAME) || k.type().equals(RRType.DNAME)) && s.rdata.size() > 1) {
                errors.add(new ZoneProblem(s.file, s.line, 1, k.owner() + ": multiple RRs of singleton type " + k.type()));
            }
            if (k.type().equals(RRType.CNAME)) {
                for (Key other : byOwner.get(k.owner())) {
                    RRType t = other.type();
                    if (!t.equals(RRType.CNAME) && !t.equals(RRType.RRSIG) && !t.equals(RRType.NSEC) && !t.equals(RRType.NSEC3)) {
                        Set0 o = sets.get(other);
                        Set0 later = o.line > s.line ? o : s;
                        errors.add(new ZoneProblem(later.file, later.line, 1, k.owner() + ": CNAME and other data"));
                        break;
                    }
                }
            }
        }
        if (!soaAtApex) {
            errors.add(new ZoneProblem(fileName, 1, 1, "zone " + origin + " has no SOA record at its origin"));
        }
        if (!nsAtApex) {
            errors.add(new ZoneProblem(fileName, 1, 1, "zone " + origin + " has no NS records at its origin"));
        }
        List<Record> records = new ArrayList<>();
        if (errors.isEmpty()) {
            for (Set0 s : sets.values()) {
                for (Rdata d : s.rdata) {
                    records.add(new Record(s.first.owner(), s.first.rrClass(), s.first.ttl(), d));
                }
            }
            records.sort(Record.CANONICAL_ORDER);
        }
        return new Result(records, errors, warnings);
    }
}
