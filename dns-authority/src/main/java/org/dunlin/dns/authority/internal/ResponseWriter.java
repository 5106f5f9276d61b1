package org.dunlin.dns.authority.internal;

import org.dunlin.dns.wire.internal.NameOctets;

/**
 * The response being built, in wire form, in one reusable buffer: header, echoed question, records
 * with name compression (RFC 1035 §4.1.4), and truncation to a size limit at RRset boundaries. Owned by
 * one {@link Workspace}, so used by one thread at a time; it allocates nothing once constructed.
 *
 * <p>Design. Sections are written strictly in order (answer, authority, additional). Every RRset (with
 * its signatures) is a <em>unit</em>: its start is remembered with the section counts there, so the
 * message can be cut back to any unit boundary. Pointers only ever point backwards, so cutting never
 * leaves a dangling pointer. {@link #finish} applies the limit the way NSD and Knot do: the units that
 * fit are kept up to the first that does not, and TC is set if answer or authority data was dropped;
 * additional data that does not fit is dropped silently (RFC 2181 §9), unless it is glue the referral
 * needs (RFC 9471: in-domain glue), which sets TC as well.
 *
 * <p>Compression: every suffix of every name written literally below offset 0x4000 is entered in a small
 * dictionary keyed by the suffix's case-folded hash and label count; a candidate is confirmed by
 * comparing octets, following the pointers already written. Matching ignores ASCII case, as BIND, NSD
 * and Knot do: a pointer may change the case of a suffix, never its identity. The owner of most answers
 * is simply the question (a pointer to offset 12), which needs no lookup at all.
 */
public final class ResponseWriter {
    /** Offset of the question name in every message. */
    public static final int QNAME = 12;
    /** The largest DNS message. */
    public static final int MAX_MESSAGE = 65535;

    private static final int MAX_UNITS = 512;
    private static final int MAX_ENTRIES = 96;

    private byte[] buf = new byte[MAX_MESSAGE + 64];
    private int pos;
    private int section;
    private final int[] count = new int[4];
    private boolean full;
    private boolean lostRequired;

    // units: start offset, section, counts at start, required flag
    private final int[] unitPos = new int[MAX_UNITS];
    private final byte[] unitSection = new byte[MAX_UNITS];
    private final int[] unitAn = new int[MAX_UNITS];
    private final int[] unitNs = new int[MAX_UNITS];
    private final int[] unitAr = new int[MAX_UNITS];
    private final boolean[] unitRequired = new boolean[MAX_UNITS];
    private int units;

    // compression dictionary
    private final int[] entryPos = new int[MAX_ENTRIES];
    private final int[] entryHash = new int[MAX_ENTRIES];
    private final int[] entryLabels = new int[MAX_ENTRIES];
    private int entries;

    private final int[] starts = new int[WireNames.MAX_LABELS + 1];
    private final int[] hashes = new int[WireNames.MAX_LABELS + 1];

    /** The buffer holding the message; valid from 0 to {@link #length()}. */
    public byte[] buffer() {
        return buf;
    }

    /** Replaces the buffer (when the previous one was handed to a send still in progress). */
    void replaceBuffer() {
        buf = new byte[MAX_MESSAGE + 64];
    }

    /** Replaces the message with {@code message} (a signed copy of it), which fits the buffer. */
    void load(byte[] message) {
        System.arraycopy(message, 0, buf, 0, message.length);
        pos = message.length;
    }

    /** The length of the message written so far. */
    public int length() {
        return pos;
    }

    /** The current write position. */
    int position() {
        return pos;
    }

    /**
     * Starts a response to the query in {@code q}: ID copied, {@code flags} as the second header word,
     * the question ({@code questionLength} octets from offset 12 of the query) echoed byte for byte.
     * {@code questionLength} 0 writes no question.
     */
    void begin(byte[] q, int qOff, int flags, int questionLength) {
        begin(q, qOff, flags, questionLength, null, null, 0);
    }

