package org.dunlin.dns.wire.tsig;

/**
 * The TSIG Error field and the extended RCODEs TSIG uses (RFC 8945 §5.2, RFC 4635 §4). An open value
 * type: any 16-bit code round-trips. Immutable.
 *
 * @param code the 16-bit error code
 */
public record TsigError(int code) {

    /** No error. */
    public static final TsigError NOERROR = new TsigError(0);
    /** The message was malformed (reported as RCODE FORMERR, not in the TSIG Error field). */
    public static final TsigError FORMERR = new TsigError(1);
    /** The MAC did not verify. */
    public static final TsigError BADSIG = new TsigError(16);
    /** The key name or algorithm is unknown. */
    public static final TsigError BADKEY = new TsigError(17);
    /** Time Signed is outside the fudge window. */
    public static final TsigError BADTIME = new TsigError(18);
    /** The MAC is truncated more than local policy allows (RFC 4635 §4). */
    public static final TsigError BADTRUNC = new TsigError(22);

    /** @throws IllegalArgumentException if the code is not 0–65535 */
    public TsigError {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("TSIG error out of range: " + code);
        }
    }

    /** The mnemonic, or the number for others. */
    @Override
    public String toString() {
        switch (code) {
            case 0:
                return "NOERROR";
            case 1:
                return "FORMERR";
            case 16:
                return "BADSIG";
            case 17:
                return "BADKEY";
            case 18:
                return "BADTIME";
            case 22:
                return "BADTRUNC";
            default:
                return Integer.toString(code);
        }
    }
}
