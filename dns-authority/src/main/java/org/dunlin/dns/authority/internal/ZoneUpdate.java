package org.dunlin.dns.authority.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.dns.wire.zone.ZoneFileException;

/**
 * Applies one DNS UPDATE message (RFC 2136) to a zone: checks the prerequisites (§3.2), prescans and
 * applies the updates (§3.4) with their special cases for the apex SOA and NS and for CNAME, and, if
 * anything changed, increments the SOA serial (§3.6) unless the update set a larger one. The new zone is
 * built and checked like a loaded one. Stateless: the caller serializes updates of one zone.
 *
 * <p>Records are compared by owner, type and canonical RDATA (RFC 4034 §6.2), never by TTL. An RRset
 * that gains a record with a new TTL takes that TTL for all its records (RFC 2181 §5.2).
 */
public final class ZoneUpdate {
    private static final int NOERROR = Rcode.NOERROR.value();
    private static final int FORMERR = Rcode.FORMERR.value();
    private static final int NXDOMAIN = Rcode.NXDOMAIN.value();
    private static final int REFUSED = Rcode.REFUSED.value();
    private static final int YXDOMAIN = Rcode.YXDOMAIN.value();
    private static final int YXRRSET = Rcode.YXRRSET.value();
    private static final int NXRRSET = Rcode.NXRRSET.value();
    private static final int NOTZONE = Rcode.NOTZONE.value();

    /**
     * What an update came to.
     *
     * @param rcode   the response code
     * @param zone    the updated zone, or null when nothing changed or the update failed
     * @param problem why the update failed, for the log (null on success)
     */
    public record Result(int rcode, Zone zone, String problem) {
    }

    private ZoneUpdate() {
    }

    /** Applies {@code update} (already known to name {@code zone}'s origin in its zone section) to {@code zone}. */
    public static Result apply(Zone zone, Message update) {
        Name origin = zone.origin();
        List<Record> records = new ArrayList<>(zone.records());
        Result prerequisites = checkPrerequisites(origin, records, update.answer());
        if (prerequisites != null) {
            return prerequisites;
        }
        for (Record u : update.authority()) { // §3.4.1: prescan, before anything changes
            String problem = prescan(origin, u);
            if (problem != null) {
                return new Result(problem.startsWith("outside") ? NOTZONE : FORMERR, null, problem);
            }
        }
        long oldSerial = zone.serial();
        boolean changed = false;
        for (Record u : update.authority()) {
            changed |= applyOne(origin, records, u);
        }
        if (!changed) {
            return new Result(NOERROR, null, null);
        }
        bumpSerial(origin, records, oldSerial);
        try {
            return new Result(NOERROR, Zone.of(origin, records), null);
        } catch (ZoneFileException e) {
            return new Result(REFUSED, null, "the updated zone would not load: " + e.getMessage());
        }
    }

    /** §3.2: the prerequisite section, in order; null when every prerequisite holds. */
    private static Result checkPrerequisites(Name origin, List<Record> records, List<Record> prerequisites) {
        Map<List<Object>, Set<ByteBuffer>> expected = new LinkedHashMap<>();
        for (Record p : prerequisites) {
            if (p.ttl() != 0) {
                return new Result(FORMERR, null, "prerequisite with a TTL: " + p);
            }
            if (!p.owner().isSubdomainOf(origin)) {
                return new Result(NOTZONE, null, "prerequisite outside the zone: " + p.owner());
            }
            RRType type = p.type();
            if (p.rrClass().equals(RRClass.ANY) || p.rrClass().equals(RRClass.NONE)) {
                if (p.rdata().toWire().length != 0) {
                    return new Result(FORMERR, null, "prerequisite of class " + p.rrClass() + " with RDATA");
                }
                boolean exists = type.equals(RRType.ANY) ? nameInUse(records, p.owner()) : !rrset(records, p.owner(), type).isEmpty();
                boolean wanted = p.rrClass().equals(RRClass.ANY);
                if (exists != wanted) {
                    int rcode = type.equals(RRType.ANY) ? (wanted ? NXDOMAIN : YXDOMAIN) : (wanted ? NXRRSET : YXRRSET);
                    return new Result(rcode, null, "prerequisite failed: " + p.owner() + " " + p.rrClass() + " " + type);
                }
            } else if (p.rrClass().equals(RRClass.IN)) {
                expected.computeIfAbsent(List.of(p.owner(), type), k -> new HashSet<>()).add(wire(p.rdata()));
            } else {
                return new Result(FORMERR, null, "prerequisite of class " + p.rrClass());
            }
        }
        for (Map.Entry<List<Object>, Set<ByteBuffer>> e : expected.entrySet()) { // §3.2.3: exact RRsets
            Set<ByteBuffer> actual = new HashSet<>();
            for (Record r : rrset(records, (Name) e.getKey().get(0), (RRType) e.getKey().get(1))) {
                actual.add(wire(r.rdata()));
            }
            if (!actual.equals(e.getValue())) {
                return new Result(NXRRSET, null, "prerequisite RRset differs: " + e.getKey());
            }
        }
        return null;
    }

    /** §3.4.1.3: null if {@code u} may be applied; otherwise why not ("outside ..." means NOTZONE). */
    private static String prescan(Name origin, Record u) {
        if (!u.owner().isSubdomainOf(origin)) {
            return "outside the zone: " + u.owner();
        }
        RRType t = u.type();
        boolean meta = t.value() >= 128 && t.value() <= 255 || t.equals(RRType.OPT);
        if (u.rrClass().equals(RRClass.IN)) {
            return meta ? "cannot add a record of type " + t : null;
        }
        if (u.rrClass().equals(RRClass.ANY)) {
            return u.ttl() != 0 || u.rdata().toWire().length != 0 || meta && !t.equals(RRType.ANY)
                    ? "malformed delete of " + u.owner() + " " + t : null;
        }
        if (u.rrClass().equals(RRClass.NONE)) {
            return u.ttl() != 0 || meta ? "malformed delete of a record at " + u.owner() : null;
        }
        return "update of class " + u.rrClass();
    }

