package org.dunlin.dns.wire;

import java.nio.ByteBuffer;
import org.dunlin.dns.wire.WireFormatException.Kind;

/**
 * A zero-copy look at a message in a {@link ByteBuffer}: the header, the first question and the
 * position of a TSIG record, without decoding the records. Servers use it to route or reject a query
 * before (or instead of) decoding it; resolvers use it to match a response to its query.
 *
 * <p>The view reads the buffer with absolute gets between the position and limit it had when the view
 * was made and never changes them. It is valid as long as the caller does not modify those bytes. Not
 * thread-safe (like the buffer it reads).
 */
public final class MessageView {
    private final ByteBuffer buf;
    private final int base;
    private final int length;

    private MessageView(ByteBuffer buf) {
        this.buf = buf;
        this.base = buf.position();
        this.length = buf.remaining();
    }

    /**
     * A view of the message between the buffer's position and limit.
     *
     * @throws WireFormatException if it is shorter than the 12-octet header
     */
    public static MessageView of(ByteBuffer buffer) throws WireFormatException {
        if (buffer.remaining() < 12) {
            throw new WireFormatException(Kind.TRUNCATED, "message shorter than the 12-octet header", buffer.remaining(), "header");
        }
        return new MessageView(buffer);
    }

    private int u8(int p) {
        return buf.get(base + p) & 0xFF;
    }

    private int u16(int p) {
        return (buf.get(base + p) & 0xFF) << 8 | buf.get(base + p + 1) & 0xFF;
    }

    /** The message length (the bytes viewed). */
    public int length() {
        return length;
    }

    /** The ID. */
    public int id() {
        return u16(0);
    }

    /** The raw second header word (flags, opcode, rcode bits). */
    public int flagsWord() {
        return u16(2);
    }

    /** The opcode. */
    public Opcode opcode() {
        return Opcode.of(u16(2) >>> 11 & 0xF);
    }

    /** Whether {@code flag} is set. */
    public boolean isSet(Flag flag) {
        return flag.isSetIn(u16(2));
    }

    /** QDCOUNT. */
    public int questionCount() {
        return u16(4);
    }

    /** The header. */
    public Header header() {
        return new Header(u16(0), u16(2), u16(4), u16(6), u16(8), u16(10));
    }

    /**
     * The first question, decoded strictly (its name cannot be compressed: nothing precedes it).
     *
     * @throws WireFormatException if there is no question or it is malformed
     */
    public Question question() throws WireFormatException {
        if (questionCount() == 0) {
            throw new WireFormatException(Kind.BAD_RDATA, "message has no question", 4, "QDCOUNT");
        }
        int p = 12;
        int len;
        while (true) {
            if (p >= length) {
                throw new WireFormatException(Kind.TRUNCATED, "question name runs past the end", p, "question[0].name");
            }
            int l = u8(p);
            if (l == 0) {
                break;
            }
            if ((l & 0xC0) == 0xC0) {
                throw new WireFormatException(Kind.BAD_POINTER, "compression pointer in the first question points into the header", p, "question[0].name");
            }
            if ((l & 0xC0) != 0) {
                throw new WireFormatException(Kind.BAD_LABEL_TYPE, "unsupported label type", p, "question[0].name");
            }
            p += l + 1;
            if (p - 12 + 1 > Name.MAX_WIRE_LENGTH) {
                throw new WireFormatException(Kind.NAME_TOO_LONG, "name longer than 255 octets", 12, "question[0].name");
            }
        }
        len = p + 1 - 12;
        if (p + 5 > length) {
            throw new WireFormatException(Kind.TRUNCATED, "question type and class run past the end", p + 1, "question[0]");
        }
        byte[] w = new byte[len];
        for (int i = 0; i < len; i++) {
            w[i] = buf.get(base + 12 + i);
        }
        Name name = Name.fromWire(w);
        return new Question(name, RRType.of(u16(p + 1)), RRClass.of(u16(p + 3)));
    }

    /**
     * The offset (from the start of the message) of the TSIG record if it is the last record of the
     * message, or -1 if the last record is not a TSIG. Walks the records without allocating.
     *
     * @throws WireFormatException if the records cannot be walked
     */
    public int tsigOffset() throws WireFormatException {
        int p = 12;
        int qd = u16(4);
        for (int i = 0; i < qd; i++) {
            p = skipName(p) + 4;
        }
        int records = u16(6) + u16(8) + u16(10);
        int last = -1;
        int lastType = -1;
        for (int i = 0; i < records; i++) {
            last = p;
            p = skipName(p);
            if (p + 10 > length) {
                throw new WireFormatException(Kind.TRUNCATED, "record header runs past the end", p, null);
            }
            lastType = u16(p);
            int rdlength = u16(p + 8);
            p += 10 + rdlength;
            if (p > length) {
                throw new WireFormatException(Kind.RDLENGTH_MISMATCH, "RDLENGTH runs past the end", p - rdlength - 2, null);
            }
        }
        return lastType == 250 ? last : -1;
    }

    private int skipName(int p) throws WireFormatException {
        while (true) {
            if (p >= length) {
                throw new WireFormatException(Kind.TRUNCATED, "name runs past the end", p, null);
            }
            int l = u8(p);
            if (l == 0) {
                return p + 1;
            }
            if ((l & 0xC0) == 0xC0) {
                if (p + 2 > length) {
                    throw new WireFormatException(Kind.TRUNCATED, "pointer runs past the end", p, null);
                }
                return p + 2;
            }
            if ((l & 0xC0) != 0) {
                throw new WireFormatException(Kind.BAD_LABEL_TYPE, "unsupported label type", p, null);
            }
            p += l + 1;
        }
    }

    /** Decodes the whole message (see {@link Message#fromWire(ByteBuffer)}). */
    public Message decode() throws WireFormatException {
        ByteBuffer d = buf.duplicate();
        d.position(base).limit(base + length);
        return Message.fromWire(d);
    }
}
