package org.dunlin.dns.wire.tsig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.dunlin.dns.wire.dnssec.TestBytes;

/** Hand-built DNS messages for TSIG tests (independent of the record model). */
final class TestMessages {

    private TestMessages() {
    }

    static byte[] name(String text) {
        return TestBytes.name(text);
    }

    /** A query with RD clear for {@code qname}/{@code qtype} IN. */
    static byte[] query(int id, String qname, int qtype) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, id);
        u16(out, 0);
        u16(out, 1);
        u16(out, 0);
        u16(out, 0);
        u16(out, 0);
        out.writeBytes(name(qname));
        u16(out, qtype);
        u16(out, 1);
        return out.toByteArray();
    }

    /** A response to {@link #query} with one A record answer (compressed owner). */
    static byte[] answer(int id, String qname, byte[] address) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, id);
        u16(out, 0x8400);
        u16(out, 1);
        u16(out, 1);
        u16(out, 0);
        u16(out, 0);
        out.writeBytes(name(qname));
        u16(out, 1);
        u16(out, 1);
        u16(out, 0xc00c);
        u16(out, 1);
        u16(out, 1);
        u16(out, 0);
        u16(out, 300);
        u16(out, 4);
        out.writeBytes(address);
        return out.toByteArray();
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    static int rcode(byte[] message) {
        return message[3] & 0x0f;
    }
}
