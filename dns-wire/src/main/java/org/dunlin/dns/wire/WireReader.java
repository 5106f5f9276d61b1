package org.dunlin.dns.wire;

import org.dunlin.dns.wire.WireFormatException.Kind;

/**
 * A bounds-checked cursor over one DNS message (or one standalone RDATA) in a byte array: the decoding
 * primitive the message and RDATA codecs are built on, public for codecs of structures this library
 * does not model. Every read checks its bounds and fails with a {@link WireFormatException} naming the
 * offset (relative to the start of the message); nothing else is ever thrown for bad input.
 *
 * <p>Positions passed to and returned by this class are relative to the start of the message. Not
 * thread-safe: one reader decodes one message on one thread.
 */
public final class WireReader {
    /*
     * Name decompression (RFC 1035 §4.1.4) is strict: a pointer must point strictly before the start
     * of the name being read and before every earlier pointer target of that name, so targets strictly
     * decrease and no loop is possible; it may not point into the 12-byte header; and a name may follow
     * at most MAX_POINTERS pointers, which bounds the work per name (at most 255 octets copied plus
     * MAX_POINTERS hops) and so keeps decoding linear in the message size.
     *
     * A name is read in two passes: the first follows the labels and pointers, checking everything and
     * measuring the name; the second copies the labels into an array of exactly the right size, which
     * becomes the Name without another copy. Names decoded at a given offset are remembered in a small
     * cache; a pointer to an offset where a whole name was decoded before reuses that Name instance
     * (typical answers point their owner names at the question, so most owner names cost nothing).
     */

    /** More pointers than any valid name needs (a name has at most 127 labels). */
    static final int MAX_POINTERS = 127;
    private static final int CACHE_SIZE = 8;

    private final byte[] buf;
    private final int base;
    private final int limit;
    private final boolean messageContext;
    private int pos;
    private int rdataEnd = -1; // absolute end of the RDATA being decoded, or -1
    private long work;         // name octets copied and pointers followed, for the linearity tests

    private int firstOffset = -1; // the first name cached lives here; the arrays exist only for more
    private Name firstName;
    private int[] cacheOffsets;
    private Name[] cacheNames;
    private int cacheNext;

