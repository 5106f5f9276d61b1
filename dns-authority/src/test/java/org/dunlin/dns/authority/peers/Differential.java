package org.dunlin.dns.authority.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dunlin.dns.authority.DnsClient;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.edns.Edns;

/**
 * The differential runner: sends the same queries to Dunlin and to reference servers and compares what
 * a resolver relies on — rcode, AA, TC, and the answer and authority sections as sets of records
 * (order-insensitive, owner names compared without case). The additional section is not compared: it
 * is optional data whose choice legitimately differs between servers.
 *
 * <p>A query passes when Dunlin's outcome equals at least one reference server's: NSD and Knot disagree
 * on a few points the RFCs leave open (which RRset answers ANY, whether a lost glue record sets TC, AA
 * on class ANY), and matching either is matching a production server.
 */
public final class Differential {
    /** How a query is sent. */
    public enum Mode {
        /** UDP with EDNS, payload 1232. */
        UDP_EDNS,
        /** UDP without EDNS (512-octet limit). */
        UDP_PLAIN,
        /** UDP with EDNS and DO set, payload 1232. */
        UDP_DO,
        /** TCP with EDNS. */
        TCP,
        /** TCP with EDNS and DO set. */
        TCP_DO
    }

    /** What is compared of a response. */
    public record Outcome(int rcode, boolean aa, boolean tc, Set<Record> answer, Set<Record> authority) {
        static Outcome of(Message m) {
            return new Outcome(m.rcode().value(), m.isSet(Flag.AA), m.isSet(Flag.TC), new HashSet<>(m.answer()),
                    new HashSet<>(m.authority()));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append("rcode=").append(org.dunlin.dns.wire.Rcode.of(rcode)).append(aa ? " aa" : "").append(tc ? " tc" : "");
            sb.append("\n      answer:");
            for (Record r : sorted(answer)) {
                sb.append("\n        ").append(r);
            }
            sb.append("\n      authority:");
            for (Record r : sorted(authority)) {
                sb.append("\n        ").append(r);
            }
            return sb.toString();
        }

        private static List<Record> sorted(Set<Record> s) {
            List<Record> l = new ArrayList<>(s);
            l.sort(Record.CANONICAL_ORDER);
            return l;
        }
    }

    /** One query whose outcome matched no reference server. */
    public record Mismatch(Question question, Mode mode, Outcome ours, Map<String, Outcome> theirs) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(question).append(" over ").append(mode).append("\n    dunlin: ").append(ours);
            for (Map.Entry<String, Outcome> e : theirs.entrySet()) {
                sb.append("\n    ").append(e.getKey()).append(": ").append(e.getValue());
            }
            return sb.toString();
        }
    }

    /** The result of a run. */
    public record Report(int queries, List<Mismatch> mismatches, int referencesDisagreed) {
    }

    private Differential() {
    }

    /** Runs {@code questions} in every mode of {@code modes} against ours and the peers. */
    public static Report run(InetSocketAddress ours, List<PeerServer> peers, List<Question> questions, List<Mode> modes)
            throws IOException {
        List<Mismatch> mismatches = new ArrayList<>();
        int disagreed = 0;
        int count = 0;
        Map<String, DnsClient> clients = new LinkedHashMap<>();
        try {
            clients.put("dunlin", new DnsClient(ours));
            for (PeerServer p : peers) {
                clients.put(p.name(), new DnsClient(p.address()));
            }
            int id = 1;
            for (Mode mode : modes) {
                for (Question q : questions) {
                    Message query = query(q, mode, id++ & 0xFFFF);
                    Outcome mine = ask(clients.get("dunlin"), query, mode);
                    Map<String, Outcome> theirs = new LinkedHashMap<>();
                    for (PeerServer p : peers) {
                        theirs.put(p.name(), ask(clients.get(p.name()), query, mode));
                    }
                    count++;
                    if (new HashSet<>(theirs.values()).size() > 1) {
                        disagreed++;
                    }
                    if (!theirs.containsValue(mine)) {
                        mismatches.add(new Mismatch(q, mode, mine, theirs));
                    }
                }
            }
        } finally {
            for (DnsClient c : clients.values()) {
                c.close();
            }
        }
        return new Report(count, mismatches, disagreed);
    }

    static Message query(Question q, Mode mode, int id) {
        Message.Builder b = Message.builder().id(id).question(q);
        if (mode != Mode.UDP_PLAIN) {
            Edns e = Edns.DEFAULT;
            if (mode == Mode.UDP_DO || mode == Mode.TCP_DO) {
                e = e.withDnssecOk(true);
            }
            b.edns(e);
        }
        return b.build();
    }

    private static Outcome ask(DnsClient c, Message query, Mode mode) throws IOException {
        try {
            Message m = mode == Mode.TCP || mode == Mode.TCP_DO ? c.tcp(query) : c.udp(query);
            return Outcome.of(m);
        } catch (WireFormatException e) {
            throw new IOException("undecodable answer to " + query.question() + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Corpora

    /** The types asked at every name of a zone. */
    public static final List<RRType> TYPES = List.of(RRType.A, RRType.AAAA, RRType.NS, RRType.SOA, RRType.MX, RRType.TXT,
            RRType.CNAME, RRType.DNAME, RRType.SRV, RRType.DS, RRType.ANY, RRType.of(1000));

    /** Fewer types for names derived from the zone's names (children, grandchildren). */
    public static final List<RRType> DERIVED_TYPES = List.of(RRType.A, RRType.TXT, RRType.NS, RRType.DS, RRType.ANY);

    /**
     * The corpus for a zone: every owner name with every type of {@link #TYPES}; every owner in mixed
     * case with A and ANY; a child and a grandchild of every owner with {@link #DERIVED_TYPES}; plus the
     * {@code extra} names (absolute) with every type.
     */
    public static List<Question> corpus(Name origin, Iterable<Record> records, List<String> extra) {
        Set<Name> owners = new LinkedHashSet<>();
        for (Record r : records) {
            owners.add(r.owner());
        }
        Set<Question> out = new LinkedHashSet<>();
        for (Name o : owners) {
            for (RRType t : TYPES) {
                out.add(new Question(o, t, RRClass.IN));
            }
        }
        for (Name o : owners) {
            Name mixed = mixedCase(o);
            out.add(new Question(mixed, RRType.A, RRClass.IN));
            out.add(new Question(mixed, RRType.ANY, RRClass.IN));
            if (o.wireLength() + 4 <= Name.MAX_WIRE_LENGTH) {
                for (Name child : List.of(o.child("x"), o.child("y").child("x"))) {
                    for (RRType t : DERIVED_TYPES) {
                        out.add(new Question(child, t, RRClass.IN));
                    }
                }
            }
        }
        for (String e : extra) {
            for (RRType t : TYPES) {
                out.add(new Question(Name.of(e), t, RRClass.IN));
            }
        }
        return new ArrayList<>(out);
    }

    /** The name with the case of its letters alternating (to check case is preserved). */
    static Name mixedCase(Name n) {
        String s = n.toString();
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                sb.append(up ? Character.toUpperCase(c) : Character.toLowerCase(c));
                up = !up;
            } else {
                sb.append(c);
            }
        }
        return Name.of(sb.toString().toLowerCase(Locale.ROOT).equals(s.toLowerCase(Locale.ROOT)) ? sb.toString() : s);
    }
}
