package org.dunlin.dns.wire.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.NullRdata;
import org.dunlin.dns.wire.rdata.OptRdata;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.UnknownRdata;

/**
 * The registry of RDATA schemas by type and the entry points every other part of the module uses to
 * read, write, parse, print and order RDATA. Types without a schema, and class-specific types in
 * classes other than IN (and the UPDATE pseudo-classes NONE and ANY), are handled as
 * {@link UnknownRdata} in the RFC 3597 generic form.
 */
public final class RdataCodecs {
    private RdataCodecs() {
    }

    private static final RdataSchema<?>[] SMALL = new RdataSchema<?>[512];
    private static final Map<Integer, RdataSchema<?>> LARGE = new HashMap<>();
    private static final Set<RRType> SUPPORTED;

    static {
        Set<RRType> s = new LinkedHashSet<>();
        for (RdataSchema<?> schema : RdataSchemas.ALL) {
            int t = schema.type().value();
            if (t < SMALL.length) {
                SMALL[t] = schema;
            } else {
                LARGE.put(t, schema);
            }
            s.add(schema.type());
        }
        SUPPORTED = Collections.unmodifiableSet(s);
    }

    /** The schema of {@code r}, or null for {@link UnknownRdata}. */
    public static RdataSchema<?> schemaOf(Rdata r) {
        if (r instanceof UnknownRdata) {
            return null;
        }
        return schema(r.type().value());
    }

    /** The type value of {@code r}. */
    public static int typeOf(Rdata r) {
        return r.type().value();
    }

    /** The schema of {@code type}, or null. */
    public static RdataSchema<?> schema(int type) {
        return type < SMALL.length ? SMALL[type] : LARGE.get(type);
    }

    /** The schema used for {@code type} in {@code rrClass}, or null for the generic form. */
    public static RdataSchema<?> schema(int type, int rrClass) {
        RdataSchema<?> s = type < SMALL.length ? SMALL[type] : LARGE.get(type);
        if (s != null && s.classInOnly() && rrClass != 1 && rrClass != 254 && rrClass != 255) {
            return null;
        }
        return s;
    }

    /** Every schema, in type order. */
    public static java.util.List<RdataSchema<?>> all() {
        return RdataSchemas.ALL;
    }

    /** The types with a typed codec. */
    public static Set<RRType> supportedTypes() {
        return SUPPORTED;
    }

    /**
     * Reads {@code rdlength} octets of RDATA at the reader's position. Empty RDATA in class ANY or
     * NONE (RFC 2136 §2.4 prerequisites and deletions) that the type cannot represent is kept as
     * {@link UnknownRdata}.
     */
    public static Rdata read(WireReader in, int type, int rrClass, int rdlength, Values v) throws WireFormatException {
        int start = in.position();
        int end = start + rdlength;
        if (rdlength > in.remaining()) {
            throw in.error(Kind.RDLENGTH_MISMATCH, "RDLENGTH " + rdlength + " runs past the end of the message");
        }
        RdataSchema<?> s = schema(type, rrClass);
        if (s == null) {
            return new UnknownRdata(RRType.of(type), in.bytes(rdlength, end, "RDATA"));
        }
        in.rdata(end);
        try {
            if (rdlength == 0 && (rrClass == 255 || rrClass == 254)) {
                try {
                    return s.read(in, end, v);
                } catch (WireFormatException e) {
                    in.position(start);
                    return new UnknownRdata(RRType.of(type), ByteString.EMPTY);
                }
            }
            return s.read(in, end, v);
        } finally {
            in.rdata(-1);
        }
    }

    /** Writes {@code r} (without RDLENGTH). */
    public static void write(Rdata r, WireWriter out) {
        RdataSchema<?> s = schemaOf(r);
        if (s == null) {
            out.bytes(((UnknownRdata) r).data());
            return;
        }
        s.write(r, out);
    }

    /** A cheap guess at the wire size of {@code r}. */
    public static int sizeHint(Rdata r) {
        RdataSchema<?> s = schemaOf(r);
        return s != null ? s.sizeHint(r) : ((UnknownRdata) r).data().length();
    }

