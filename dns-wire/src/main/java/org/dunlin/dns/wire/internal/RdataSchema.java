package org.dunlin.dns.wire.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.Rdata;

/**
 * The declaration of one RR type's RDATA: its fields in wire order, which drive the wire codec, the
 * presentation format and the canonical form alike, and the constructor that builds the record from
 * the field values. Immutable and shared.
 *
 * @param <R> the RDATA record type
 */
public final class RdataSchema<R extends Rdata> {
    private final RRType type;
    private final int typeValue;
    private final Class<R> recordClass;
    private final List<Field<R>> fields;
    private final Field<R>[] fieldArray;
    private final BytesField<R>[] bytesFields;
    private final int sizeBase;
    private final Function<Values, R> factory;
    private final boolean classInOnly;
    private final boolean canonicalLowercase;
    private final String[] paths;

    private RdataSchema(Builder<R> b, Function<Values, R> factory) {
        this.type = b.type;
        this.typeValue = b.type.value();
        this.recordClass = b.recordClass;
        this.fields = List.copyOf(b.fields);
        this.fieldArray = fields.toArray(newArray(0));
        List<BytesField<R>> bf = new ArrayList<>();
        int base = 0;
        for (Field<R> f : fields) {
            if (f instanceof BytesField) {
                bf.add((BytesField<R>) f);
                base += 2;
            } else {
                base += f.sizeGuess();
            }
        }
        this.bytesFields = bf.toArray(newBytesArray(0));
        this.sizeBase = base;
        this.factory = factory;
        this.classInOnly = b.classInOnly;
        this.canonicalLowercase = b.canonicalLowercase;
        this.paths = new String[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            paths[i] = type + "." + String.join("/", fields.get(i).components());
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> Field<R>[] newArray(int n) {
        return (Field<R>[]) new Field<?>[n];
    }

    @SuppressWarnings("unchecked")
    private static <R> BytesField<R>[] newBytesArray(int n) {
        return (BytesField<R>[]) new BytesField<?>[n];
    }

    /** A cheap guess at the wire size of {@code r}: exact for its opaque octets, rough for the rest. */
    public int sizeHint(Rdata r) {
        R rr = recordClass.cast(r);
        int n = sizeBase;
        for (BytesField<R> f : bytesFields) {
            n += f.length(rr);
        }
        return n;
    }

    /** Starts the declaration of {@code type}, decoded into {@code recordClass}. */
    public static <R extends Rdata> Builder<R> of(RRType type, Class<R> recordClass) {
        return new Builder<>(type, recordClass);
    }

    public RRType type() {
        return type;
    }

    /** The type's 16-bit value. */
    public int typeValue() {
        return typeValue;
    }

    public Class<R> recordClass() {
        return recordClass;
    }

    public List<Field<R>> fields() {
        return fields;
    }

    /** Whether the type's format is defined only for class IN (other classes decode as unknown). */
    public boolean classInOnly() {
        return classInOnly;
    }

    /** Whether RFC 4034 §6.2 (as amended by RFC 6840 §5.1) lower-cases this type's names in canonical form. */
    public boolean canonicalLowercase() {
        return canonicalLowercase;
    }

    /** Reads RDATA ending at message position {@code end}; it must be consumed exactly. */
    public R read(WireReader in, int end, Values v) throws WireFormatException {
        int start = in.position();
        int slot = 0;
        Field<R>[] fa = fieldArray;
        for (int i = 0; i < fa.length; i++) {
            Field<R> f = fa[i];
            try {
                f.read(in, end, v, slot);
            } catch (WireFormatException e) {
                throw e.withFieldPrefix(paths[i]);
            }
            slot += f.slots();
        }
        if (in.position() != end) {
            throw new WireFormatException(Kind.RDLENGTH_MISMATCH, (end - in.position()) + " octets of RDATA left over after the last field",
                    in.position(), type.toString());
        }
        try {
            return factory.apply(v);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(Kind.BAD_RDATA, e.getMessage(), start, type.toString());
        }
    }

    /** Writes {@code r}, which must be of this schema's record class. */
    public void write(Rdata r, WireWriter out) {
        R rr = recordClass.cast(r);
        out.lowercaseNames(canonicalLowercase);
        Field<R>[] fa = fieldArray;
        for (int i = 0; i < fa.length; i++) {
            fa[i].write(rr, out);
        }
        out.lowercaseNames(false);
    }

    /** Parses RDATA from the remaining tokens, which must all be consumed. */
    public R parse(Tokens in, Values v) throws TextParseException {
        int slot = 0;
        int first = in.index();
        for (Field<R> f : fieldArray) {
            f.parse(in, v, slot);
            slot += f.slots();
        }
        in.expectEnd(type + " data");
        try {
            return factory.apply(v);
        } catch (IllegalArgumentException e) {
            throw in.errorAt(first, "bad " + type + " data: " + e.getMessage());
        }
    }

    /** Appends the presentation form of {@code r}, fields separated by single spaces. */
    public void print(Rdata r, StringBuilder sb) {
        R rr = recordClass.cast(r);
        for (int i = 0; i < fields.size(); i++) {
            int before = sb.length();
            if (i > 0) {
                sb.append(' ');
            }
            int mark = sb.length();
            fields.get(i).print(rr, sb);
            if (sb.length() == mark) {
                sb.setLength(before); // an empty optional field leaves no separator behind
            }
        }
    }

    /** Declares a schema field by field. */
    public static final class Builder<R extends Rdata> {
        private final RRType type;
        private final Class<R> recordClass;
        private final List<Field<R>> fields = new ArrayList<>();
        private boolean classInOnly;
        private boolean canonicalLowercase;

        private Builder(RRType type, Class<R> recordClass) {
            this.type = type;
            this.recordClass = recordClass;
        }

        /** The format is defined for class IN only. */
        public Builder<R> classInOnly() {
            classInOnly = true;
            return this;
        }

        /** Names are lower-cased in the canonical form (RFC 4034 §6.2 list, minus NSEC per RFC 6840 §5.1). */
        public Builder<R> canonicalLowercase() {
            canonicalLowercase = true;
            return this;
        }

        /** Adds a field. */
        public Builder<R> field(Field<R> f) {
            fields.add(f);
            return this;
        }

        public Builder<R> u8(String name, ToLongFunction<R> get) {
            return field(NumberField.u8(name, get));
        }

        public Builder<R> u16(String name, ToLongFunction<R> get) {
            return field(NumberField.u16(name, get));
        }

        public Builder<R> u32(String name, ToLongFunction<R> get) {
            return field(NumberField.u32(name, get));
        }

        /** A domain name with the given compression rule. */
        public Builder<R> name(String name, NameField.Compression compression, Function<R, Name> get) {
            return field(new NameField<>(name, compression, get));
        }

        /** Finishes the declaration with the constructor that builds a record from the values. */
        public RdataSchema<R> build(Function<Values, R> factory) {
            int slots = 0;
            for (Field<R> f : fields) {
                slots += f.slots();
            }
            if (slots > Values.MAX_SLOTS) {
                throw new IllegalStateException(type + " declares too many fields");
            }
            return new RdataSchema<>(this, factory);
        }
    }
}
