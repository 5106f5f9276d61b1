package org.dunlin.dns.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dunlin.dns.wire.internal.NameOctets;

/**
 * A domain name: immutable, case-preserving, compared without regard to ASCII case (RFC 4343) and
 * ordered in DNSSEC canonical order (RFC 4034 §6.1).
 *
 * <p>A name is absolute (fully qualified, ending in the root label) or relative. Records, questions and
 * RDATA always hold absolute names; relative names appear while parsing zone files and as the result of
 * {@link #relativize(Name)}. The limits of RFC 1035 §3.1 hold for every instance: labels of at most 63
 * octets and at most 255 octets in wire form.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Name implements Comparable<Name> {
    /*
     * Design: like dnsjava's Name, a name is its uncompressed wire form — length-prefixed labels, with
     * the terminating zero octet when absolute — in one byte array. Equality, hashing and the canonical
     * order fold ASCII case on the fly through a 256-entry table (internal.NameOctets, which the
     * authoritative server's raw-wire code shares), so names keep the case they arrived with and no
     * lower-cased copy is ever made. Label start offsets are computed on first use (only
     * ordering, label access and compression need them) and cached, as are the hash and the suffix
     * hashes compression uses. The int hash is a benign race, as in String.hashCode; the arrays are
     * published through volatile fields so that no thread sees one half filled.
     */

    /** The root name, ".". */
    public static final Name ROOT = new Name(new byte[] {0}, 0, true);

    /** The empty relative name (no labels); relativizing a name against itself gives it. It prints as "@". */
    public static final Name EMPTY = new Name(new byte[0], 0, false);

    /** Maximum length of a name in wire form (RFC 1035 §3.1). */
    public static final int MAX_WIRE_LENGTH = 255;

    /** Maximum length of a label (RFC 1035 §3.1). */
    public static final int MAX_LABEL_LENGTH = 63;

    private final byte[] wire;
    private final int labels;
    private final boolean absolute;
    private int hash;                     // 0 until computed; a benign race, as in String
    private volatile byte[] offsets;      // volatile: the array's contents must be seen complete
    private volatile int[] suffixHashes;  // likewise

    private Name(byte[] wire, int labels, boolean absolute) {
        this.wire = wire;
        this.labels = labels;
        this.absolute = absolute;
    }

    // ---------------------------------------------------------------------------------------------
    // Factories

    /**
     * The absolute name written in presentation format ({@code "www.example.com"} or
     * {@code "www.example.com."}): a final dot is optional, {@code "."} is the root, and {@code \.} and
     * {@code \DDD} escapes are understood (RFC 1035 §5.1). Characters beyond ASCII are taken as UTF-8.
     *
     * @throws IllegalArgumentException if the text is not a valid name
     */
    public static Name of(String text) {
        try {
            Name n = parse(text, null);
            return n.absolute ? n : n.concatenate(ROOT);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e.getMessage() + ": \"" + text + "\"", e);
        }
    }

    /**
     * Parses a name with zone-file semantics (RFC 1035 §5.1): a name ending in an unescaped dot is
     * absolute, {@code "@"} is {@code origin}, and any other name is relative to {@code origin}. With a
     * null origin a relative name stays relative.
     */
    public static Name parse(String text, Name origin) throws TextParseException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length, origin);
    }

    /**
     * Parses a name from presentation text held as bytes (as read from a zone file), with the semantics
     * of {@link #parse(String, Name)}. Offsets in a thrown exception are relative to {@code offset}.
     */
    public static Name parse(byte[] text, int offset, int length, Name origin) throws TextParseException {
        if (length == 0) {
            throw new TextParseException("empty name", 0);
        }
        if (length == 1) {
            byte c = text[offset];
            if (c == '.') {
                return ROOT;
            }
            if (c == '@') {
                if (origin == null) {
                    throw new TextParseException("'@' used without an origin", 0);
                }
                return origin;
            }
        }
        // Wire length <= text length + 2 (each dot becomes a length byte, plus the first length byte
        // and the root). Escapes only shrink it.
        byte[] out = new byte[length + 2];
        int o = 0;
        int labelStart = 0; // index in out of the current label's length byte
        int labelCount = 0;
        o = 1;
        int end = offset + length;
        boolean absolute = false;
        for (int i = offset; i < end; i++) {
            int c = text[i] & 0xFF;
            if (c == '.') {
                int len = o - labelStart - 1;
                if (len == 0) {
                    throw new TextParseException("empty label", i - offset);
                }
                out[labelStart] = (byte) len;
                labelCount++;
                if (i == end - 1) {
                    absolute = true;
                    break;
                }
                labelStart = o;
                o++;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= end) {
                    throw new TextParseException("backslash at end of name", i - offset);
                }
                int d = text[i + 1] & 0xFF;
                if (d >= '0' && d <= '9') {
                    if (i + 3 >= end) {
                        throw new TextParseException("\\DDD escape needs three digits", i - offset);
                    }
                    int d2 = text[i + 2] & 0xFF;
                    int d3 = text[i + 3] & 0xFF;
                    if (d2 < '0' || d2 > '9' || d3 < '0' || d3 > '9') {
                        throw new TextParseException("\\DDD escape needs three digits", i - offset);
                    }
                    int v = (d - '0') * 100 + (d2 - '0') * 10 + (d3 - '0');
                    if (v > 255) {
                        throw new TextParseException("\\DDD escape above 255", i - offset);
                    }
                    c = v;
                    i += 3;
                } else {
                    c = d;
                    i += 1;
                }
            }
            if (o - labelStart - 1 >= MAX_LABEL_LENGTH) {
                throw new TextParseException("label longer than 63 octets", i - offset);
            }
            out[o++] = (byte) c;
        }
        if (!absolute) {
            int len = o - labelStart - 1;
            if (len == 0) {
                throw new TextParseException("empty label", length - 1);
            }
            out[labelStart] = (byte) len;
            labelCount++;
        }
        if (absolute) {
            if (o + 1 > MAX_WIRE_LENGTH) {
                throw new TextParseException("name longer than 255 octets", 0);
            }
            out[o] = 0;
            byte[] w = o + 1 == out.length ? out : Arrays.copyOf(out, o + 1);
            return new Name(w, labelCount, true);
        }
        if (origin == null || origin.labels == 0 && !origin.absolute) {
            if (o > MAX_WIRE_LENGTH - 1) {
                throw new TextParseException("name longer than 255 octets", 0);
            }
            return new Name(o == out.length ? out : Arrays.copyOf(out, o), labelCount, false);
        }
        int total = o + origin.wire.length;
        if (total > MAX_WIRE_LENGTH || !origin.absolute && total > MAX_WIRE_LENGTH - 1) {
            throw new TextParseException("name longer than 255 octets after appending the origin", 0);
        }
        byte[] w = Arrays.copyOf(out, total);
        System.arraycopy(origin.wire, 0, w, o, origin.wire.length);
        return new Name(w, labelCount + origin.labels, origin.absolute);
    }

    /**
     * The name whose uncompressed wire form is exactly {@code wire} (an absolute name: labels ending in
     * the zero octet, no compression pointers).
     */
    public static Name fromWire(byte[] wire) throws WireFormatException {
        return fromWire(wire, 0, wire.length);
    }

    /**
     * The name whose uncompressed wire form is exactly the {@code length} bytes of {@code wire} at
     * {@code offset}. Offsets in a thrown exception are relative to {@code offset}.
     */
    public static Name fromWire(byte[] wire, int offset, int length) throws WireFormatException {
        int count = validate(wire, offset, length);
        if (count == 0) {
            return ROOT;
        }
        return new Name(Arrays.copyOfRange(wire, offset, offset + length), count, true);
    }

    /** Checks an uncompressed absolute wire name and returns its label count. */
    private static int validate(byte[] wire, int offset, int length) throws WireFormatException {
        if (length > MAX_WIRE_LENGTH) {
            throw new WireFormatException(WireFormatException.Kind.NAME_TOO_LONG, "name longer than 255 octets", 0, null);
        }
        int p = 0;
        int count = 0;
        while (true) {
            if (p >= length) {
                throw new WireFormatException(WireFormatException.Kind.TRUNCATED, "name has no terminating root label", p, null);
            }
            int len = wire[offset + p] & 0xFF;
            if (len == 0) {
                if (p + 1 != length) {
                    throw new WireFormatException(WireFormatException.Kind.TRAILING_DATA, "bytes after the root label", p + 1, null);
                }
                return count;
            }
            if (len > MAX_LABEL_LENGTH) {
                throw new WireFormatException((len & 0xC0) == 0xC0 ? WireFormatException.Kind.COMPRESSION_NOT_ALLOWED : WireFormatException.Kind.BAD_LABEL_TYPE,
                        (len & 0xC0) == 0xC0 ? "compression pointer in an uncompressed name" : "unsupported label type 0x" + Integer.toHexString(len & 0xC0), p, null);
            }
            p += len + 1;
            count++;
        }
    }

    /**
     * Wraps wire bytes the caller has already validated and will never modify: an absolute name of
     * {@code labels} labels. For the decoder in this module; not part of the API contract.
     */
    static Name trusted(byte[] wire, int labels) {
        return labels == 0 ? ROOT : new Name(wire, labels, true);
    }

    /** The wire form itself, not a copy: for the codecs in this package, which never modify it. */
    byte[] wireArray() {
        return wire;
    }

    /** The label start offsets (one octet each), computed once: for the codecs in this package. */
    byte[] labelOffsets() {
        return offsets();
    }

    /**
     * For each label i, a hash of the exact octets (case preserved) of the suffix starting there,
     * computed once: the compression table of {@link WireWriter} is keyed by these.
     */
    int[] suffixHashes() {
        int[] h = suffixHashes;
        if (h == null) {
            h = new int[labels];
            byte[] o = offsets();
            int acc = absolute ? 0x5BD1E995 : 0x1B873593;
            int end = absolute ? wire.length - 1 : wire.length;
            for (int i = labels - 1; i >= 0; i--) {
                int start = o[i] & 0xFF;
                for (int k = start; k < end; k++) {
                    acc = acc * 31 + wire[k];
                }
                acc ^= acc >>> 15;
                acc *= 0x2C1B3C6D;
                h[i] = acc ^ acc >>> 13;
                end = start;
            }
            suffixHashes = h;
        }
        return h;
    }

    // ---------------------------------------------------------------------------------------------
    // Structure

    /** Whether the name ends in the root label. */
    public boolean isAbsolute() {
        return absolute;
    }

    /** Whether this is the root name. */
    public boolean isRoot() {
        return absolute && labels == 0;
    }

    /** Whether the leftmost label is {@code *} (RFC 4592). */
    public boolean isWildcard() {
        return labels > 0 && wire[0] == 1 && wire[1] == '*';
    }

    /** The number of labels, not counting the root label. */
    public int labelCount() {
        return labels;
    }

    /** The length of the uncompressed wire form, including the root label of an absolute name. */
    public int wireLength() {
        return wire.length;
    }

    /**
     * The byte at {@code index} of the uncompressed wire form (length octets and label octets, as
     * stored, case preserved). A low-level accessor for codecs that must not copy.
     */
    public byte byteAt(int index) {
        return wire[index];
    }

    /** Copies the uncompressed wire form (case preserved) into {@code target} at {@code offset}. */
    public void copyWireTo(byte[] target, int offset) {
        System.arraycopy(wire, 0, target, offset, wire.length);
    }

    /** The uncompressed wire form, case preserved (for a relative name: its labels, without the root). */
    public byte[] toWire() {
        return wire.clone();
    }

    /** The canonical wire form of RFC 4034 §6.2: uncompressed, ASCII letters lower-cased. */
    public byte[] toCanonicalWire() {
        byte[] out = new byte[wire.length];
        for (int i = 0; i < wire.length; i++) {
            out[i] = NameOctets.lower(wire[i]);
        }
        return out;
    }

    /** This name with ASCII letters lower-cased (this instance if it has none in upper case). */
    public Name toLowerCase() {
        for (byte b : wire) {
            if (b >= 'A' && b <= 'Z') {
                return new Name(toCanonicalWire(), labels, absolute);
            }
        }
        return this;
    }

    private byte[] offsets() {
        byte[] o = offsets;
        if (o == null) {
            o = new byte[labels];
            int p = 0;
            for (int i = 0; i < labels; i++) {
                o[i] = (byte) p;
                p += (wire[p] & 0xFF) + 1;
            }
            offsets = o;
        }
        return o;
    }

    /** The offset in the wire form of label {@code i} (0 is the leftmost label). */
    public int labelOffset(int i) {
        if (i < 0 || i > labels) {
            throw new IndexOutOfBoundsException(i);
        }
        return i == labels ? (absolute ? wire.length - 1 : wire.length) : offsets()[i] & 0xFF;
    }

    /** The octets of label {@code i} (0 is the leftmost label), case preserved. */
    public ByteString label(int i) {
        if (i < 0 || i >= labels) {
            throw new IndexOutOfBoundsException(i);
        }
        int off = offsets()[i] & 0xFF;
        return ByteString.copyOf(wire, off + 1, wire[off] & 0xFF);
    }

    /** The name without its leftmost label. */
    public Name parent() {
        if (labels == 0) {
            throw new IllegalStateException("the root and the empty name have no parent");
        }
        return suffix(labels - 1);
    }

    /** The name made of the rightmost {@code count} labels (and the root, if this name is absolute). */
    public Name suffix(int count) {
        if (count < 0 || count > labels) {
            throw new IndexOutOfBoundsException(count);
        }
        if (count == labels) {
            return this;
        }
        if (count == 0) {
            return absolute ? ROOT : EMPTY;
        }
        int off = offsets()[labels - count] & 0xFF;
        return new Name(Arrays.copyOfRange(wire, off, wire.length), count, absolute);
    }

    /** {@code label.this}: a name one label longer. */
    public Name child(ByteString label) {
        int len = label.length();
        if (len == 0 || len > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label length must be 1..63: " + len);
        }
        if (wire.length + len + 1 > (absolute ? MAX_WIRE_LENGTH : MAX_WIRE_LENGTH - 1)) {
            throw new IllegalArgumentException("name longer than 255 octets");
        }
        byte[] w = new byte[wire.length + len + 1];
        w[0] = (byte) len;
        label.copyTo(w, 1);
        System.arraycopy(wire, 0, w, len + 1, wire.length);
        return new Name(w, labels + 1, absolute);
    }

    /** {@code label.this}, the label given in ASCII without escapes, e.g. {@code "*"} or {@code "_tcp"}. */
    public Name child(String label) {
        return child(ByteString.ofLatin1(label));
    }

    /** This relative name followed by {@code suffix}. */
    public Name concatenate(Name suffix) {
        if (absolute) {
            throw new IllegalStateException("cannot append to an absolute name: " + this);
        }
        int total = wire.length + suffix.wire.length;
        if (total > (suffix.absolute ? MAX_WIRE_LENGTH : MAX_WIRE_LENGTH - 1)) {
            throw new IllegalArgumentException("name longer than 255 octets");
        }
        if (labels == 0) {
            return suffix;
        }
        byte[] w = Arrays.copyOf(wire, total);
        System.arraycopy(suffix.wire, 0, w, wire.length, suffix.wire.length);
        return new Name(w, labels + suffix.labels, suffix.absolute);
    }

    /**
     * Whether this name is {@code ancestor} or below it (ignoring case). An absolute name is never
     * below a relative one nor the reverse.
     */
    public boolean isSubdomainOf(Name ancestor) {
        if (ancestor.absolute != absolute || ancestor.labels > labels) {
            return false;
        }
        int off = labels == ancestor.labels ? 0 : labelOffset(labels - ancestor.labels);
        if (wire.length - off != ancestor.wire.length) {
            return false;
        }
        return NameOctets.equalsIgnoreCase(wire, off, ancestor.wire, 0, ancestor.wire.length);
    }

    /**
     * The labels of this name in front of {@code origin}, as a relative name ({@link #EMPTY} for
     * origin itself); this name unchanged if it is not below {@code origin}.
     */
    public Name relativize(Name origin) {
        if (!isSubdomainOf(origin)) {
            return this;
        }
        int keep = labels - origin.labels;
        if (keep == 0) {
            return EMPTY;
        }
        int end = labelOffset(labels - origin.labels);
        return new Name(Arrays.copyOf(wire, end), keep, false);
    }

    // ---------------------------------------------------------------------------------------------
    // Equality and order

    /** Equal names have the same labels, ignoring ASCII case (RFC 4343), and the same absoluteness. */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Name)) {
            return false;
        }
        Name n = (Name) o;
        return n.wire.length == wire.length && n.absolute == absolute && n.labels == labels
                && (hash == 0 || n.hash == 0 || hash == n.hash)
                && NameOctets.equalsIgnoreCase(wire, 0, n.wire, 0, wire.length);
    }

    /** Whether the two names are equal and also spelled with the same case. */
    public boolean equalsExactly(Name other) {
        return other.absolute == absolute && Arrays.equals(wire, other.wire);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = absolute ? 1 : 2;
            for (byte b : wire) {
                h = 31 * h + NameOctets.lower(b);
            }
            if (h == 0) {
                h = 1;
            }
            hash = h;
        }
        return h;
    }

    /**
     * DNSSEC canonical order (RFC 4034 §6.1): labels compared from the rightmost, as lower-cased
     * unsigned octet strings where a proper prefix sorts first; a name sorts after its ancestors.
     * Consistent with {@link #equals}: relative names sort before absolute ones.
     */
    @Override
    public int compareTo(Name other) {
        if (this == other) {
            return 0;
        }
        byte[] oa = offsets();
        byte[] ob = other.offsets();
        int i = labels - 1;
        int j = other.labels - 1;
        while (i >= 0 && j >= 0) {
            int c = NameOctets.compareLabels(wire, oa[i] & 0xFF, other.wire, ob[j] & 0xFF);
            if (c != 0) {
                return c;
            }
            i--;
            j--;
        }
        if (labels != other.labels) {
            return labels - other.labels;
        }
        return Boolean.compare(absolute, other.absolute);
    }

    // ---------------------------------------------------------------------------------------------
    // Presentation

    /**
     * The presentation form, as BIND prints it: labels joined by dots with a final dot when absolute;
     * {@code . " ( ) ; \ @ $} escaped with a backslash and bytes outside 0x21..0x7E as {@code \DDD};
     * {@code "."} for the root and {@code "@"} for the empty relative name.
     */
    @Override
    public String toString() {
        if (labels == 0) {
            return absolute ? "." : "@";
        }
        StringBuilder sb = new StringBuilder(wire.length + 4);
        appendTo(sb);
        return sb.toString();
    }

    /** Appends the presentation form (see {@link #toString()}) to {@code sb}. */
    public void appendTo(StringBuilder sb) {
        if (labels == 0) {
            sb.append(absolute ? "." : "@");
            return;
        }
        int p = 0;
        for (int l = 0; l < labels; l++) {
            int len = wire[p] & 0xFF;
            if (l > 0) {
                sb.append('.');
            }
            for (int k = 1; k <= len; k++) {
                appendLabelByte(sb, wire[p + k] & 0xFF);
            }
            p += len + 1;
        }
        if (absolute) {
            sb.append('.');
        }
    }

    static void appendLabelByte(StringBuilder sb, int c) {
        switch (c) {
            case '.': case '"': case '(': case ')': case ';': case '\\': case '@': case '$':
                sb.append('\\').append((char) c);
                return;
            default:
                if (c > 0x20 && c < 0x7F) {
                    sb.append((char) c);
                } else {
                    sb.append('\\').append((char) ('0' + c / 100)).append((char) ('0' + c / 10 % 10)).append((char) ('0' + c % 10));
                }
        }
    }
}
