package org.dunlin.dns.wire.dnssec;

import java.util.Locale;

/**
 * A DS digest type (IANA "Delegation Signer (DS) Resource Record Digest Algorithms"): 1 SHA-1
 * (RFC 4034 §5.1.3), 2 SHA-256 (RFC 4509), 3 GOST R 34.11-94 (RFC 5933 §4), 4 SHA-384 (RFC 6605).
 *
 * <p>An open value type: every 8-bit code is representable. Immutable and thread-safe.
 *
 * @param code the digest type, 0–255
 */
public record DsDigestType(int code) {

    /** SHA-1, 20 octets. */
    public static final DsDigestType SHA1 = new DsDigestType(1);
    /** SHA-256, 32 octets. */
    public static final DsDigestType SHA256 = new DsDigestType(2);
    /** GOST R 34.11-94 with the CryptoPro parameters, 32 octets; needs Bouncy Castle at run time. */
    public static final DsDigestType GOST94 = new DsDigestType(3);
    /** SHA-384, 48 octets. */
    public static final DsDigestType SHA384 = new DsDigestType(4);

    /** @throws IllegalArgumentException if {@code code} is not 0–255 */
    public DsDigestType {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("DS digest type out of range 0-255: " + code);
        }
    }

    /** The digest type with this number. */
    public static DsDigestType of(int code) {
        return new DsDigestType(code);
    }

    /**
     * Parses {@code SHA-1}, {@code SHA1}, {@code SHA-256}, {@code SHA256}, {@code GOST},
     * {@code SHA-384}, {@code SHA384} (case-insensitive) or a decimal number.
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static DsDigestType parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace("-", "");
        switch (t) {
            case "SHA1":
                return SHA1;
            case "SHA256":
                return SHA256;
            case "GOST":
            case "GOST94":
                return GOST94;
            case "SHA384":
                return SHA384;
            default:
                if (!t.isEmpty() && t.length() <= 3 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return of(Integer.parseInt(t));
                }
                throw new IllegalArgumentException("unknown DS digest type: " + text);
        }
    }

    /** The digest length in octets for the known types, or -1. */
    public int digestLength() {
        switch (code) {
            case 1:
                return 20;
            case 2:
            case 3:
                return 32;
            case 4:
                return 48;
            default:
                return -1;
        }
    }

    /** {@code SHA-1}, {@code SHA-256}, {@code GOST}, {@code SHA-384}, or the number. */
    @Override
    public String toString() {
        switch (code) {
            case 1:
                return "SHA-1";
            case 2:
                return "SHA-256";
            case 3:
                return "GOST";
            case 4:
                return "SHA-384";
            default:
                return Integer.toString(code);
        }
    }
}
