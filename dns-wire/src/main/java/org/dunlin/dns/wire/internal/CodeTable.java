package org.dunlin.dns.wire.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The registry behind an open protocol-number type ({@code RRType}, {@code RRClass}, ...): the named
 * constants by value and by mnemonic. Built once in a static initializer and never modified after.
 *
 * @param <T> the value type
 */
public final class CodeTable<T> {
    private final Object[] small; // values 0..small.length-1
    private final Map<Integer, T> large = new HashMap<>();
    private final Map<String, T> byName = new HashMap<>();
    private final IntFunction<T> factory;

    /** A table for values whose common range is below {@code smallLimit}; {@code factory} makes unnamed values. */
    public CodeTable(int smallLimit, IntFunction<T> factory) {
        this.small = new Object[smallLimit];
        this.factory = factory;
    }

    /** Registers a named constant (the first name registered for a value is its canonical one). */
    public T add(int value, T constant, String... names) {
        if (value < small.length) {
            if (small[value] == null) {
                small[value] = constant;
            }
        } else {
            large.putIfAbsent(value, constant);
        }
        for (String n : names) {
            byName.put(n.toUpperCase(Locale.ROOT), constant);
        }
        return constant;
    }

    /** The named constant for {@code value}, or a new unnamed instance. */
    @SuppressWarnings("unchecked")
    public T of(int value) {
        if (value >= 0 && value < small.length) {
            Object o = small[value];
            if (o != null) {
                return (T) o;
            }
        } else {
            T t = large.get(value);
            if (t != null) {
                return t;
            }
        }
        return factory.apply(value);
    }

    /** Whether {@code value} has a named constant. */
    public boolean isKnown(int value) {
        return value >= 0 && value < small.length ? small[value] != null : large.containsKey(value);
    }

    /** The constant named {@code mnemonic} (case-insensitive), or null. */
    public T byName(String mnemonic) {
        return byName.get(mnemonic.toUpperCase(Locale.ROOT));
    }

    /**
     * The constant named {@code text} (any case), or else the value written as {@code numberPrefix}
     * (any case) followed by decimal digits 0..65535, the RFC 3597 §5 form of a type or class without a
     * mnemonic ({@code TYPE65280}, {@code CLASS32}); null if it is neither.
     */
    public T parse(String text, String numberPrefix) {
        T named = byName(text);
        if (named != null) {
            return named;
        }
        if (text.regionMatches(true, 0, numberPrefix, 0, numberPrefix.length())) {
            int v = parseDecimal(text, numberPrefix.length(), 0xFFFF);
            return v < 0 ? null : of(v);
        }
        return null;
    }

    /** Parses decimal digits from {@code start} to the end of {@code text}; -1 if not digits or above max. */
    public static int parseDecimal(String text, int start, int max) {
        if (start >= text.length() || text.length() - start > 10) {
            return -1;
        }
        long v = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > max ? -1 : (int) v;
    }
}
