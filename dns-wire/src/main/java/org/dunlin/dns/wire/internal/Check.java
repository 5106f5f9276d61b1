package org.dunlin.dns.wire.internal;

import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;

/** Argument checks for RDATA constructors: each failure is an {@link IllegalArgumentException} naming the field. */
public final class Check {
    private Check() {
    }

    public static int u8(int v, String what) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException(what + " out of range 0..255: " + v);
        }
        return v;
    }

    public static int u16(int v, String what) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(what + " out of range 0..65535: " + v);
        }
        return v;
    }

    public static long u32(long v, String what) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(what + " out of range 0..4294967295: " + v);
        }
        return v;
    }

    public static long u48(long v, String what) {
        if (v < 0 || v > 0xFFFFFFFFFFFFL) {
            throw new IllegalArgumentException(what + " out of range 0..2^48-1: " + v);
        }
        return v;
    }

    public static <T> T notNull(T v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return v;
    }

    public static Name absolute(Name n, String what) {
        notNull(n, what);
        if (!n.isAbsolute()) {
            throw new IllegalArgumentException(what + " must be an absolute name: " + n);
        }
        return n;
    }

    public static ByteString bytes(ByteString b, int min, int max, String what) {
        notNull(b, what);
        if (b.length() < min || b.length() > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + " octets, not " + b.length());
        }
        return b;
    }

    public static <T> List<T> list(List<T> l, String what) {
        notNull(l, what);
        for (T t : l) {
            notNull(t, what + " element");
        }
        return List.copyOf(l);
    }

    /**
     * The strings of a TXT-format RDATA (RFC 1035 §3.3.14): an immutable copy of one or more
     * character-strings of at most 255 octets each; {@code type} names the record type in messages.
     */
    public static List<ByteString> characterStrings(List<ByteString> strings, String type) {
        List<ByteString> copy = list(strings, type + ".strings");
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(type + " needs at least one character-string");
        }
        for (ByteString s : copy) {
            bytes(s, 0, 255, type + ".strings element");
        }
        return copy;
    }

    /**
     * {@code texts} as UTF-8 character-strings, a text longer than 255 octets split into several (as
     * RFC 7208 §3.3 allows for SPF).
     */
    public static List<ByteString> utf8CharacterStrings(String... texts) {
        List<ByteString> out = new ArrayList<>();
        for (String t : texts) {
            ByteString b = ByteString.ofUtf8(t);
            if (b.length() <= 255) {
                out.add(b);
            } else {
                for (int i = 0; i < b.length(); i += 255) {
                    out.add(b.substring(i, Math.min(b.length(), i + 255)));
                }
            }
        }
        return out;
    }
}
