package org.dunlin.dns.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Opcode;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.rdata.ARdata;
import org.junit.jupiter.api.Test;

/**
 * Over thousands of generated queries (a fixed seed, so a failure reproduces), and queries with records
 * or EDNS options, the bytes sent are exactly {@link Message#toWire()}'s but for the fresh random ID,
 * which is the one the query reports.
 */
class WireQueryTest {
    private static final RRType[] TYPES = {RRType.A, RRType.AAAA, RRType.MX, RRType.TXT, RRType.SRV, RRType.PTR,
            RRType.NS, RRType.SOA, RRType.of(65280), RRType.of(255)};
    private static final RRClass[] CLASSES = {RRClass.IN, RRClass.CH, RRClass.of(254)};
    private static final String LETTERS = "abcXYZ019-_*";

    @Test
    void aQueryIsSentAsTheEncoderWritesItWithAFreshId() {
        SplittableRandom r = new SplittableRandom(20261122);
        for (int n = 0; n < 5_000; n++) {
            Message query = plainQuery(r);
            WireQuery sent = WireQuery.of(query, r, false);
            byte[] expected = query.toWire();
            byte[] actual = sent.bytes();
            assertEquals(expected.length, actual.length, query.toString());
            assertArrayEquals(Arrays.copyOfRange(expected, 2, expected.length), Arrays.copyOfRange(actual, 2, actual.length),
                    query.toString());
            assertEquals((actual[0] & 0xFF) << 8 | actual[1] & 0xFF, sent.id());
            assertEquals(query.question().get(0).name().wireLength() + 4, sent.questionLength());
        }
    }

    @Test
    void queriesWithRecordsOrOptionsAreSentAsEncodedToo() {
        Name n = Name.of("www.example.test.");
        Message withAnswer = Message.builder().question(Question.of(n, RRType.A)).answer(Record.of(n, 60, ARdata.of("192.0.2.1")))
                .build();
        Message withOption = Message.builder().question(Question.of(n, RRType.A))
                .edns(Edns.DEFAULT.withOption(new org.dunlin.dns.wire.edns.Padding(8))).build();
        for (Message m : List.of(withAnswer, withOption)) {
            WireQuery q = WireQuery.of(m, new SplittableRandom(1), false);
            byte[] expected = m.toWire();
            assertArrayEquals(Arrays.copyOfRange(expected, 2, expected.length), Arrays.copyOfRange(q.bytes(), 2, q.length()));
        }
    }

    private static Message plainQuery(SplittableRandom r) {
        int labels = r.nextInt(7);
        List<String> ls = new ArrayList<>();
        for (int i = 0; i < labels; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 1 + r.nextInt(20); j > 0; j--) {
                sb.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
            }
            ls.add(sb.toString());
        }
        Name name = ls.isEmpty() ? Name.ROOT : Name.of(String.join(".", ls) + ".");
        Message.Builder b = Message.builder().id(r.nextInt(1 << 16)).opcode(r.nextBoolean() ? Opcode.QUERY : Opcode.NOTIFY)
                .question(new Question(name, TYPES[r.nextInt(TYPES.length)], CLASSES[r.nextInt(CLASSES.length)]));
        for (Flag f : new Flag[] {Flag.RD, Flag.CD, Flag.AD}) {
            if (r.nextBoolean()) {
                b.flags(f);
            }
        }
        if (r.nextInt(10) < 7) {
            b.edns(new Edns(512 + r.nextInt(65535 - 512 + 1), r.nextInt(256), r.nextBoolean() ? Edns.FLAG_DO : 0, List.of()));
        }
        return b.build();
    }
}