    /** The wire form of {@code r}, canonical (RFC 4034 §6.2) or not, uncompressed. */
    public static byte[] toWire(Rdata r, boolean canonical) {
        WireWriter w = new WireWriter(sizeHint(r) + 8, false, canonical);
        write(r, w);
        return w.toByteArray();
    }

    /** Decodes uncompressed RDATA. */
    public static Rdata fromWire(RRType type, RRClass rrClass, byte[] data, int offset, int length) throws WireFormatException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("bad range " + offset + "+" + length + " of " + data.length);
        }
        WireReader in = new WireReader(data, offset, length, false);
        return read(in, type.value(), rrClass.value(), length, new Values());
    }

    /** The presentation form. */
    public static String toText(Rdata r) {
        StringBuilder sb = new StringBuilder(64);
        appendText(r, sb);
        return sb.toString();
    }

    /** Appends the presentation form. */
    public static void appendText(Rdata r, StringBuilder sb) {
        if (r instanceof UnknownRdata || r instanceof NullRdata || r instanceof OptRdata) {
            appendGeneric(sb, toWire(r, false));
            return;
        }
        schema(r.type().value()).print(r, sb);
    }

    /** Appends the RFC 3597 §5 generic form {@code \# length hex}. */
    public static void appendGeneric(StringBuilder sb, byte[] data) {
        sb.append("\\# ").append(data.length);
        if (data.length > 0) {
            sb.append(' ');
            TextUtil.appendHex(sb, ByteString.of(data), 56);
        }
    }

    /** Parses presentation RDATA of {@code type}. */
    public static Rdata fromText(RRType type, RRClass rrClass, String text, Name origin) throws TextParseException {
        Tokens t = Tokens.of(text, origin);
        return parse(type, rrClass, t, new Values());
    }

    /**
     * Parses the remaining tokens as RDATA of {@code type}: the RFC 3597 generic form for any type,
     * or the type's own presentation form.
     */
    public static Rdata parse(RRType type, RRClass rrClass, Tokens t, Values v) throws TextParseException {
        int first = t.index();
        if (t.peekIs("\\#")) {
            t.index(first + 1);
            int len = t.intValue("RDATA length", 0xFFFF);
            String hex = t.rest("RDATA hex", len > 0);
            byte[] data = hex == null ? new byte[0] : TextUtil.decodeHex(hex);
            if (data == null) {
                throw t.errorAt(first + 2, "bad hex in generic RDATA");
            }
            if (data.length != len) {
                throw t.errorAt(first + 1, "generic RDATA length " + len + " but " + data.length + " octets of hex");
            }
            try {
                return read(new WireReader(data, 0, data.length, false), type.value(), rrClass.value(), data.length, v);
            } catch (WireFormatException e) {
                throw t.errorAt(first, "generic RDATA is not valid " + type + " data: " + e.getMessage());
            }
        }
        RdataSchema<?> s = schema(type.value(), rrClass.value());
        if (s == null) {
            throw t.errorAt(first, "type " + type + (schema(type.value()) != null ? " in class " + rrClass : "")
                    + " has no presentation format here; use the \\# generic form");
        }
        if (type.equals(RRType.NULL) || type.equals(RRType.OPT)) {
            throw t.errorAt(first, type + " RDATA must use the \\# generic form");
        }
        return s.parse(t, v);
    }

    /**
     * Compares RDATA by type, then by the canonical wire form with every domain name lower-cased (see
     * {@link Rdata#CANONICAL_ORDER}).
     */
    public static int compareCanonical(Rdata a, Rdata b) {
        if (a == b) {
            return 0;
        }
        int c = Integer.compare(a.type().value(), b.type().value());
        if (c != 0) {
            return c;
        }
        if (a instanceof UnknownRdata != b instanceof UnknownRdata) {
            return a instanceof UnknownRdata ? 1 : -1;
        }
        return Arrays.compareUnsigned(orderingForm(a), orderingForm(b));
    }

    private static byte[] orderingForm(Rdata r) {
        WireWriter w = new WireWriter(64, false, true);
        w.foldAllNames();
        write(r, w);
        return w.toByteArray();
    }
}
