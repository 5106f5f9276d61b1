package org.dunlin.dns.resolver.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dunlin.dns.resolver.LookupResult;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.EdnsOption;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.dunlin.dns.wire.rdata.CnameRdata;
import org.dunlin.dns.wire.rdata.DnameRdata;

/**
 * Reads a response into a {@link LookupResult}: follows the CNAME and DNAME chain from the question's
 * name through the answer section (RFC 1034 §3.6.2, RFC 6672 §3), finds the data of the type asked at
 * its end, and tells a negative answer (RFC 2308) from a chain that stops short — a recursive server
 * normally includes the whole chain, but one that is authoritative for the first name only does not, and
 * then the stub asks for the chain's last name ({@link FollowUp}).
 *
 * <p>Loops and overlong chains are failures: every name followed goes into {@code visited}, and at most
 * {@code hopsLeft} aliases are followed.
 */
public final class ResponseReader {
    /** DNSSEC EDE codes that mean "validation failed" (RFC 8914 §4.7 to §4.13). */
    private static final int FIRST_BOGUS_EDE = 6;
    private static final int LAST_BOGUS_EDE = 12;

    private ResponseReader() {
    }

    /** What a response says. */
    public sealed interface Reading permits Done, FollowUp {
    }

    /** A final outcome for the question. */
    public record Done(LookupResult<Record> result) implements Reading {
    }

    /** The chain stops at {@code next} without an answer or a negative proof: ask for {@code next}. */
    public record FollowUp(Name next, List<Record> chain) implements Reading {
    }

    /**
     * Reads {@code m}, the response to {@code q}.
     *
     * @param trustAd  whether the AD bit is believed (resolv.conf {@code trust-ad})
     * @param hopsLeft how many more aliases may be followed
     * @param visited  the names already reached besides the question's; names reached are added
     */
    public static Reading read(Question q, Message m, boolean trustAd, int hopsLeft, Set<Name> visited) {
        Rcode rcode = m.rcode();
        List<ExtendedError> edes = extendedErrors(m);
        if (rcode.equals(Rcode.SERVFAIL)) {
            if (edes.stream().anyMatch(e -> e.infoCode().value() >= FIRST_BOGUS_EDE && e.infoCode().value() <= LAST_BOGUS_EDE)) {
                return new Done(new LookupResult.Bogus<>(q.name(), edes));
            }
            return new Done(new LookupResult.ServFail<>(q.name(), rcode, edes, "the server failed"));
        }
        if (rcode.equals(Rcode.REFUSED)) {
            return new Done(new LookupResult.Refused<>(q.name(), edes));
        }
        if (!rcode.equals(Rcode.NOERROR) && !rcode.equals(Rcode.NXDOMAIN)) {
            return new Done(new LookupResult.ServFail<>(q.name(), rcode, edes, "the server answered " + rcode));
        }
        Name current = q.name();
        List<Record> chain = List.of(); // an ArrayList once an alias is followed
        List<Record> answer = m.answer();
        for (;;) {
            List<Record> data = recordsAt(answer, current, q);
            if (!data.isEmpty()) {
                if (rcode.equals(Rcode.NXDOMAIN)) {
                    // RFC 2308 §2.1 / RFC 6604: NXDOMAIN with data at the end of the chain is inconsistent
                    return new Done(new LookupResult.ServFail<>(q.name(), rcode, edes, "NXDOMAIN with data for " + current));
                }
                long ttl = Long.MAX_VALUE;
                for (Record r : data) {
                    ttl = Math.min(ttl, r.ttl());
                }
                for (Record r : chain) {
                    ttl = Math.min(ttl, r.ttl());
                }
                List<Record> records = List.copyOf(data); // one immutable list serves as values and records
                return new Done(new LookupResult.Answer<>(q.name(), current, records, records, chain, ttl,
                        trustAd && m.isSet(Flag.AD)));
            }
            Name next = null;
            Record dname = q.type().equals(RRType.DNAME) ? null : dnameAbove(answer, current, q);
            if (dname != null) {
                Name owner = dname.owner();
                Name target = ((DnameRdata) dname.rdata()).target();
                try {
                    next = current.relativize(owner).concatenate(target);
                } catch (IllegalArgumentException tooLong) {
                    // RFC 6672 §2.2: the substitution would exceed 255 octets (YXDOMAIN)
                    return new Done(new LookupResult.ServFail<>(q.name(), Rcode.YXDOMAIN, edes,
                            "DNAME substitution of " + current + " is too long"));
                }
                chain = add(chain, dname);
            } else if (!q.type().equals(RRType.CNAME) && !q.type().equals(RRType.ANY)) {
                Record cname = first(answer, current, RRType.CNAME, q);
                if (cname != null) {
                    next = ((CnameRdata) cname.rdata()).target();
                    chain = add(chain, cname);
                }
            }
            if (next == null) {
                break;
            }
            if (--hopsLeft < 0) {
                return new Done(new LookupResult.ServFail<>(q.name(), Rcode.SERVFAIL, edes, "alias chain too long at " + current));
            }
            if (next.equals(q.name()) || !visited.add(next)) {
                return new Done(new LookupResult.ServFail<>(q.name(), Rcode.SERVFAIL, edes, "alias loop at " + next));
            }
            current = next;
        }
        Optional<Record> soa = soa(m);
        if (rcode.equals(Rcode.NXDOMAIN)) {
            return new Done(new LookupResult.NxDomain<>(q.name(), chain, soa));
        }
        if (soa.isPresent()) {
            return new Done(new LookupResult.NoData<>(q.name(), chain, soa));
        }
        if (!chain.isEmpty()) {
            return new FollowUp(current, chain);
        }
        if (!m.isSet(Flag.AA) && !m.isSet(Flag.RA) && hasNs(m.authority())) {
            return new Done(new LookupResult.ServFail<>(q.name(), Rcode.SERVFAIL, edes,
                    "referral: the server does not recurse"));
        }
        return new Done(new LookupResult.NoData<>(q.name(), chain, soa));
    }

