package org.dunlin.dns.wire.internal;

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
}