    /**
     * As {@link #begin(byte[], int, int, int)}, reusing the question name's label starts (offsets in
     * {@code q}) and suffix hashes the parser computed, when {@code labelStarts} is not null.
     */
    void begin(byte[] q, int qOff, int flags, int questionLength, int[] labelStarts, int[] suffixHashes, int labels) {
        byte[] b = buf;
        b[0] = q[qOff];
        b[1] = q[qOff + 1];
        b[2] = (byte) (flags >>> 8);
        b[3] = (byte) flags;
        b[4] = 0;
        b[5] = (byte) (questionLength > 0 ? 1 : 0);
        b[6] = b[7] = b[8] = b[9] = b[10] = b[11] = 0;
        System.arraycopy(q, qOff + QNAME, b, QNAME, questionLength);
        pos = QNAME + questionLength;
        section = 1;
        count[1] = count[2] = count[3] = 0;
        units = 0;
        entries = 0;
        full = false;
        lostRequired = false;
        if (questionLength > 0) {
            if (labelStarts != null) {
                for (int i = 0; i < labels; i++) {
                    enter(labelStarts[i] - qOff, suffixHashes[i], labels - i); // the name sits at offset 12 in both
                }
            } else {
                int n = WireNames.labelStarts(b, QNAME, starts);
                WireNames.suffixHashes(b, starts, n, hashes);
                for (int i = 0; i < n; i++) {
                    enter(starts[i], hashes[i], n - i);
                }
            }
        }
    }

    /** Sets the response code bits of the header (the low 4 bits of the rcode). */
    void rcode(int headerBits) {
        buf[3] = (byte) (buf[3] & 0xF0 | headerBits & 0xF);
    }

    /** Sets or clears a flag bit of the second header word. */
    void flag(int bit, boolean on) {
        int w = (buf[2] & 0xFF) << 8 | buf[3] & 0xFF;
        w = on ? w | bit : w & ~bit;
        buf[2] = (byte) (w >>> 8);
        buf[3] = (byte) w;
    }

    /** The second header word. */
    int flags() {
        return (buf[2] & 0xFF) << 8 | buf[3] & 0xFF;
    }

    /** Moves on to section 1 (answer), 2 (authority) or 3 (additional); never backwards. */
    void section(int s) {
        section = Math.max(section, s);
    }

    /** The number of records written to section {@code s} so far. */
    int count(int s) {
        return count[s];
    }

    // ---------------------------------------------------------------------------------------------
    // Units (an RRset and its signatures)

    /** Starts a unit; {@code required} marks glue whose loss must set TC (RFC 9471). */
    boolean beginUnit(boolean required) {
        if (full || units == MAX_UNITS) {
            lostRequired |= required || section != 3;
            full = true;
            return false;
        }
        unitPos[units] = pos;
        unitSection[units] = (byte) section;
        unitAn[units] = count[1];
        unitNs[units] = count[2];
        unitAr[units] = count[3];
        unitRequired[units] = required;
        units++;
        return true;
    }

    /** Ends the unit begun last: if it overflowed the largest message, it is removed. */
    void endUnit(int hardLimit) {
        if (pos > hardLimit || full) {
            cutTo(units - 1);
            full = true;
        }
    }

    private void cutTo(int unit) {
        if (unit < 0 || unit >= units) {
            return;
        }
        for (int u = unit; u < units; u++) {
            if (unitSection[u] == 3 && unitRequired[u]) {
                lostRequired = true;
            } else if (unitSection[u] != 3) {
                lostRequired = true;
            }
        }
        pos = unitPos[unit];
        count[1] = unitAn[unit];
        count[2] = unitNs[unit];
        count[3] = unitAr[unit];
        units = unit;
        while (entries > 0 && entryPos[entries - 1] >= pos) {
            entries--;
        }
    }

    /** Whether a unit was dropped for lack of room while building (answer data lost: TC). */
    boolean overflowed() {
        return full;
    }

    // ---------------------------------------------------------------------------------------------
    // Primitives

    private boolean room(int n) {
        if (pos + n > buf.length) {
            full = true;
            return false;
        }
        return true;
    }

    void u8(int v) {
        if (room(1)) {
            buf[pos++] = (byte) v;
        }
    }

    void u16(int v) {
        if (room(2)) {
            buf[pos] = (byte) (v >>> 8);
            buf[pos + 1] = (byte) v;
            pos += 2;
        }
    }

    void u32(long v) {
        if (room(4)) {
            buf[pos] = (byte) (v >>> 24);
            buf[pos + 1] = (byte) (v >>> 16);
            buf[pos + 2] = (byte) (v >>> 8);
            buf[pos + 3] = (byte) v;
            pos += 4;
        }
    }