    /** §3.4.2: applies one update record; returns whether the zone changed. */
    private static boolean applyOne(Name origin, List<Record> records, Record u) {
        Name owner = u.owner();
        RRType type = u.type();
        boolean apex = owner.equals(origin);
        if (u.rrClass().equals(RRClass.IN)) {
            return add(origin, records, u);
        }
        if (u.rrClass().equals(RRClass.ANY)) {
            if (type.equals(RRType.ANY)) { // delete every RRset at the name; the apex keeps SOA and NS
                return records.removeIf(r -> r.owner().equals(owner)
                        && !(apex && (r.type().equals(RRType.SOA) || r.type().equals(RRType.NS))));
            }
            if (apex && (type.equals(RRType.SOA) || type.equals(RRType.NS))) {
                return false;
            }
            return records.removeIf(r -> r.owner().equals(owner) && r.type().equals(type));
        }
        // class NONE: delete one record, never the SOA nor the apex's last NS
        if (type.equals(RRType.SOA)) {
            return false;
        }
        ByteBuffer target = wire(u.rdata());
        if (apex && type.equals(RRType.NS)) {
            List<Record> ns = rrset(records, owner, RRType.NS);
            if (ns.size() == 1 && wire(ns.get(0).rdata()).equals(target)) {
                return false;
            }
        }
        return records.removeIf(r -> r.owner().equals(owner) && r.type().equals(type) && wire(r.rdata()).equals(target));
    }

    /** §3.4.2.2: adds {@code u}, with the SOA and CNAME rules; returns whether the zone changed. */
    private static boolean add(Name origin, List<Record> records, Record u) {
        Name owner = u.owner();
        RRType type = u.type();
        if (type.equals(RRType.SOA)) {
            if (!owner.equals(origin)) {
                return false;
            }
            Record old = rrset(records, origin, RRType.SOA).get(0);
            long was = ((SoaRdata) old.rdata()).serial();
            long now = ((SoaRdata) u.rdata()).serial();
            if (!serialGreater(now, was)) {
                return false; // RFC 1982 serial arithmetic: only a newer SOA replaces the old one
            }
            records.remove(old);
            records.add(new Record(owner, RRClass.IN, u.ttl(), u.rdata()));
            return true;
        }
        boolean hasCname = !rrset(records, owner, RRType.CNAME).isEmpty();
        boolean hasOther = records.stream().anyMatch(r -> r.owner().equals(owner) && !r.type().equals(RRType.CNAME)
                && !isDnssec(r.type()));
        if (type.equals(RRType.CNAME) ? hasOther : hasCname && !isDnssec(type)) {
            return false; // CNAME and other data never share a name (RFC 1034 §3.6.2)
        }
        if (type.equals(RRType.CNAME) && hasCname) {
            records.removeIf(r -> r.owner().equals(owner) && r.type().equals(RRType.CNAME)); // a CNAME replaces
        }
        ByteBuffer w = wire(u.rdata());
        boolean duplicate = false;
        boolean changed = false;
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            if (r.owner().equals(owner) && r.type().equals(type)) {
                if (wire(r.rdata()).equals(w)) {
                    duplicate = true;
                }
                if (r.ttl() != u.ttl()) {
                    records.set(i, r.withTtl(u.ttl()));
                    changed = true;
                }
            }
        }
        if (!duplicate) {
            records.add(new Record(owner, RRClass.IN, u.ttl(), u.rdata()));
            changed = true;
        }
        return changed;
    }

    /** §3.6: the serial goes up by one unless the update itself raised it. */
    private static void bumpSerial(Name origin, List<Record> records, long oldSerial) {
        Record soa = rrset(records, origin, RRType.SOA).get(0);
        SoaRdata s = (SoaRdata) soa.rdata();
        if (s.serial() != oldSerial) {
            return;
        }
        long next = (oldSerial + 1) & 0xFFFFFFFFL;
        records.set(records.indexOf(soa), new Record(soa.owner(), soa.rrClass(), soa.ttl(),
                new SoaRdata(s.mname(), s.rname(), next, s.refresh(), s.retry(), s.expire(), s.minimum())));
    }

    /** RFC 1982 §3.2: whether serial {@code a} is greater than {@code b}. */
    static boolean serialGreater(long a, long b) {
        long d = (a - b) & 0xFFFFFFFFL;
        return d != 0 && d < 0x80000000L;
    }

    private static boolean isDnssec(RRType t) {
        return t.equals(RRType.RRSIG) || t.equals(RRType.NSEC) || t.equals(RRType.NSEC3);
    }

    private static boolean nameInUse(List<Record> records, Name name) {
        return records.stream().anyMatch(r -> r.owner().equals(name));
    }

    private static List<Record> rrset(List<Record> records, Name owner, RRType type) {
        List<Record> out = new ArrayList<>();
        for (Record r : records) {
            if (r.owner().equals(owner) && r.type().equals(type)) {
                out.add(r);
            }
        }
        return out;
    }

    private static ByteBuffer wire(Rdata rdata) {
        return ByteBuffer.wrap(rdata.toCanonicalWire());
    }
}
