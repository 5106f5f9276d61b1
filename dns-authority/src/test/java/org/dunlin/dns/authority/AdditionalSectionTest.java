package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.Edns;
import org.junit.jupiter.api.Test;

/**
 * The additional section (not compared by the differential tests, where servers legitimately differ):
 * addresses of NS, MX and SRV targets that the zone holds; glue for referrals, never for other answers;
 * nothing for targets outside the zone, for aliases, or twice; and minimal responses (no NS RRset in the
 * authority section of an answer).
 */
class AdditionalSectionTest {
    private static final Responder R;

    static {
        try {
            R = Responder.of(Catalog.of(Zone.parse(Name.of("test."), TestSupport.zoneText("corners.zone"), "corners.zone")));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Set<String> additional(String name, RRType type) {
        Message m = R.respond(Message.builder().id(1).question(Name.of(name), type).edns(Edns.DEFAULT).build(), true);
        Set<String> out = new TreeSet<>();
        for (Record r : m.additional()) {
            out.add(r.owner() + " " + r.type());
        }
        return out;
    }

    @Test
    void mxTargetsInTheZoneGetTheirAddressesButAliasesAndOutsidersDoNot() {
        // MX 10 mail (A, AAAA), 20 mail.elsewhere.example. (outside), 30 www (a CNAME: no addresses).
        assertEquals(Set.of("mail.test. A", "mail.test. AAAA"), additional("test.", RRType.MX));
    }

    @Test
    void srvTargets() {
        assertEquals(Set.of("sip.test. A"), additional("_sip._tcp.test.", RRType.SRV));
        assertEquals(Set.of(), additional("_sip._udp.test.", RRType.SRV), "target outside the zone");
    }

    @Test
    void apexNsTargets() {
        assertEquals(Set.of("ns1.test. A", "ns1.test. AAAA", "ns2.test. A"), additional("test.", RRType.NS));
    }

    @Test
    void referralsCarryGlueAndInZoneAddressesOnce() {
        // deleg NS ns.deleg (glue, below the cut), ns1 (in zone), ns.other.example. (outside), ns.deleg2 (sibling glue).
        assertEquals(Set.of("ns.deleg.test. A", "ns.deleg.test. AAAA", "ns1.test. A", "ns1.test. AAAA", "ns.deleg2.test. A"),
                additional("www.deleg.test.", RRType.A));
    }

    @Test
    void glueIsNeverAnAnswerNorAdditionalDataOfOtherAnswers() {
        Message m = R.respond(Message.builder().id(2).question(Name.of("ns.deleg.test."), RRType.A).build(), true);
        assertTrue(m.answer().isEmpty(), "below a cut: a referral, not the glue as an answer");
        assertEquals(RRType.NS, m.authority().get(0).type());
    }

    @Test
    void answersAreMinimal() {
        Message m = R.respond(Message.builder().id(3).question(Name.of("web.test."), RRType.A).build(), true);
        assertEquals(1, m.answer().size());
        assertTrue(m.authority().isEmpty(), "no NS RRset in the authority section of an answer");
        assertTrue(m.additional().isEmpty());
    }
}
