package org.dunlin.dns.wire.dnssec;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dunlin.dns.wire.dnssec.internal.PrivateKeyCodec;

/**
 * The contents of a BIND {@code K<zone>+<alg>+<tag>.private} file: the algorithm, the private key,
 * and the metadata lines (timing fields such as {@code Created}, {@code Publish}, {@code Activate}),
 * kept in file order so that a read–write cycle preserves them.
 *
 * <p>Format (BIND's {@code Private-key-format: v1.3}; v1.2 and other v1.x are read too): one
 * {@code Field: value} per line; binary values are base64. See {@link PrivateKeyCodec} for each
 * algorithm's fields. Keys held in an HSM ({@code Engine}/{@code Label} without key material) are
 * rejected with a clear message.
 *
 * <p>Immutable and thread-safe (the {@link PrivateKey} objects the JDK returns are immutable).
 *
 * @param algorithm the key's algorithm
 * @param privateKey the private key
 * @param metadata the non-key fields in file order, values verbatim
 */
public record BindPrivateKey(DnssecAlgorithm algorithm, PrivateKey privateKey, Map<String, String> metadata) {

    private static final Set<String> KEY_FIELDS = Set.of("Modulus", "PublicExponent", "PrivateExponent",
            "Prime1", "Prime2", "Exponent1", "Exponent2", "Coefficient", "PrivateKey", "GostAsn1");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Copies the metadata into an unmodifiable, order-preserving map. */
    public BindPrivateKey {
        if (algorithm == null || privateKey == null || metadata == null) {
            throw new NullPointerException("algorithm, privateKey and metadata are required");
        }
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /**
     * A key with the {@code Created}, {@code Publish} and {@code Activate} fields BIND writes for a new
     * key, all set to {@code created}.
     */
    public static BindPrivateKey newKey(DnssecAlgorithm algorithm, PrivateKey privateKey, Instant created) {
        String stamp = TIMESTAMP.format(created);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Created", stamp);
        meta.put("Publish", stamp);
        meta.put("Activate", stamp);
        return new BindPrivateKey(algorithm, privateKey, meta);
    }

    /**
     * Parses a {@code .private} file.
     *
     * @param source the file name for error messages
     * @throws DnssecException with {@code source:line: message} for any syntax error, missing field,
     *         unsupported algorithm or inconsistent key
     */
    public static BindPrivateKey parse(String text, String source) {
        String[] lines = text.split("\r?\n", -1);
        DnssecAlgorithm algorithm = null;
        boolean sawFormat = false;
        Map<String, byte[]> keyFields = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new DnssecException(source + ":" + lineNo + ": expected 'Field: value'");
            }
            String field = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!sawFormat) {
                if (!field.equals("Private-key-format") || !value.startsWith("v1.")) {
                    throw new DnssecException(source + ":" + lineNo
                            + ": not a BIND private key file (expected 'Private-key-format: v1.x')");
                }
                sawFormat = true;
                continue;
            }
            if (field.equals("Algorithm")) {
                String number = value.split("\\s+")[0];
                try {
                    algorithm = DnssecAlgorithm.of(Integer.parseInt(number));
                } catch (IllegalArgumentException e) {
                    throw new DnssecException(source + ":" + lineNo + ": bad algorithm '" + value + "'");
                }
            } else if (KEY_FIELDS.contains(field)) {
                try {
                    keyFields.put(field, Base64.getDecoder().decode(value.replace(" ", "")));
                } catch (IllegalArgumentException e) {
                    throw new DnssecException(source + ":" + lineNo + ": field " + field + " is not base64");
                }
            } else if (field.equals("Engine") || field.equals("Label")) {
                throw new DnssecException(source + ":" + lineNo
                        + ": keys held in an HSM (Engine/Label) are not supported");
            } else {
                meta.put(field, value);
            }
        }
        if (!sawFormat) {
            throw new DnssecException(source + ": empty file, expected 'Private-key-format: v1.x'");
        }
        if (algorithm == null) {
            throw new DnssecException(source + ": missing 'Algorithm' line");
        }
        try {
            return new BindPrivateKey(algorithm, PrivateKeyCodec.fromFields(algorithm, keyFields), meta);
        } catch (DnssecException e) {
            throw new DnssecException(source + ": " + e.getMessage(), e);
        }
    }

    /** The file text BIND would write: format v1.3, algorithm, key fields, metadata; LF line ends. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("Private-key-format: v1.3\n");
        out.append("Algorithm: ").append(algorithm.code()).append(" (").append(bindMnemonic(algorithm))
                .append(")\n");
        for (Map.Entry<String, byte[]> e : PrivateKeyCodec.toFields(algorithm, privateKey).entrySet()) {
            out.append(e.getKey()).append(": ").append(Base64.getEncoder().encodeToString(e.getValue()))
                    .append('\n');
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            out.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        return out.toString();
    }

    /** BIND's spelling of algorithm names in key files (it differs from IANA's for 7 and 12). */
    static String bindMnemonic(DnssecAlgorithm algorithm) {
        switch (algorithm.code()) {
            case 6:
                return "NSEC3DSA";
            case 7:
                return "NSEC3RSASHA1";
            case 12:
                return "ECCGOST";
            default:
                return algorithm.mnemonic();
        }
    }

    @Override
    public String toString() {
        // Never print key material.
        return "BindPrivateKey[" + algorithm + ", " + metadata + "]";
    }
}
