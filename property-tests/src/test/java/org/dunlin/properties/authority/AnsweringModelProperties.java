package org.dunlin.properties.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunlin.dns.authority.Catalog;
import org.dunlin.dns.authority.Responder;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.CnameRdata;
import org.dunlin.dns.wire.rdata.DnameRdata;
import org.dunlin.dns.wire.rdata.MxRdata;
import org.dunlin.dns.wire.rdata.NsRdata;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.dns.wire.rdata.TxtRdata;

/**
 * The server's answering engine agrees with {@link ReferenceAuthority}, a plain object model of the
 * RFCs, on random zones and random questions: rcode, AA, answer and authority. Zones are built from a
 * four-letter alphabet ({@code a b c *}) three labels deep under {@code z.}, so wildcards, empty
 * non-terminals, CNAME and DNAME chains and loops, and data below cuts and DNAMEs meet each other all
 * the time; questions add a label that never exists ({@code d}).
 */
class AnsweringModelProperties {
    private static final Name ORIGIN = Name.of("z.");
    private static final List<RRType> QTYPES = List.of(RRType.A, RRType.TXT, RRType.MX, RRType.NS, RRType.CNAME,
            RRType.DNAME, RRType.DS, RRType.ANY, RRType.SOA, RRType.AAAA);

    /** What a generated name holds. */
    enum Kind { DATA, CNAME, DNAME, DELEGATION }

    @Provide
    Arbitrary<Name> zoneNames() {
        return Arbitraries.of("a", "b", "c", "*").list().ofMinSize(1).ofMaxSize(3).map(AnsweringModelProperties::name);
    }

    @Provide
    Arbitrary<Name> queryNames() {
        return Arbitraries.of("a", "b", "c", "*", "d").list().ofMinSize(0).ofMaxSize(4).map(AnsweringModelProperties::name);
    }

    private static Name name(List<String> labels) {
        Name n = ORIGIN;
        for (String l : labels) {
            n = n.child(l);
        }
        return n;
    }

    @Provide
    Arbitrary<List<Record>> zones() {
        Arbitrary<Name> target = Arbitraries.oneOf(zoneNames(), queryNames(), Arbitraries.just(Name.of("out.example.")));
        Arbitrary<Kind> kind = Arbitraries.of(Kind.class);
        Arbitrary<Map<Name, Kind>> layout = Arbitraries.maps(zoneNames(), kind).ofMinSize(1).ofMaxSize(12);
        Arbitrary<List<Name>> targets = target.list().ofSize(40);
        Arbitrary<Long> minimum = Arbitraries.longs().between(30, 7200);
        return Combinators.combine(layout, targets, minimum).as((l, t, min) -> {
            List<Record> out = new ArrayList<>();
            out.add(Record.of(ORIGIN, 3600, new SoaRdata(Name.of("ns.z."), Name.of("h.z."), 1, 2, 3, 4, min)));
            out.add(Record.of(ORIGIN, 3600, new NsRdata(Name.of("ns.out.example."))));
            int i = 0;
            for (Map.Entry<Name, Kind> e : l.entrySet()) {
                Name n = e.getKey();
                Name tg = t.get(i++ % t.size());
                switch (e.getValue()) {
                    case DATA:
                        out.add(Record.of(n, 300, ARdata.of("192.0.2." + (i % 250))));
                        if (i % 2 == 0) {
                            out.add(Record.of(n, 301, TxtRdata.of("t" + i)));
                        }
                        if (i % 3 == 0) {
                            out.add(Record.of(n, 302, new MxRdata(10, tg)));
                        }
                        break;
                    case CNAME:
                        out.add(Record.of(n, 303, new CnameRdata(tg)));
                        break;
                    case DNAME:
                        out.add(Record.of(n, 304, new DnameRdata(tg)));
                        out.add(Record.of(n, 305, TxtRdata.of("dname owner")));
                        break;
                    default:
                        out.add(Record.of(n, 306, new NsRdata(n.child("ns"))));
                        out.add(Record.of(n.child("ns"), 307, ARdata.of("198.51.100.1")));
                }
            }
            return out;
        });
    }

    @Property(tries = 400)
    void engineAgreesWithTheReferenceModel(@ForAll("zones") List<Record> records, @ForAll("queryNames") Name extra)
            throws Exception {
        Zone zone = Zone.of(ORIGIN, records);
        Responder responder = Responder.of(Catalog.of(zone));
        ReferenceAuthority model = new ReferenceAuthority(ORIGIN, records);
        List<Name> questions = new ArrayList<>(new LinkedHashMap<Name, Boolean>() {
            {
                put(extra, true);
                for (Record r : records) {
                    put(r.owner(), true);
                    put(r.owner().child("d"), true);
                    put(r.owner().child("x").child("a"), true);
                }
            }
        }.keySet());
        int id = 0;
        for (Name q : questions) {
            for (RRType t : QTYPES) {
                Message query = Message.builder().id(id++ & 0xFFFF).question(new Question(q, t, org.dunlin.dns.wire.RRClass.IN)).build();
                Message r = responder.respond(query, true);
                ReferenceAuthority.Outcome expected = model.answer(q, t);
                String what = q + " " + t + " in\n" + records.stream().map(Record::toString).reduce("", (x, y) -> x + y + "\n");
                assertEquals(expected.rcode(), r.rcode(), what);
                assertEquals(expected.aa(), r.isSet(Flag.AA), "AA for " + what);
                assertFalse(r.isSet(Flag.TC));
                assertEquals(expected.answer(), new HashSet<>(r.answer()), "answer for " + what);
                assertEquals(expected.authority(), new HashSet<>(r.authority()), "authority for " + what);
            }
        }
    }
}
