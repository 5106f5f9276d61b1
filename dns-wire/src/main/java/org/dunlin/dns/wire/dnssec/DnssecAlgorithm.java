package org.dunlin.dns.wire.dnssec;

import java.util.Locale;
import java.util.Map;

/**
 * A DNSSEC algorithm number, the 8-bit value of the Algorithm field of DNSKEY, RRSIG, DS, KEY and SIG
 * records (IANA "DNS Security Algorithm Numbers", RFC 4034 Appendix A.1, RFC 8624).
 *
 * <p>An open value type: every code 0–255 is representable and round-trips; the known ones have
 * constants and mnemonics. Whether this runtime can sign or verify with an algorithm is answered by
 * {@link DnssecCrypto#isSupported(DnssecAlgorithm)}, not by this type. Immutable and thread-safe.
 *
 * @param code the algorithm number, 0–255
 */
public record DnssecAlgorithm(int code) implements Comparable<DnssecAlgorithm> {

    /** RSA/MD5 (RFC 3110, deprecated by RFC 6725); key tags use the Appendix B.1 rule. */
    public static final DnssecAlgorithm RSAMD5 = new DnssecAlgorithm(1);
    /** DSA/SHA-1 (RFC 2536). */
    public static final DnssecAlgorithm DSA = new DnssecAlgorithm(3);
    /** RSA/SHA-1 (RFC 3110). */
    public static final DnssecAlgorithm RSASHA1 = new DnssecAlgorithm(5);
    /** DSA/SHA-1 alias for NSEC3 zones (RFC 5155 §2). */
    public static final DnssecAlgorithm DSA_NSEC3_SHA1 = new DnssecAlgorithm(6);
    /** RSA/SHA-1 alias for NSEC3 zones (RFC 5155 §2). */
    public static final DnssecAlgorithm RSASHA1_NSEC3_SHA1 = new DnssecAlgorithm(7);
    /** RSA/SHA-256 (RFC 5702). */
    public static final DnssecAlgorithm RSASHA256 = new DnssecAlgorithm(8);
    /** RSA/SHA-512 (RFC 5702). */
    public static final DnssecAlgorithm RSASHA512 = new DnssecAlgorithm(10);
    /** GOST R 34.10-2001 (RFC 5933); needs Bouncy Castle at run time. */
    public static final DnssecAlgorithm ECC_GOST = new DnssecAlgorithm(12);
    /** ECDSA on P-256 with SHA-256 (RFC 6605). */
    public static final DnssecAlgorithm ECDSAP256SHA256 = new DnssecAlgorithm(13);
    /** ECDSA on P-384 with SHA-384 (RFC 6605). */
    public static final DnssecAlgorithm ECDSAP384SHA384 = new DnssecAlgorithm(14);
    /** Ed25519 (RFC 8080). */
    public static final DnssecAlgorithm ED25519 = new DnssecAlgorithm(15);
    /** Ed448 (RFC 8080). */
    public static final DnssecAlgorithm ED448 = new DnssecAlgorithm(16);
    /** Indirect keys (RFC 4034 A.1); never a signing algorithm. */
    public static final DnssecAlgorithm INDIRECT = new DnssecAlgorithm(252);
    /** Private algorithm identified by a domain name (RFC 4034 A.1.1). */
    public static final DnssecAlgorithm PRIVATEDNS = new DnssecAlgorithm(253);
    /** Private algorithm identified by an OID (RFC 4034 A.1.1). */
    public static final DnssecAlgorithm PRIVATEOID = new DnssecAlgorithm(254);

    private static final Map<Integer, String> MNEMONICS = Map.ofEntries(
            Map.entry(1, "RSAMD5"), Map.entry(2, "DH"), Map.entry(3, "DSA"),
            Map.entry(5, "RSASHA1"), Map.entry(6, "DSA-NSEC3-SHA1"),
            Map.entry(7, "RSASHA1-NSEC3-SHA1"), Map.entry(8, "RSASHA256"),
            Map.entry(10, "RSASHA512"), Map.entry(12, "ECC-GOST"),
            Map.entry(13, "ECDSAP256SHA256"), Map.entry(14, "ECDSAP384SHA384"),
            Map.entry(15, "ED25519"), Map.entry(16, "ED448"), Map.entry(252, "INDIRECT"),
            Map.entry(253, "PRIVATEDNS"), Map.entry(254, "PRIVATEOID"));

    /** Spellings accepted by {@link #parse} besides the mnemonics (BIND's and ldns's variants). */
    private static final Map<String, Integer> ALIASES = Map.of(
            "ECCGOST", 12, "NSEC3DSA", 6, "NSEC3RSASHA1", 7, "DSA-NSEC3", 6,
            "RSASHA1NSEC3SHA1", 7, "DSANSEC3SHA1", 6, "ECDSA256", 13, "ECDSA384", 14);

    /** @throws IllegalArgumentException if {@code code} is not 0–255 */
    public DnssecAlgorithm {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("DNSSEC algorithm out of range 0-255: " + code);
        }
    }

    /** The algorithm with this number. */
    public static DnssecAlgorithm of(int code) {
        return new DnssecAlgorithm(code);
    }

    /**
     * Parses a mnemonic ({@code RSASHA256}, {@code ECDSAP256SHA256}, {@code ED25519}, case-insensitive,
     * with BIND's aliases such as {@code ECCGOST} and {@code NSEC3RSASHA1}) or a decimal number.
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static DnssecAlgorithm parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (!upper.isEmpty() && upper.chars().allMatch(c -> c >= '0' && c <= '9') && upper.length() <= 3) {
            return of(Integer.parseInt(upper));
        }
        for (Map.Entry<Integer, String> e : MNEMONICS.entrySet()) {
            if (e.getValue().equals(upper)) {
                return of(e.getKey());
            }
        }
        Integer alias = ALIASES.get(upper);
        if (alias != null) {
            return of(alias);
        }
        throw new IllegalArgumentException("unknown DNSSEC algorithm: " + text);
    }

    /** The IANA mnemonic, or the decimal number for an unassigned code. */
    public String mnemonic() {
        String m = MNEMONICS.get(code);
        return m != null ? m : Integer.toString(code);
    }

    /** True for the RSA family (1, 5, 7, 8, 10), whose keys follow RFC 3110. */
    public boolean isRsa() {
        return code == 1 || code == 5 || code == 7 || code == 8 || code == 10;
    }

    @Override
    public int compareTo(DnssecAlgorithm other) {
        return Integer.compare(code, other.code);
    }

    /** The mnemonic, as BIND prints it in comments; presentation format uses {@link #code()}. */
    @Override
    public String toString() {
        return mnemonic();
    }
}