    /**
     * A reader over {@code buf[offset, offset + length)}. Compression pointers are interpreted relative
     * to {@code offset}; pointers into the first 12 bytes are rejected when {@code messageContext} is
     * set (a message header holds no names).
     */
    public WireReader(byte[] buf, int offset, int length, boolean messageContext) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IndexOutOfBoundsException("bad range " + offset + "+" + length + " of " + buf.length);
        }
        this.buf = buf;
        this.base = offset;
        this.limit = offset + length;
        this.pos = offset;
        this.messageContext = messageContext;
    }

    /** A reader over a whole message. */
    public static WireReader forMessage(byte[] buf, int offset, int length) {
        return new WireReader(buf, offset, length, true);
    }

    /** The current position. */
    public int position() {
        return pos - base;
    }

    /** Moves to {@code position}. */
    public void position(int position) {
        pos = base + position;
    }

    /** The number of bytes from the current position to the end of the message. */
    public int remaining() {
        return limit - pos;
    }

    /** The length of the message. */
    public int length() {
        return limit - base;
    }

    /**
     * The work spent on names so far: octets copied plus pointers followed. Bounded by
     * {@code 255 + 2 * 127} per name, and a name takes at least one octet of input, so decoding is
     * linear in the input.
     */
    public long work() {
        return work;
    }

    /** The underlying array, for codecs in this module that scan in place (see {@link #arrayPosition()}). */
    public byte[] array() {
        return buf;
    }

    /** The index in {@link #array()} of the current position. */
    public int arrayPosition() {
        return pos;
    }

    /**
     * Marks the RDATA ending at {@code end} as being decoded (-1: none), so that a field running past it
     * is reported as an RDLENGTH problem rather than a truncated message.
     */
    public void rdata(int end) {
        rdataEnd = end < 0 ? -1 : base + end;
    }

    private boolean inRdata(int endAbs) {
        return endAbs == rdataEnd || endAbs < limit;
    }

    /** Fails unless {@code n} more bytes are available before {@code end}. */
    public void require(int n, int end, String what) throws WireFormatException {
        if (n < 0 || pos + n > base + end) {
            throw truncated(what, base + end);
        }
    }

    private WireFormatException truncated(String what, int endAbs) {
        // A field that runs past the end of its RDATA means RDLENGTH is wrong for the type (RDATA
        // shorter than its fields); past the end of the message means the message is cut short.
        boolean rdata = inRdata(endAbs);
        return new WireFormatException(rdata ? Kind.RDLENGTH_MISMATCH : Kind.TRUNCATED,
                what + " runs past the end of " + (rdata ? "the RDATA" : "the data"), pos - base, null);
    }

    /** An error of {@code kind} at the current position. */
    public WireFormatException error(Kind kind, String reason) {
        return new WireFormatException(kind, reason, pos - base, null);
    }

    /** An error of {@code kind} at {@code at}. */
    public WireFormatException errorAt(Kind kind, String reason, int at) {
        return new WireFormatException(kind, reason, at, null);
    }

    /** Reads an unsigned byte that must lie before {@code end}. */
    public int u8(int end, String what) throws WireFormatException {
        if (pos + 1 > base + end) {
            throw truncated(what, base + end);
        }
        return buf[pos++] & 0xFF;
    }

    /** Reads an unsigned 16-bit big-endian value that must lie before {@code end}. */
    public int u16(int end, String what) throws WireFormatException {
        if (pos + 2 > base + end) {
            throw truncated(what, base + end);
        }
        int v = (buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    /** Reads an unsigned 32-bit big-endian value that must lie before {@code end}. */
    public long u32(int end, String what) throws WireFormatException {
        if (pos + 4 > base + end) {
            throw truncated(what, base + end);
        }
        long v = ((long) (buf[pos] & 0xFF) << 24) | (buf[pos + 1] & 0xFF) << 16 | (buf[pos + 2] & 0xFF) << 8 | buf[pos + 3] & 0xFF;
        pos += 4;
        return v;
    }

    /** Reads an unsigned 48-bit big-endian value that must lie before {@code end}. */
    public long u48(int end, String what) throws WireFormatException {
        if (pos + 6 > base + end) {
            throw truncated(what, base + end);
        }
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | buf[pos + i] & 0xFF;
        }
        pos += 6;
        return v;
    }

    /** Reads {@code n} bytes that must lie before {@code end}. */
    public ByteString bytes(int n, int end, String what) throws WireFormatException {
        if (n < 0 || pos + n > base + end) {
            throw truncated(what, base + end);
        }
        ByteString b = ByteString.copyOf(buf, pos, n);
        pos += n;
        return b;
    }

    /** Reads {@code n} bytes into a new array. */
    public byte[] byteArray(int n, int end, String what) throws WireFormatException {
        if (n < 0 || pos + n > base + end) {
            throw truncated(what, base + end);
        }
        byte[] b = new byte[n];
        System.arraycopy(buf, pos, b, 0, n);
        pos += n;
        return b;
    }

    /** Skips {@code n} bytes that must lie before {@code end}. */
    public void skip(int n, int end, String what) throws WireFormatException {
        if (n < 0 || pos + n > base + end) {
            throw truncated(what, base + end);
        }
        pos += n;
    }

    /**
     * Reads a domain name whose in-line part must lie before {@code end}. With
     * {@code compressionAllowed} false a compression pointer is an error (RFC 3597 §4).
     */
    public Name name(int end, boolean compressionAllowed) throws WireFormatException {
        final int start = pos - base;
        final int endAbs = base + end;
        final byte[] b = buf;
        int p = pos;
        int bound = endAbs;      // in-line labels must stay within the RDATA/message
        int minTarget = start;   // the next pointer must point strictly before this
        int total = 0;           // wire length so far, without the root
        int labels = 0;
        int hops = 0;
        boolean jumped = false;
        Name suffix = null;      // a cached name the rest of this one is
        // Pass 1: follow and check.
        while (true) {
            if (p >= bound) {
                if (!jumped) {
                    pos = p;
                }
                boolean rdata = !jumped && inRdata(endAbs);
                throw new WireFormatException(rdata ? Kind.RDLENGTH_MISMATCH : Kind.TRUNCATED,
                        "name runs past the end of " + (rdata ? "the RDATA" : "the data"), p - base, null);
            }
            int len = b[p] & 0xFF;
            if (len == 0) {
                if (!jumped) {
                    pos = p + 1;
                }
                break;
            }
            int type = len & 0xC0;
            if (type == 0xC0) {
                if (!compressionAllowed) {
                    throw new WireFormatException(Kind.COMPRESSION_NOT_ALLOWED, "compression pointer in a name that must not be compressed", p - base, null);
                }
                if (p + 1 >= bound) {
                    throw new WireFormatException(!jumped && inRdata(endAbs) ? Kind.RDLENGTH_MISMATCH : Kind.TRUNCATED,
                            "compression pointer runs past the end", p - base, null);
                }
                int target = (len & 0x3F) << 8 | b[p + 1] & 0xFF;
                if (!jumped) {
                    pos = p + 2;
                }
                if (target >= limit - base) {
                    throw new WireFormatException(Kind.BAD_POINTER, "compression pointer to " + target + " points past the end", p - base, null);
                }
                if (target >= minTarget) {
                    throw new WireFormatException(Kind.BAD_POINTER, target == p - base ? "compression pointer points to itself"
                            : "compression pointer to " + target + " does not point backwards", p - base, null);
                }
                if (messageContext && target < 12) {
                    throw new WireFormatException(Kind.BAD_POINTER, "compression pointer to " + target + " points into the header", p - base, null);
                }
                work++;
                if (++hops > MAX_POINTERS) {
                    throw new WireFormatException(Kind.TOO_MANY_POINTERS, "name follows more than " + MAX_POINTERS + " compression pointers", p - base, null);
                }
                Name cached = cacheGet(target);
                if (cached != null) {
                    if (labels == 0) {
                        cachePut(start, cached);
                        return cached;
                    }
                    if (total + cached.wireLength() > Name.MAX_WIRE_LENGTH) {
                        throw new WireFormatException(Kind.NAME_TOO_LONG, "name longer than 255 octets", p - base, null);
                    }
                    suffix = cached;
                    break;
                }
                minTarget = target;
                p = base + target;
                bound = limit;
                jumped = true;
                continue;
            }
            if (type != 0) {
                throw new WireFormatException(Kind.BAD_LABEL_TYPE, "unsupported label type 0x" + Integer.toHexString(type), p - base, null);
            }
            if (p + 1 + len > bound) {
                if (!jumped) {
                    pos = p;
                }
                throw new WireFormatException(!jumped && inRdata(endAbs) ? Kind.RDLENGTH_MISMATCH : Kind.TRUNCATED,
                        "label runs past the end", p - base, null);
            }
            total += len + 1;
            if (total + 1 > Name.MAX_WIRE_LENGTH) {
                throw new WireFormatException(Kind.NAME_TOO_LONG, "name longer than 255 octets", p - base, null);
            }
            labels++;
            p += len + 1;
        }
        if (labels == 0) {
            return Name.ROOT;
        }
        // Pass 2: copy the labels (already checked) into the name's own array.
        int size = total + (suffix != null ? suffix.wireLength() : 1);
        byte[] out = new byte[size];
        int o = 0;
        p = base + start;
        for (int l = 0; l < labels; ) {
            int len = b[p] & 0xFF;
            if ((len & 0xC0) == 0xC0) {
                p = base + ((len & 0x3F) << 8 | b[p + 1] & 0xFF);
                continue;
            }
            System.arraycopy(b, p, out, o, len + 1);
            o += len + 1;
            p += len + 1;
            l++;
        }
        if (suffix != null) {
            suffix.copyWireTo(out, o);
        }
        work += size;
        Name n = Name.trusted(out, labels + (suffix != null ? suffix.labelCount() : 0));
        cachePut(start, n);
        return n;
    }

    private Name cacheGet(int offset) {
        if (offset == firstOffset) {
            return firstName;
        }
        int[] offs = cacheOffsets;
        if (offs == null) {
            return null;
        }
        for (int i = 0; i < CACHE_SIZE; i++) {
            if (offs[i] == offset + 1) {
                return cacheNames[i];
            }
        }
        return null;
    }

    private void cachePut(int offset, Name name) {
        if (firstOffset < 0) {
            firstOffset = offset;
            firstName = name;
            return;
        }
        if (cacheOffsets == null) {
            cacheOffsets = new int[CACHE_SIZE];
            cacheNames = new Name[CACHE_SIZE];
        }
        int i = cacheNext;
        cacheOffsets[i] = offset + 1;
        cacheNames[i] = name;
        cacheNext = (i + 1) & (CACHE_SIZE - 1);
    }
}
