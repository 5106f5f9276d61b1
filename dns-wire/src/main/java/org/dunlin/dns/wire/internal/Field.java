package org.dunlin.dns.wire.internal;

import java.util.List;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;

/**
 * One declared field of an RDATA schema: how a component (or a few adjacent components) is read from
 * and written to the wire, parsed from and printed to presentation text. Fields are immutable and
 * shared by all records of their type.
 *
 * @param <R> the RDATA record type
 */
public abstract class Field<R> {
    private final List<String> components;
    private final int slots;

    protected Field(String component) {
        this.components = List.of(component);
        this.slots = 1;
    }

    protected Field(List<String> components) {
        this.components = List.copyOf(components);
        this.slots = components.size();
    }

    /** The record components this field fills, in order (one slot each). */
    public final List<String> components() {
        return components;
    }

    /** A guess at this field's wire size, for sizing output buffers (opaque octets are counted exactly elsewhere). */
    public int sizeGuess() {
        return 8 * slots();
    }

    /** The number of value slots this field fills. */
    public final int slots() {
        return slots;
    }

    /** Reads the field from the wire; the RDATA ends at message position {@code end}. */
    public abstract void read(WireReader in, int end, Values v, int slot) throws WireFormatException;

    /** Writes the field of {@code r}. */
    public abstract void write(R r, WireWriter out);

    /** Parses the field from presentation tokens. */
    public abstract void parse(Tokens in, Values v, int slot) throws TextParseException;

    /** Prints the field of {@code r} (nothing, for an empty optional field). */
    public abstract void print(R r, StringBuilder sb);
}
