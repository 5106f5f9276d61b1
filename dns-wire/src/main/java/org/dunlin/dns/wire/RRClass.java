package org.dunlin.dns.wire;

import org.dunlin.dns.wire.internal.CodeTable;

/**
 * A resource record class: any 16-bit value, with named constants for the registered ones. Unknown
 * classes print and parse in the RFC 3597 §5 form {@code CLASS32}.
 *
 * <p>Instances are immutable, compare by value and are thread-safe.
 */
public final class RRClass implements Comparable<RRClass> {
    private static final CodeTable<RRClass> TABLE = new CodeTable<>(256, v -> new RRClass(v, null));

    private final int value;
    private final String mnemonic;

    private RRClass(int value, String mnemonic) {
        this.value = value;
        this.mnemonic = mnemonic;
    }

    private static RRClass named(int value, String mnemonic, String... aliases) {
        RRClass c = new RRClass(value, mnemonic);
        TABLE.add(value, c, mnemonic);
        TABLE.add(value, c, aliases);
        return c;
    }

    /** The Internet class. */
    public static final RRClass IN = named(1, "IN");
    /** Chaos (BIND prints it "CH"). */
    public static final RRClass CH = named(3, "CH", "CHAOS");
    /** Hesiod. */
    public static final RRClass HS = named(4, "HS", "HESIOD");
    /** NONE, used by dynamic update (RFC 2136 §2.4). */
    public static final RRClass NONE = named(254, "NONE");
    /** ANY, in questions and dynamic update. */
    public static final RRClass ANY = named(255, "ANY");

    /** The class with this 16-bit value. */
    public static RRClass of(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("RR class out of range 0..65535: " + value);
        }
        return TABLE.of(value);
    }

    /** The class written as a mnemonic or as {@code CLASS} + decimal (RFC 3597 §5). */
    public static RRClass valueOf(String text) {
        RRClass c = tryParse(text);
        if (c == null) {
            throw new IllegalArgumentException("unknown RR class: " + text);
        }
        return c;
    }

    /** Like {@link #valueOf(String)} but returns null for text that is not a class. */
    public static RRClass tryParse(String text) {
        return TABLE.parse(text, "CLASS");
    }

    /** The 16-bit value. */
    public int value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RRClass c && c.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(RRClass o) {
        return Integer.compare(value, o.value);
    }

    /** The mnemonic, or {@code CLASS} followed by the decimal value. */
    @Override
    public String toString() {
        return mnemonic != null ? mnemonic : "CLASS" + value;
    }
}
