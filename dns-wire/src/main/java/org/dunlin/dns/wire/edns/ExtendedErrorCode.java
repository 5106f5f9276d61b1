package org.dunlin.dns.wire.edns;

import org.dunlin.dns.wire.internal.CodeTable;

/**
 * An extended DNS error INFO-CODE (RFC 8914 §4 and §5.2): any 16-bit value, with the registered
 * purposes as names. Immutable, compared by value.
 */
public final class ExtendedErrorCode implements Comparable<ExtendedErrorCode> {
    private static final CodeTable<ExtendedErrorCode> TABLE = new CodeTable<>(64, v -> new ExtendedErrorCode(v, null));

    private final int value;
    private final String purpose;

    private ExtendedErrorCode(int value, String purpose) {
        this.value = value;
        this.purpose = purpose;
    }

    private static ExtendedErrorCode named(int value, String purpose) {
        return TABLE.add(value, new ExtendedErrorCode(value, purpose), purpose);
    }

    public static final ExtendedErrorCode OTHER = named(0, "Other Error");
    public static final ExtendedErrorCode UNSUPPORTED_DNSKEY_ALGORITHM = named(1, "Unsupported DNSKEY Algorithm");
    public static final ExtendedErrorCode UNSUPPORTED_DS_DIGEST_TYPE = named(2, "Unsupported DS Digest Type");
    public static final ExtendedErrorCode STALE_ANSWER = named(3, "Stale Answer");
    public static final ExtendedErrorCode FORGED_ANSWER = named(4, "Forged Answer");
    public static final ExtendedErrorCode DNSSEC_INDETERMINATE = named(5, "DNSSEC Indeterminate");
    public static final ExtendedErrorCode DNSSEC_BOGUS = named(6, "DNSSEC Bogus");
    public static final ExtendedErrorCode SIGNATURE_EXPIRED = named(7, "Signature Expired");
    public static final ExtendedErrorCode SIGNATURE_NOT_YET_VALID = named(8, "Signature Not Yet Valid");
    public static final ExtendedErrorCode DNSKEY_MISSING = named(9, "DNSKEY Missing");
    public static final ExtendedErrorCode RRSIGS_MISSING = named(10, "RRSIGs Missing");
    public static final ExtendedErrorCode NO_ZONE_KEY_BIT_SET = named(11, "No Zone Key Bit Set");
    public static final ExtendedErrorCode NSEC_MISSING = named(12, "NSEC Missing");
    public static final ExtendedErrorCode CACHED_ERROR = named(13, "Cached Error");
    public static final ExtendedErrorCode NOT_READY = named(14, "Not Ready");
    public static final ExtendedErrorCode BLOCKED = named(15, "Blocked");
    public static final ExtendedErrorCode CENSORED = named(16, "Censored");
    public static final ExtendedErrorCode FILTERED = named(17, "Filtered");
    public static final ExtendedErrorCode PROHIBITED = named(18, "Prohibited");
    public static final ExtendedErrorCode STALE_NXDOMAIN_ANSWER = named(19, "Stale NXDomain Answer");
    public static final ExtendedErrorCode NOT_AUTHORITATIVE = named(20, "Not Authoritative");
    public static final ExtendedErrorCode NOT_SUPPORTED = named(21, "Not Supported");
    public static final ExtendedErrorCode NO_REACHABLE_AUTHORITY = named(22, "No Reachable Authority");
    public static final ExtendedErrorCode NETWORK_ERROR = named(23, "Network Error");
    public static final ExtendedErrorCode INVALID_DATA = named(24, "Invalid Data");
    public static final ExtendedErrorCode SIGNATURE_EXPIRED_BEFORE_VALID = named(25, "Signature Expired before Valid");
    public static final ExtendedErrorCode TOO_EARLY = named(26, "Too Early");
    public static final ExtendedErrorCode UNSUPPORTED_NSEC3_ITERATIONS = named(27, "Unsupported NSEC3 Iterations Value");
    public static final ExtendedErrorCode UNABLE_TO_CONFORM_TO_POLICY = named(28, "Unable to conform to policy");
    public static final ExtendedErrorCode SYNTHESIZED = named(29, "Synthesized");
    public static final ExtendedErrorCode INVALID_QUERY_TYPE = named(30, "Invalid Query Type");

    /** The code with this value. */
    public static ExtendedErrorCode of(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("INFO-CODE out of range: " + value);
        }
        return TABLE.of(value);
    }

    /** The 16-bit value. */
    public int value() {
        return value;
    }

    /** The registered purpose (e.g. "Prohibited"), or null for an unregistered code. */
    public String purpose() {
        return purpose;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ExtendedErrorCode c && c.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(ExtendedErrorCode o) {
        return Integer.compare(value, o.value);
    }

    /** As dig prints it: {@code 18 (Prohibited)}, or just the number when unregistered. */
    @Override
    public String toString() {
        return purpose != null ? value + " (" + purpose + ")" : Integer.toString(value);
    }
}