    private static List<Record> add(List<Record> chain, Record r) {
        List<Record> out = chain.isEmpty() ? new ArrayList<>(4) : chain;
        out.add(r);
        return out;
    }

    /** The records of the type asked (every type for ANY) owned by {@code owner}. */
    private static List<Record> recordsAt(List<Record> answer, Name owner, Question q) {
        List<Record> out = null;
        boolean any = q.type().equals(RRType.ANY);
        for (Record r : answer) {
            if ((any || r.type().equals(q.type())) && r.rrClass().equals(q.rrClass()) && r.owner().equals(owner)) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(r);
            }
        }
        return out == null ? List.of() : out;
    }

    private static Record first(List<Record> answer, Name owner, RRType type, Question q) {
        for (Record r : answer) {
            if (r.type().equals(type) && r.rrClass().equals(q.rrClass()) && r.owner().equals(owner)) {
                return r;
            }
        }
        return null;
    }

    /** A DNAME whose owner is a proper ancestor of {@code name} (RFC 6672 §2.3), the deepest one. */
    private static Record dnameAbove(List<Record> answer, Name name, Question q) {
        Record best = null;
        for (Record r : answer) {
            if (r.type().equals(RRType.DNAME) && r.rrClass().equals(q.rrClass())
                    && name.labelCount() > r.owner().labelCount() && name.isSubdomainOf(r.owner())
                    && (best == null || r.owner().labelCount() > best.owner().labelCount())) {
                best = r;
            }
        }
        return best;
    }

    private static Optional<Record> soa(Message m) {
        for (Record r : m.authority()) {
            if (r.type().equals(RRType.SOA)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean hasNs(List<Record> authority) {
        for (Record r : authority) {
            if (r.type().equals(RRType.NS)) {
                return true;
            }
        }
        return false;
    }

    /** The Extended DNS Errors of a response (RFC 8914), in message order. */
    public static List<ExtendedError> extendedErrors(Message m) {
        if (m.edns().isEmpty()) {
            return List.of();
        }
        List<ExtendedError> out = new ArrayList<>(1);
        for (EdnsOption o : m.edns().get().options()) {
            if (o instanceof ExtendedError e) {
                out.add(e);
            }
        }
        return out;
    }
}
