package org.dunlin.dns.resolver.internal;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;
import org.dunlin.dns.wire.Message;

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
        // toWire returns a fresh array (its scratch buffer is reused): it becomes the query's own
        return with(query.toWire(), query, random, randomizeCase);
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
