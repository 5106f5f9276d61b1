package org.dunlin.dns.wire;

/** A header flag bit (RFC 1035 §4.1.1, RFC 4035 §3.2 for AD and CD). */
public enum Flag {
    /** Response. */
    QR(0x8000),
    /** Authoritative answer. */
    AA(0x0400),
    /** Truncated. */
    TC(0x0200),
    /** Recursion desired. */
    RD(0x0100),
    /** Recursion available. */
    RA(0x0080),
    /** Reserved; must be zero (RFC 1035 §4.1.1). */
    Z(0x0040),
    /** Authentic data (RFC 4035 §3.2.3, RFC 6840 §5.7). */
    AD(0x0020),
    /** Checking disabled (RFC 4035 §3.2.2). */
    CD(0x0010);

    /** All flag bits of the second header word (opcode and rcode excluded). */
    public static final int ALL_BITS = 0x8000 | 0x0400 | 0x0200 | 0x0100 | 0x0080 | 0x0040 | 0x0020 | 0x0010;

    private final int bit;

    Flag(int bit) {
        this.bit = bit;
    }

    /** The bit in the second 16-bit word of the header. */
    public int bit() {
        return bit;
    }

    /** Whether this flag is set in a header flags word. */
    public boolean isSetIn(int flagsWord) {
        return (flagsWord & bit) != 0;
    }
}
