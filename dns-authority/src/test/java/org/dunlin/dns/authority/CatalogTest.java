package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.junit.jupiter.api.Test;

/** Several zones: longest match, DS from the parent side of a cut, REFUSED outside, atomic replacement. */
class CatalogTest {
    private static Zone zone(String origin, String body) throws Exception {
        return Zone.parse(Name.of(origin), "$TTL 300\n@ IN SOA ns h 1 2 3 4 60\n@ IN NS ns\nns IN A 192.0.2.1\n" + body, origin);
    }

    private static Message ask(Responder r, String name, RRType type) {
        return r.respond(Message.builder().id(1).question(Name.of(name), type).edns(Edns.DEFAULT).build(), false);
    }

    @Test
    void theLongestMatchingZoneAnswers() throws Exception {
        Catalog c = Catalog.of(zone("example.", "sub IN NS ns.sub\nns.sub IN A 192.0.2.2\nsub IN DS 1 8 2 00\n"),
                zone("sub.example.", "www IN A 192.0.2.3\n"), zone("other.", ""));
        Responder r = Responder.of(c);
        Message www = ask(r, "www.sub.example.", RRType.A);
        assertEquals(Rcode.NOERROR, www.rcode());
        assertTrue(www.isSet(Flag.AA), "answered by the child, not referred by the parent");
        Message ds = ask(r, "sub.example.", RRType.DS);
        assertEquals(RRType.DS, ds.answer().get(0).type(), "DS comes from the parent (RFC 4035 §3.1.4.1)");
        Message ns = ask(r, "sub.example.", RRType.NS);
        assertTrue(ns.isSet(Flag.AA), "the child's apex NS is authoritative");
        assertEquals(Name.of("ns.sub.example."), ((org.dunlin.dns.wire.rdata.NsRdata) ns.answer().get(0).rdata()).nameServer());
        Message refused = ask(r, "www.example.net.", RRType.A);
        assertEquals(Rcode.REFUSED, refused.rcode());
        assertFalse(refused.isSet(Flag.AA));
        assertEquals(20, refused.edns().orElseThrow().option(ExtendedError.class).orElseThrow().infoCode().value(),
                "EDE 20: Not Authoritative");
        assertEquals(Name.of("sub.example."), c.find(Name.of("A.B.Sub.Example.")).orElseThrow().origin());
        assertTrue(c.find(Name.of("example.net.")).isEmpty());
    }

    @Test
    void withAndWithoutMakeNewCatalogs() throws Exception {
        Catalog one = Catalog.of(zone("example.", ""));
        Catalog two = one.with(zone("other.", ""));
        assertEquals(1, one.zones().size());
        assertEquals(2, two.zones().size());
        Catalog replaced = two.with(zone("example.", "new IN A 192.0.2.9\n"));
        assertEquals(2, replaced.zones().size());
        assertTrue(replaced.zone(Name.of("example.")).orElseThrow().rrset(Name.of("new.example."), RRType.A).isPresent());
        assertEquals(1, replaced.without(Name.of("other.")).zones().size());
        assertThrows(IllegalArgumentException.class, () -> Catalog.of(zone("example.", ""), zone("example.", "")));
    }

    @Test
    void theRootZoneCanBeServed() throws Exception {
        Responder r = Responder.of(Catalog.of(Zone.parse(Name.ROOT,
                "$TTL 300\n. IN SOA a.root. h. 1 2 3 4 60\n. IN NS a.root.\na.root. IN A 192.0.2.1\ncom. IN NS a.gtld.\n", "root")));
        Message m = ask(r, "www.example.com.", RRType.A);
        assertFalse(m.isSet(Flag.AA));
        assertEquals(RRType.NS, m.authority().get(0).type());
        assertEquals(Rcode.NXDOMAIN, ask(r, "nosuchtld.", RRType.A).rcode());
    }
}