    void bytes(byte[] src, int off, int len) {
        if (room(len)) {
            System.arraycopy(src, off, buf, pos, len);
            pos += len;
        }
    }

    void patch16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    /** Writes a compression pointer to {@code target}. */
    void pointer(int target) {
        u16(0xC000 | target);
    }

    /**
     * Writes a reference to the name already written at {@code at} ({@code len} octets as written): a
     * pointer when it can reach it (below 0x4000), else a copy of what was written there, which is
     * itself a valid (literal labels, then perhaps a pointer) name.
     */
    void nameRef(int at, int len) {
        if (at < 0x4000) {
            pointer(at);
        } else if (room(len)) {
            System.arraycopy(buf, at, buf, pos, len);
            pos += len;
        }
    }

    /** Counts one record in the current section. */
    void counted() {
        if (!full) {
            count[section]++;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Names

    /**
     * Writes the uncompressed absolute name at {@code at} in {@code src}, compressed against what is
     * already written when {@code compress}; returns the offset where it starts.
     */
    int name(byte[] src, int at, boolean compress) {
        int start = pos;
        int n = WireNames.labelStarts(src, at, starts);
        int[] st = starts;
        int[] h = hashes;
        WireNames.suffixHashes(src, st, n, h);
        int keep = n;
        int target = -1;
        if (compress) {
            for (int i = 0; i < n && target < 0; i++) {
                int labels = n - i;
                for (int e = 0; e < entries; e++) {
                    if (entryHash[e] == h[i] && entryLabels[e] == labels && sameName(src, st[i], entryPos[e])) {
                        keep = i;
                        target = entryPos[e];
                        break;
                    }
                }
            }
        }
        int literal = (keep == n ? st[n] + 1 : st[keep]) - at;
        if (!room(literal + 2)) {
            return start;
        }
        System.arraycopy(src, at, buf, pos, literal);
        for (int i = 0; i < keep; i++) {
            int out = pos + st[i] - at;
            if (out < 0x4000) {
                enter(out, h[i], n - i);
            }
        }
        pos += literal;
        if (target >= 0) {
            pointer(target);
        }
        return start;
    }

    private void enter(int out, int hash, int labels) {
        if (entries < MAX_ENTRIES) {
            entryPos[entries] = out;
            entryHash[entries] = hash;
            entryLabels[entries] = labels;
            entries++;
        }
    }

    /** Whether the name written at {@code out} (following pointers) equals {@code src[at..]} ignoring case. */
    private boolean sameName(byte[] src, int at, int out) {
        byte[] b = buf;
        int p = out;
        int q = at;
        for (int hops = 0; hops < 128; ) {
            int len = b[p] & 0xFF;
            if ((len & 0xC0) == 0xC0) {
                p = (len & 0x3F) << 8 | b[p + 1] & 0xFF;
                hops++;
                continue;
            }
            if (len != src[q]) {
                return false;
            }
            if (len == 0) {
                return true;
            }
            if (!NameOctets.equalsIgnoreCase(b, p + 1, src, q + 1, len)) {
                return false;
            }
            p += len + 1;
            q += len + 1;
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // Finishing

    /**
     * Applies the size limit ({@code limit} octets available for the header and sections, the OPT
     * record's room already subtracted) and the section counts; returns whether TC was set.
     */
    boolean finish(int limit) {
        boolean tc = full && lostRequired; // dropped while building (past 64 KiB): answer data or glue lost
        if (pos > limit) {
            // Keep the units that fit, up to the first that does not (RFC 2181 §9); TC unless only
            // optional additional data was dropped.
            int cut = 0;
            while (cut < units && (cut + 1 < units ? unitPos[cut + 1] : pos) <= limit) {
                cut++;
            }
            lostRequired = false;
            cutTo(cut);
            tc |= lostRequired;
        }
        if (tc) {
            flag(0x0200, true);
        }
        patch16(6, count[1]);
        patch16(8, count[2]);
        patch16(10, count[3]);
        return tc;
    }

    /** Appends one record to the additional count after {@link #finish} (the OPT pseudo-record). */
    void addAdditionalCount() {
        count[3]++;
        patch16(10, count[3]);
    }
}
