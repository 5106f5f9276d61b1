package org.dunlin.dns.wire.tsig;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dunlin.dns.wire.Name;

/**
 * A TSIG MAC algorithm (RFC 8945 §6, RFC 4635): its algorithm name as it appears in the TSIG RDATA,
 * the JCA {@code Mac} name, and the full output length. HMAC-MD5 is kept for interoperability only
 * (RFC 8945 §6 marks it deprecated for new use). Immutable and thread-safe.
 *
 * @param name the absolute, lowercase algorithm name, e.g. {@code hmac-sha256.}
 * @param jcaName the {@link javax.crypto.Mac} algorithm, e.g. {@code HmacSHA256}
 * @param outputLength the full HMAC output in octets
 */
public record TsigAlgorithm(String name, String jcaName, int outputLength) {

    /** HMAC-MD5 (RFC 2845), name {@code hmac-md5.sig-alg.reg.int.}. */
    public static final TsigAlgorithm HMAC_MD5 = new TsigAlgorithm("hmac-md5.sig-alg.reg.int.", "HmacMD5", 16);
    /** HMAC-SHA1 (RFC 4635). */
    public static final TsigAlgorithm HMAC_SHA1 = new TsigAlgorithm("hmac-sha1.", "HmacSHA1", 20);
    /** HMAC-SHA224 (RFC 4635). */
    public static final TsigAlgorithm HMAC_SHA224 = new TsigAlgorithm("hmac-sha224.", "HmacSHA224", 28);
    /** HMAC-SHA256 (RFC 4635), mandatory to implement (RFC 8945 §6). */
    public static final TsigAlgorithm HMAC_SHA256 = new TsigAlgorithm("hmac-sha256.", "HmacSHA256", 32);
    /** HMAC-SHA384 (RFC 4635). */
    public static final TsigAlgorithm HMAC_SHA384 = new TsigAlgorithm("hmac-sha384.", "HmacSHA384", 48);
    /** HMAC-SHA512 (RFC 4635). */
    public static final TsigAlgorithm HMAC_SHA512 = new TsigAlgorithm("hmac-sha512.", "HmacSHA512", 64);

    /** Every supported algorithm, strongest last. */
    public static final List<TsigAlgorithm> ALL =
            List.of(HMAC_MD5, HMAC_SHA1, HMAC_SHA224, HMAC_SHA256, HMAC_SHA384, HMAC_SHA512);

    /** The algorithm name as a domain name, as it appears in the TSIG RDATA. */
    public Name algorithmName() {
        return Name.of(name);
    }

    /** The minimum MAC length any receiver accepts: max(10, half the output), RFC 4635 §3.1 case 4. */
    public int minimumMacLength() {
        return Math.max(10, (outputLength + 1) / 2);
    }

    /**
     * Finds an algorithm by name, case-insensitively, with or without the trailing dot; also accepts
     * BIND's short {@code hmac-md5}.
     */
    public static Optional<TsigAlgorithm> forName(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.endsWith(".")) {
            t = t + ".";
        }
        if (t.equals("hmac-md5.")) {
            return Optional.of(HMAC_MD5);
        }
        for (TsigAlgorithm a : ALL) {
            if (a.name.equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The name BIND uses in {@code key} statements: without the trailing dot, {@code hmac-md5} for MD5. */
    public String bindName() {
        return this == HMAC_MD5 || this.equals(HMAC_MD5) ? "hmac-md5" : name.substring(0, name.length() - 1);
    }

    @Override
    public String toString() {
        return bindName();
    }
}
