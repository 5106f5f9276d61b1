package org.dunlin.dns.wire;

import java.util.Arrays;

/**
 * A growable output buffer for DNS wire data with name compression (RFC 1035 §4.1.4), marks and
 * rollback (for truncation), and a canonical mode (RFC 4034 §6.2) that lower-cases the names of the
 * types that require it and never compresses: the encoding primitive the message and RDATA codecs are
 * built on, public for codecs of structures this library does not model.
 *
 * <p>Not thread-safe: one writer encodes one message on one thread.
 */
public final class WireWriter {
    /*
     * Compression table (RFC 1035 §4.1.4): every suffix of every name written (partly) literally below
     * offset 0x4000 is entered with the offset where it starts, keyed by a hash of its exact octets that
     * the Name computes once and caches. A name is looked up from its longest suffix (the whole name)
     * down. A candidate entered from the same Name object at the same label is a match outright (names
     * mostly repeat as the very same object: owners of an RRset, records pointing at the question);
     * any other candidate is confirmed by comparing the name's octets with those of the suffix of the
     * Name the entry came from (which is exactly what the output holds there, pointers aside: one
     * vectorised array comparison); when names are being lower-cased, by comparing with the output
     * itself, following the pointers written there. The first match becomes a pointer;
     * the labels in front of it are written literally and their suffixes entered.
     *
     * Matching is case-sensitive, so compression never changes the case of what is sent. Entries are
     * appended in increasing output offset, so rolling back to a mark pops them off the end. At most
     * MAX_ENTRIES suffixes are entered, which bounds the work per message; confirming a candidate
     * costs at most 255 octet comparisons and 127 pointer hops. The arrays start small: allocation,
     * not computation, dominates the cost of encoding a small message.
     *
     * In front of the table sits a direct-mapped cache of RECENT whole names (Name object and where it
     * was written), which turns the commonest case, the same owner again, into one identity or array
     * comparison. A writer can be reset and reused (see MessageEncoder), keeping its arrays.
     */
    private static final int BUCKETS = 16;
    private static final int RECENT = 4;
    private static final int HEAD = BUCKETS + RECENT; // ints of table before the first entry
    private static final int MAX_ENTRIES = 4096;
    /** The largest DNS message (a 16-bit TCP length). */
    public static final int MAX_MESSAGE = 65535;

    private byte[] buf;
    private int pos;

    private final boolean compress;
    private final boolean canonical;
    private boolean lowercaseNames;
    private boolean foldAll;

    // Two arrays hold everything, to keep allocation down. table: BUCKETS chain heads (entry + 1),
    // then RECENT output offsets, then per entry e at HEAD + 4e: suffix hash, output offset, label
    // index, next entry + 1. names: RECENT names, then per entry e at RECENT + e the Name it came from.
    private int[] table;
    private Name[] names;
    private int entries;

    /**
     * A writer. With {@code compress}, names in compressible positions are compressed; with
     * {@code canonical}, output is the RFC 4034 §6.2 canonical form (implies no compression).
     */
    public WireWriter(int initialCapacity, boolean compress, boolean canonical) {
        this.buf = new byte[Math.max(16, initialCapacity)];
        this.compress = compress && !canonical;
        this.canonical = canonical;
    }

    /** Whether this writer produces the canonical form. */
    public boolean canonical() {
        return canonical;
    }

    /** Sets whether names written from now on are lower-cased (only honoured in canonical mode). */
    public void lowercaseNames(boolean lower) {
        this.lowercaseNames = foldAll || lower && canonical;
    }

    /** Lower-cases every name written, whatever its type (for an order consistent with equals). */
    public void foldAllNames() {
        this.foldAll = true;
        this.lowercaseNames = true;
    }

    /** The number of bytes written. */
    public int position() {
        return pos;
    }

    /** A mark to {@link #rollback(int)} to. */
    public int mark() {
        return pos;
    }

    /** Discards everything written after {@code mark}, including compression entries pointing there. */
    public void rollback(int mark) {
        pos = mark;
        if (table == null) {
            return;
        }
        for (int i = 0; i < RECENT; i++) {
            if (table[BUCKETS + i] >= mark) {
                names[i] = null;
            }
        }
        while (entries > 0 && table[HEAD + 4 * (entries - 1) + 1] >= mark) {
            int e = --entries;
            table[table[HEAD + 4 * e] & (BUCKETS - 1)] = table[HEAD + 4 * e + 3];
            names[RECENT + e] = null;
        }
    }

    /** Empties the writer for reuse: as new, keeping its buffers. */
    public void reset() {
        pos = 0;
        if (table != null) {
            Arrays.fill(table, 0, HEAD, 0);
            Arrays.fill(names, 0, RECENT + entries, null);
            entries = 0;
        }
    }

    /** The size of the internal buffer. */
    int capacity() {
        return buf.length;
    }

