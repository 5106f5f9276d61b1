package org.dunlin.dns.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Opcode;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.junit.jupiter.api.Test;

/** RFC 5452 §9.1 matching on raw bytes: ID, QR, opcode, and the question (exact case with 0x20). */
class ResponseMatcherTest {
    private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");

    private static Message query(String name) {
        return Message.builder().question(Question.of(name, RRType.A)).flags(Flag.RD).build();
    }

    /** The response bytes for the question actually sent (the query's bytes with QR set). */
    private static ByteBuffer echo(WireQuery q) {
        byte[] b = q.bytes().clone();
        b[2] |= (byte) 0x80;
        return ByteBuffer.wrap(b);
    }

    @Test
    void theEchoOfTheQueryMatches() {
        WireQuery q = WireQuery.of(query("www.example.test"), RANDOM, false);
        assertTrue(ResponseMatcher.matches(echo(q), q));
    }

    @Test
    void aDifferentIdDoesNotMatch() {
        WireQuery q = WireQuery.of(query("www.example.test"), RANDOM, false);
        ByteBuffer r = echo(q);
        r.put(1, (byte) (r.get(1) ^ 1));
        assertFalse(ResponseMatcher.matches(r, q));
    }

    @Test
    void aQueryIsNotAResponseAndTheOpcodeMustMatch() {
        WireQuery q = WireQuery.of(query("www.example.test"), RANDOM, false);
        assertFalse(ResponseMatcher.matches(ByteBuffer.wrap(q.bytes()), q));
        Message notify = Message.responseTo(query("www.example.test")).opcode(Opcode.NOTIFY).id(q.id()).build();
        assertFalse(ResponseMatcher.matches(ByteBuffer.wrap(notify.toWire()), q));
    }

    @Test
    void anotherNameTypeOrClassDoesNotMatch() {
        WireQuery q = WireQuery.of(query("www.example.test"), RANDOM, false);
        for (Question other : new Question[] {Question.of("www.example.tesu", RRType.A), Question.of("www.example.test", RRType.AAAA),
                new Question(Name.of("www.example.test"), RRType.A, RRClass.CH)}) {
            Message r = Message.builder().id(q.id()).flags(Flag.QR).question(other).build();
            assertFalse(ResponseMatcher.matches(ByteBuffer.wrap(r.toWire()), q), other.toString());
        }
    }

    @Test
    void typeAndClassOctetsAreComparedExactlyEvenWithout0x20() {
        // type 0x0041 ('A') must not match type 0x0061 ('a') through case folding
        Message m = Message.builder().question(new Question(Name.of("x.test"), RRType.of(0x41), RRClass.IN)).build();
        WireQuery q = WireQuery.of(m, RANDOM, false);
        Message r = Message.builder().id(q.id()).flags(Flag.QR).question(new Question(Name.of("x.test"), RRType.of(0x61), RRClass.IN)).build();
        assertFalse(ResponseMatcher.matches(ByteBuffer.wrap(r.toWire()), q));
    }

    @Test
    void caseIsIgnoredWithout0x20AndExactWithIt() {
        WireQuery plain = WireQuery.of(query("www.example.test"), RANDOM, false);
        Message upper = Message.builder().id(plain.id()).flags(Flag.QR).question(Question.of("WWW.EXAMPLE.TEST", RRType.A)).build();
        assertTrue(ResponseMatcher.matches(ByteBuffer.wrap(upper.toWire()), plain));

        String name = "abcdefghijklmnopqrstuvwxyz.example.test";
        WireQuery mixed = WireQuery.of(query(name), RANDOM, true);
        assertTrue(ResponseMatcher.matches(echo(mixed), mixed));
        Message lower = Message.builder().id(mixed.id()).flags(Flag.QR).question(Question.of(name, RRType.A)).build();
        assertFalse(ResponseMatcher.matches(ByteBuffer.wrap(lower.toWire()), mixed), "0x20 case not checked");
    }

    @Test
    void randomCaseChangesLettersOnly() {
        Message m = query("a1-b2_c3.x.y.z.example.test");
        WireQuery q = WireQuery.of(m, RANDOM, true);
        byte[] plain = m.toWire();
        boolean changed = false;
        for (int i = 12; i < plain.length; i++) {
            if (plain[i] != q.bytes()[i]) {
                changed = true;
                assertTrue(Character.isLetter(plain[i]) && (plain[i] ^ 0x20) == q.bytes()[i], "byte " + i);
            }
        }
        assertTrue(changed, "nothing randomized (chance 2^-17)");
        assertNotEquals(-1, q.id());
    }

    @Test
    void formerrWithoutAQuestionMatchesForEdnsFallbackButNoerrorDoesNot() {
        WireQuery q = WireQuery.of(query("www.example.test"), RANDOM, false);
        Message formerr = Message.builder().id(q.id()).flags(Flag.QR).rcode(Rcode.FORMERR).build();
        assertTrue(ResponseMatcher.matches(ByteBuffer.wrap(formerr.toWire()), q));
        Message empty = Message.builder().id(q.id()).flags(Flag.QR).build();
        assertFalse(ResponseMatcher.matches(ByteBuffer.wrap(empty.toWire()), q));
        assertFalse(ResponseMatcher.matches(ByteBuffer.wrap(new byte[] {1, 2, 3}), q));
    }
}
