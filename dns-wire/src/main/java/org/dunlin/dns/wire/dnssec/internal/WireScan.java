package org.dunlin.dns.wire.dnssec.internal;

import java.io.ByteArrayOutputStream;

/**
 * A minimal, strict walker over a DNS message in wire form, for the transaction-signature code (TSIG,
 * SIG(0)) that must digest exactly the octets received. It finds the last record of the additional
 * section without decoding anything else; all offsets are checked against the message length and
 * compression pointers must point backwards (RFC 1035 §4.1.4), so every input is walked in linear time.
 *
 * <pre>
 *   header (12) | question* (name, type, class) | RR* (name, type, class, ttl, rdlength, rdata)
 * </pre>
 */
public final class WireScan {

    /** Header length (RFC 1035 §4.1.1). */
    public static final int HEADER = 12;

    private WireScan() {
    }

    /** A malformed message: the reason and the offset where it was found. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        public MalformedException(String message, int offset) {
            super(message + " at offset " + offset);
        }
    }

    /**
     * The last resource record of a message.
     *
     * @param start offset of its owner name
     * @param type its TYPE
     * @param rdataStart offset of its RDATA
     * @param rdataLength its RDLENGTH
     * @param ownerWire its owner name, decompressed, in lowercase wire form
     * @param tsigBefore true if an earlier record in the message was a TSIG (a FORMERR, RFC 8945 §5.1)
     */
    public record LastRecord(int start, int type, int rrClass, long ttl, int rdataStart, int rdataLength,
            byte[] ownerWire, boolean tsigBefore) {
    }

    /** Reads the big-endian 16-bit value at {@code pos}. */
    public static int u16(byte[] msg, int pos) {
        return ((msg[pos] & 0xff) << 8) | (msg[pos + 1] & 0xff);
    }

    /** Reads the big-endian 32-bit value at {@code pos}. */
    public static long u32(byte[] msg, int pos) {
        return ((long) u16(msg, pos) << 16) | u16(msg, pos + 2);
    }

    /** Reads the big-endian 48-bit value at {@code pos}. */
    public static long u48(byte[] msg, int pos) {
        return ((long) u16(msg, pos) << 32) | u32(msg, pos + 2);
    }

    /**
     * Finds the last record of the additional section, which must also be the last octets of the
     * message.
     *
     * @return null if ARCOUNT is zero
     * @throws MalformedException for a truncated or overlong message or a bad name
     */
    public static LastRecord lastAdditional(byte[] msg) throws MalformedException {
        if (msg.length < HEADER) {
            throw new MalformedException("message shorter than its header", msg.length);
        }
        int qd = u16(msg, 4);
        int rrs = u16(msg, 6) + u16(msg, 8) + u16(msg, 10);
        if (u16(msg, 10) == 0) {
            return null;
        }
        int pos = HEADER;
        for (int i = 0; i < qd; i++) {
            pos = skipName(msg, pos);
            pos = need(msg, pos, 4);
        }
        boolean tsigBefore = false;
        for (int i = 0; i < rrs; i++) {
            int start = pos;
            pos = skipName(msg, pos);
            need(msg, pos, 10);
            int type = u16(msg, pos);
            int rdlength = u16(msg, pos + 8);
            int rdataStart = pos + 10;
            pos = need(msg, rdataStart, rdlength);
            if (i == rrs - 1) {
                if (pos != msg.length) {
                    throw new MalformedException("octets after the last record", pos);
                }
                return new LastRecord(start, type, u16(msg, rdataStart - 8), u32(msg, rdataStart - 6),
                        rdataStart, rdlength, readName(msg, start), tsigBefore);
            }
            tsigBefore |= type == TSIG_TYPE;
        }
        throw new MalformedException("ARCOUNT is non-zero but there are no records", pos);
    }

    /** The TSIG RR type (RFC 8945 §4.2). */
    public static final int TSIG_TYPE = 250;

    /** Offset just past the name at {@code pos} (a compression pointer ends the name). */
    public static int skipName(byte[] msg, int pos) throws MalformedException {
        int p = pos;
        while (true) {
            if (p >= msg.length) {
                throw new MalformedException("name runs past the end", p);
            }
            int len = msg[p] & 0xff;
            if (len == 0) {
                return p + 1;
            }
            if ((len & 0xc0) == 0xc0) {
                need(msg, p, 2);
                return p + 2;
            }
            if ((len & 0xc0) != 0) {
                throw new MalformedException("unsupported label type", p);
            }
            p += 1 + len;
        }
    }

    /**
     * Reads the name at {@code pos}, following backward compression pointers, into uncompressed
     * lowercase wire form (the canonical form of RFC 4034 §6.2).
     */
    public static byte[] readName(byte[] msg, int pos) throws MalformedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        int p = pos;
        int limit = pos;
        while (true) {
            if (p >= msg.length) {
                throw new MalformedException("name runs past the end", p);
            }
            int len = msg[p] & 0xff;
            if (len == 0) {
                out.write(0);
                return out.toByteArray();
            }
            if ((len & 0xc0) == 0xc0) {
                need(msg, p, 2);
                int target = ((len & 0x3f) << 8) | (msg[p + 1] & 0xff);
                if (target >= limit) {
                    throw new MalformedException("compression pointer does not point backwards", p);
                }
                limit = target;
                p = target;
                continue;
            }
            if ((len & 0xc0) != 0) {
                throw new MalformedException("unsupported label type", p);
            }
            need(msg, p + 1, len);
            if (out.size() + 1 + len + 1 > 255) {
                throw new MalformedException("name longer than 255 octets", p);
            }
            out.write(len);
            for (int i = 0; i < len; i++) {
                byte b = msg[p + 1 + i];
                out.write(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
            }
            p += 1 + len;
        }
    }

    private static int need(byte[] msg, int pos, int length) throws MalformedException {
        if (pos + length > msg.length) {
            throw new MalformedException("record runs past the end of the message", pos);
        }
        return pos + length;
    }
}