    /** The internal buffer (valid up to {@link #position()}), for copying out without another copy. */
    byte[] buffer() {
        return buf;
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    /** Writes the low 8 bits of {@code v}. */
    public void u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    /** Writes the low 16 bits of {@code v}, big-endian. */
    public void u16(int v) {
        ensure(2);
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
        pos += 2;
    }

    /** Writes the low 32 bits of {@code v}, big-endian. */
    public void u32(long v) {
        ensure(4);
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
    }

    /** Writes the low 48 bits of {@code v}, big-endian (TSIG time signed). */
    public void u48(long v) {
        ensure(6);
        for (int i = 5; i >= 0; i--) {
            buf[pos + i] = (byte) v;
            v >>>= 8;
        }
        pos += 6;
    }

    /** Writes the octets of {@code b}. */
    public void bytes(ByteString b) {
        ensure(b.length());
        b.copyTo(buf, pos);
        pos += b.length();
    }

    /** Writes {@code len} octets of {@code b} from {@code off}. */
    public void bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Overwrites the 16-bit value at {@code at}. */
    public void patchU16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    /** A copy of everything written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    /**
     * Writes an absolute name: compressed if {@code compressible} and this writer compresses;
     * lower-cased if this writer is canonical and {@link #lowercaseNames(boolean)} is set.
     */
    public void name(Name name, boolean compressible) {
        if (!name.isAbsolute()) {
            throw new IllegalArgumentException("relative name cannot be written to the wire: " + name);
        }
        byte[] w = name.wireArray();
        if (!compress) {
            ensure(w.length);
            System.arraycopy(w, 0, buf, pos, w.length);
            if (lowercaseNames) {
                for (int i = pos; i < pos + w.length; i++) {
                    byte c = buf[i];
                    if (c >= 'A' && c <= 'Z') {
                        buf[i] = (byte) (c + 32);
                    }
                }
            }
            pos += w.length;
            return;
        }
        writeCompressed(name, w, compressible);
    }

    private void writeCompressed(Name name, byte[] w, boolean compressible) {
        ensure(w.length);
        int labels = name.labelCount();
        if (labels == 0) {
            buf[pos++] = 0;
            return;
        }
        if (table == null) {
            table = new int[HEAD + 4 * 8];
            names = new Name[RECENT + 8];
        }
        int slot = name.hashCode() & (RECENT - 1);
        Name recent = names[slot];
        if (compressible && recent != null && (recent == name || !lowercaseNames && Arrays.equals(recent.wireArray(), w))) {
            pointer(table[BUCKETS + slot]);
            return;
        }
        int[] sh = name.suffixHashes();
        byte[] starts = name.labelOffsets();
        int keep = labels;  // labels [0, keep) are written literally
        int target = -1;    // where the rest of the name already is
        if (compressible) {
            for (int i = 0; i < labels; i++) {
                int found = lookup(sh[i], name, i, w, starts[i] & 0xFF);
                if (found >= 0) {
                    keep = i;
                    target = found;
                    break;
                }
            }
        }
        int startOut = pos;
        if (keep > 0) {
            int cut = keep == labels ? w.length - 1 : starts[keep] & 0xFF;
            System.arraycopy(w, 0, buf, startOut, cut);
            pos = startOut + cut;
            for (int i = 0; i < keep; i++) {
                int out = startOut + (starts[i] & 0xFF);
                if (out >= 0x4000) {
                    break;
                }
                enter(sh[i], out, name, i);
            }
        }
        if (target < 0) {
            buf[pos++] = 0;
        } else {
            pointer(target);
        }
        int whole = keep > 0 ? startOut : target;
        if (whole < 0x4000) {
            names[slot] = name;
            table[BUCKETS + slot] = whole;
        }
    }

    private void pointer(int target) {
        ensure(2);
        buf[pos] = (byte) (0xC0 | target >>> 8);
        buf[pos + 1] = (byte) target;
        pos += 2;
    }

    private int lookup(int hash, Name name, int label, byte[] w, int from) {
        int[] t = table;
        int e = t[hash & (BUCKETS - 1)] - 1;
        while (e >= 0) {
            int b = HEAD + 4 * e;
            if (t[b] == hash) {
                int out = t[b + 1];
                Name other = names[RECENT + e];
                int otherLabel = t[b + 2];
                if (other == name && otherLabel == label) {
                    return out;
                }
                if (lowercaseNames) {
                    if (sameSuffix(out, w, from)) {
                        return out;
                    }
                } else {
                    // What was written there is exactly the other name's suffix (same case): compare
                    // the two names' octets directly instead of following pointers in the output.
                    byte[] ow = other.wireArray();
                    int oFrom = other.labelOffsets()[otherLabel] & 0xFF;
                    if (ow.length - oFrom == w.length - from && Arrays.equals(ow, oFrom, ow.length, w, from, w.length)) {
                        return out;
                    }
                }
            }
            e = t[b + 3] - 1;
        }
        return -1;
    }

    /** Whether the name written at {@code out} (following pointers) is exactly {@code w[from..]}. */
    private boolean sameSuffix(int out, byte[] w, int from) {
        byte[] b = buf;
        int p = out;
        int q = from;
        for (int hops = 0; hops <= 128; ) {
            int len = b[p] & 0xFF;
            if ((len & 0xC0) == 0xC0) {
                p = (len & 0x3F) << 8 | b[p + 1] & 0xFF;
                hops++;
                continue;
            }
            if (len != (w[q] & 0xFF)) {
                return false;
            }
            if (len == 0) {
                return true;
            }
            for (int k = 1; k <= len; k++) {
                if (b[p + k] != w[q + k]) {
                    return false;
                }
            }
            p += len + 1;
            q += len + 1;
        }
        return false;
    }

    private void enter(int hash, int out, Name name, int label) {
        if (entries >= MAX_ENTRIES) {
            return;
        }
        int e = entries++;
        if (RECENT + e == names.length) {
            names = Arrays.copyOf(names, RECENT + 2 * e);
            table = Arrays.copyOf(table, HEAD + 8 * e);
        }
        int b = HEAD + 4 * e;
        int bucket = hash & (BUCKETS - 1);
        int[] t = table;
        t[b] = hash;
        t[b + 1] = out;
        t[b + 2] = label;
        t[b + 3] = t[bucket];
        t[bucket] = e + 1;
        names[RECENT + e] = name;
    }
}
