package org.dunlin.dns.resolver.internal;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.edns.Edns;

/**
 * One query as it goes on the wire: the encoded message with its ID and, with DNS 0x20, the letters of
 * its question name in random case. The question bytes (QNAME, QTYPE, QCLASS at offset 12, never
 * compressed since nothing precedes them) are what a response must echo (RFC 5452 §9.1).
 */
public final class WireQuery {
    /** Offset of the question section. */
    static final int QUESTION = 12;

    private final byte[] bytes;
    private final int questionLength;
    private final boolean caseSensitive;

    private WireQuery(byte[] bytes, int questionLength, boolean caseSensitive) {
        this.bytes = bytes;
        this.questionLength = questionLength;
        this.caseSensitive = caseSensitive;
    }

    /**
     * Encodes {@code query} (exactly one question) with a random ID and, if {@code randomizeCase}, random
     * letter case in the question name.
     *
     * @throws IllegalArgumentException if the query does not have exactly one question
     */
    public static WireQuery of(Message query, RandomGenerator random, boolean randomizeCase) {
        if (query.question().size() != 1) {
            throw new IllegalArgumentException("a query has exactly one question, not " + query.question().size());
        }
        byte[] plain = encodePlainQuery(query);
        return plain != null ? with(plain, query, random, randomizeCase) : of(query.toWire(), query, random, randomizeCase);
    }

    /** As {@link #of(Message, RandomGenerator, boolean)} from the query's encoding, which is not modified. */
    public static WireQuery of(byte[] encoded, Message query, RandomGenerator random, boolean randomizeCase) {
        if (query.question().size() != 1) {
            throw new IllegalArgumentException("a query has exactly one question, not " + query.question().size());
        }
        return with(encoded.clone(), query, random, randomizeCase);
    }

    /**
     * The wire form of a plain query — one question, no records, at most an OPT without options — written
     * directly, or {@code null} for anything else. It is exactly what {@link Message#toWire()} writes
     * (a single name leaves nothing to compress; a property test holds the two together), without the
     * general encoder's buffers and compression table. RFC 1035 §4.1.1 header, §4.1.2 question, then the
     * OPT pseudo-record of RFC 6891 §6.1.2 (root owner, type 41, CLASS = payload size, TTL = extended
     * RCODE, version and flags, no RDATA).
     */
    static byte[] encodePlainQuery(Message query) {
        if (!query.answer().isEmpty() || !query.authority().isEmpty() || !query.additional().isEmpty()) {
            return null;
        }
        Edns edns = query.edns().orElse(null);
        if (edns != null && !edns.options().isEmpty()) {
            return null;
        }
        Question q = query.question().get(0);
        Name name = q.name();
        int nameLength = name.wireLength();
        byte[] b = new byte[QUESTION + nameLength + 4 + (edns != null ? 11 : 0)];
        int word = query.flags() | query.opcode().value() << 11 | query.rcode().headerBits();
        putU16(b, 0, query.id());
        putU16(b, 2, word);
        putU16(b, 4, 1);
        putU16(b, 10, edns != null ? 1 : 0);
        name.copyWireTo(b, QUESTION);
        int p = QUESTION + nameLength;
        putU16(b, p, q.type().value());
        putU16(b, p + 2, q.rrClass().value());
        if (edns != null) {
            p += 4;
            b[p] = 0; // root
            putU16(b, p + 1, 41);
            putU16(b, p + 3, edns.udpPayloadSize());
            putU16(b, p + 5, query.rcode().extendedBits() << 8 | edns.version());
            putU16(b, p + 7, edns.flags());
            // RDLENGTH 0: the array is zeroed
        }
        return b;
    }

    private static void putU16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    /** Sets a random ID (and 0x20 case) in {@code b}, which becomes the query's own array. */
    private static WireQuery with(byte[] b, Message query, RandomGenerator random, boolean randomizeCase) {
        int nameLength = query.question().get(0).name().wireLength();
        int id = random.nextInt(1 << 16);
        b[0] = (byte) (id >>> 8);
        b[1] = (byte) id;
        if (randomizeCase) {
            randomizeCase(b, QUESTION, nameLength, random);
        }
        return new WireQuery(b, nameLength + 4, randomizeCase);
    }

    /** A copy of this query with another ID (the TCP client picks IDs itself). */
    public WireQuery withId(int id) {
        byte[] b = bytes.clone();
        b[0] = (byte) (id >>> 8);
        b[1] = (byte) id;
        return new WireQuery(b, questionLength, caseSensitive);
    }

    /** Flips the case of each ASCII letter of the name at {@code off} with probability 1/2 (draft-vixie-dnsext-dns0x20). */
    static void randomizeCase(byte[] b, int off, int nameLength, RandomGenerator random) {
        long bits = 0;
        int left = 0;
        int p = off;
        int end = off + nameLength;
        while (p < end) {
            int len = b[p] & 0xFF;
            if (len == 0) {
                break;
            }
            for (int i = p + 1; i <= p + len; i++) {
                int c = b[i] & 0xFF;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                    if (left == 0) {
                        bits = random.nextLong();
                        left = 64;
                    }
                    if ((bits & 1) != 0) {
                        b[i] = (byte) (c ^ 0x20);
                    }
                    bits >>>= 1;
                    left--;
                }
            }
            p += len + 1;
        }
    }

    /** The ID. */
    public int id() {
        return (bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF;
    }

    /** The opcode bits of the header. */
    int opcode() {
        return bytes[2] >>> 3 & 0xF;
    }

    /** The length of the question (name, type, class) in octets. */
    public int questionLength() {
        return questionLength;
    }

    /** Whether a response must echo the question's case exactly (0x20 on). */
    public boolean caseSensitive() {
        return caseSensitive;
    }

    /** The question octet at {@code i} (0 is the first octet of the name). */
    byte questionByte(int i) {
        return bytes[QUESTION + i];
    }

    /** The whole message, for UDP. */
    public ByteBuffer datagram() {
        return ByteBuffer.wrap(bytes);
    }

    /** The encoded message (not to be modified). */
    public byte[] bytes() {
        return bytes;
    }

    /** The message's length in octets. */
    public int length() {
        return bytes.length;
    }
}
