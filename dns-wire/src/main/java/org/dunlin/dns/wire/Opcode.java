package org.dunlin.dns.wire;

import org.dunlin.dns.wire.internal.CodeTable;

/**
 * A message opcode (4 bits): every value is accepted; the registered ones have names. Unregistered
 * values print as dig prints them, {@code RESERVED3}.
 *
 * <p>Instances are immutable, compare by value and are thread-safe.
 */
public final class Opcode implements Comparable<Opcode> {
    private static final CodeTable<Opcode> TABLE = new CodeTable<>(16, v -> new Opcode(v, null));

    private final int value;
    private final String mnemonic;

    private Opcode(int value, String mnemonic) {
        this.value = value;
        this.mnemonic = mnemonic;
    }

    private static Opcode named(int value, String mnemonic) {
        return TABLE.add(value, new Opcode(value, mnemonic), mnemonic);
    }

    /** A standard query (RFC 1035). */
    public static final Opcode QUERY = named(0, "QUERY");
    /** Inverse query (obsolete, RFC 3425). */
    public static final Opcode IQUERY = named(1, "IQUERY");
    /** Server status request. */
    public static final Opcode STATUS = named(2, "STATUS");
    /** Zone change notification (RFC 1996). */
    public static final Opcode NOTIFY = named(4, "NOTIFY");
    /** Dynamic update (RFC 2136). */
    public static final Opcode UPDATE = named(5, "UPDATE");
    /** DNS stateful operations (RFC 8490). */
    public static final Opcode DSO = named(6, "DSO");

    /** The opcode with this 4-bit value. */
    public static Opcode of(int value) {
        if (value < 0 || value > 15) {
            throw new IllegalArgumentException("opcode out of range 0..15: " + value);
        }
        return TABLE.of(value);
    }

    /** The opcode written as a mnemonic, {@code RESERVEDn} or a decimal number. */
    public static Opcode valueOf(String text) {
        Opcode o = TABLE.byName(text);
        if (o != null) {
            return o;
        }
        int start = text.regionMatches(true, 0, "RESERVED", 0, 8) ? 8 : 0;
        int v = CodeTable.parseDecimal(text, start, 15);
        if (v < 0) {
            throw new IllegalArgumentException("unknown opcode: " + text);
        }
        return of(v);
    }

    /** The 4-bit value. */
    public int value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Opcode op && op.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(Opcode o) {
        return Integer.compare(value, o.value);
    }

    /** The mnemonic, or {@code RESERVED} followed by the value. */
    @Override
    public String toString() {
        return mnemonic != null ? mnemonic : "RESERVED" + value;
    }
}
