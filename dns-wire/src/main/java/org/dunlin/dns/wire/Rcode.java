package org.dunlin.dns.wire;

import org.dunlin.dns.wire.internal.CodeTable;

/**
 * A response code: the 12-bit value made of the header's 4 bits and, with EDNS, the 8 bits of the OPT
 * record (RFC 6891 §6.1.3), or a 16-bit TSIG/TKEY error (RFC 8945 §4.3). Every value is accepted;
 * the registered ones have names. Value 16 is BADVERS in a message and BADSIG in a TSIG record: the
 * two constants are equal and {@link #toTsigString()} gives the TSIG name.
 *
 * <p>Instances are immutable, compare by value and are thread-safe.
 */
public final class Rcode implements Comparable<Rcode> {
    private static final CodeTable<Rcode> TABLE = new CodeTable<>(32, v -> new Rcode(v, null));

    private final int value;
    private final String mnemonic;

    private Rcode(int value, String mnemonic) {
        this.value = value;
        this.mnemonic = mnemonic;
    }

    private static Rcode named(int value, String mnemonic) {
        return TABLE.add(value, new Rcode(value, mnemonic), mnemonic);
    }

    public static final Rcode NOERROR = named(0, "NOERROR");
    public static final Rcode FORMERR = named(1, "FORMERR");
    public static final Rcode SERVFAIL = named(2, "SERVFAIL");
    public static final Rcode NXDOMAIN = named(3, "NXDOMAIN");
    public static final Rcode NOTIMP = named(4, "NOTIMP");
    public static final Rcode REFUSED = named(5, "REFUSED");
    public static final Rcode YXDOMAIN = named(6, "YXDOMAIN");
    public static final Rcode YXRRSET = named(7, "YXRRSET");
    public static final Rcode NXRRSET = named(8, "NXRRSET");
    public static final Rcode NOTAUTH = named(9, "NOTAUTH");
    public static final Rcode NOTZONE = named(10, "NOTZONE");
    public static final Rcode DSOTYPENI = named(11, "DSOTYPENI");
    public static final Rcode BADVERS = named(16, "BADVERS");
    /** TSIG signature failure (RFC 8945 §4.3); the same value as {@link #BADVERS}. */
    public static final Rcode BADSIG = BADVERS;
    public static final Rcode BADKEY = named(17, "BADKEY");
    public static final Rcode BADTIME = named(18, "BADTIME");
    public static final Rcode BADMODE = named(19, "BADMODE");
    public static final Rcode BADNAME = named(20, "BADNAME");
    public static final Rcode BADALG = named(21, "BADALG");
    public static final Rcode BADTRUNC = named(22, "BADTRUNC");
    public static final Rcode BADCOOKIE = named(23, "BADCOOKIE");

    static {
        TABLE.add(16, BADVERS, "BADSIG");
    }

    /** The response code with this value (0..65535). */
    public static Rcode of(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("rcode out of range 0..65535: " + value);
        }
        return TABLE.of(value);
    }

    /** The code written as a mnemonic (any case; BADSIG is accepted) or a decimal number. */
    public static Rcode valueOf(String text) {
        Rcode r = TABLE.byName(text);
        if (r != null) {
            return r;
        }
        int v = CodeTable.parseDecimal(text, 0, 0xFFFF);
        if (v < 0) {
            throw new IllegalArgumentException("unknown rcode: " + text);
        }
        return of(v);
    }

    /** The value. */
    public int value() {
        return value;
    }

    /** The 4 bits carried in the message header. */
    public int headerBits() {
        return value & 0xF;
    }

    /** The upper 8 bits carried in the OPT record's TTL field (RFC 6891 §6.1.3). */
    public int extendedBits() {
        return value >>> 4 & 0xFF;
    }

    /** Whether the value needs EDNS to be sent in a message (it does not fit in 4 bits). */
    public boolean isExtended() {
        return value > 0xF;
    }

    /** The name used in TSIG and TKEY records: as {@link #toString()}, except BADSIG for 16. */
    public String toTsigString() {
        return value == 16 ? "BADSIG" : toString();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Rcode r && r.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(Rcode o) {
        return Integer.compare(value, o.value);
    }

    /** The mnemonic as dig prints it, or the decimal value. */
    @Override
    public String toString() {
        return mnemonic != null ? mnemonic : Integer.toString(value);
    }
}
