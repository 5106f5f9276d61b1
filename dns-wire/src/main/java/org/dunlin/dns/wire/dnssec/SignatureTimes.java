package org.dunlin.dns.wire.dnssec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * RRSIG and SIG inception/expiration times (RFC 4034 §3.1.5): unsigned 32-bit counts of seconds since
 * 1970 that wrap every 136 years and are compared with RFC 1982 serial-number arithmetic, so a window
 * stays meaningful across the 2106 wrap. A field value denotes the instant within 2^31 seconds of
 * the reference time (RFC 4034 §3.1.5: "the closest" interpretation). Stateless.
 */
public final class SignatureTimes {

    private static final long MOD = 1L << 32;
    private static final DateTimeFormatter TEXT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Where an instant lies relative to a signature's validity window. */
    public enum Validity {
        /** inception ≤ now ≤ expiration. */
        VALID,
        /** now is before the inception. */
        NOT_YET_VALID,
        /** now is after the expiration. */
        EXPIRED,
        /** The expiration is not after the inception: the signature can never be valid. */
        EMPTY_WINDOW
    }

    private SignatureTimes() {
    }

    /** The 32-bit field value of an instant (seconds modulo 2^32). */
    public static long toField(Instant instant) {
        return Math.floorMod(instant.getEpochSecond(), MOD);
    }

    /** The instant a 32-bit field value denotes: the one within 2^31 seconds of {@code reference}. */
    public static Instant toInstant(long field, Instant reference) {
        long ref = reference.getEpochSecond();
        long delta = serialDistance(toField(reference), field & 0xffffffffL);
        return Instant.ofEpochSecond(ref + delta);
    }

    /**
     * Checks the window with RFC 1982 arithmetic: the window is valid at {@code now} if the inception
     * is not after now and the expiration is not before now (RFC 4035 §5.3.1, both inclusive).
     */
    public static Validity check(long inception, long expiration, Instant now) {
        long n = toField(now);
        long i = inception & 0xffffffffL;
        long e = expiration & 0xffffffffL;
        if (serialDistance(i, e) <= 0) {
            return Validity.EMPTY_WINDOW;
        }
        if (serialDistance(i, n) < 0) {
            return Validity.NOT_YET_VALID;
        }
        if (serialDistance(n, e) < 0) {
            return Validity.EXPIRED;
        }
        return Validity.VALID;
    }

    /**
     * The signed distance {@code to - from} in serial arithmetic, in [-2^31, 2^31): positive when
     * {@code to} is after {@code from}.
     */
    public static long serialDistance(long from, long to) {
        return (int) ((to - from) & 0xffffffffL);
    }

    /**
     * Parses the presentation form: {@code YYYYMMDDHHmmSS} in UTC, or a plain decimal field value
     * (RFC 4034 §3.2 allows both; a 14-digit number is always a date).
     *
     * @throws IllegalArgumentException if the text is neither
     */
    public static long parse(String text) {
        String t = text.trim();
        if (t.length() == 14 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return toField(LocalDateTime.parse(t, DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT))
                        .toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid signature time: " + text, e);
            }
        }
        if (!t.isEmpty() && t.length() <= 10 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long v = Long.parseLong(t);
            if (v < MOD) {
                return v;
            }
        }
        throw new IllegalArgumentException("invalid signature time: " + text);
    }

    /**
     * Parses an absolute time: {@code YYYYMMDDHHmmSS} in UTC, or decimal seconds since 1970 (no wrap).
     *
     * @throws IllegalArgumentException if the text is neither
     */
    public static Instant parseInstant(String text) {
        String t = text.trim();
        if (t.length() == 14 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid time: " + text, e);
            }
        }
        if (!t.isEmpty() && t.length() <= 12 && t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
        throw new IllegalArgumentException("invalid time: " + text);
    }

    /** An instant in the {@code YYYYMMDDHHmmSS} form (UTC). */
    public static String format(Instant instant) {
        return TEXT.format(instant);
    }
}
