package org.dunlin.dns.wire.rdata;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.dunlin.dns.wire.RRType;

/**
 * The set of RR types of an NSEC, NSEC3 or CSYNC record (RFC 4034 §4.1.2): immutable, ordered by type
 * value, printed as mnemonics separated by spaces (RFC 3597 form for unknown types).
 */
public final class TypeBitmap {
    /** The empty set. */
    public static final TypeBitmap EMPTY = new TypeBitmap(new int[0]);

    private final int[] types; // sorted, unique, 0..65535

    private TypeBitmap(int[] types) {
        this.types = types;
    }

    /** The set of {@code types} (duplicates ignored). */
    public static TypeBitmap of(RRType... types) {
        int[] v = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            v[i] = types[i].value();
        }
        return ofValues(v);
    }

    /** The set of {@code types} (duplicates ignored). */
    public static TypeBitmap of(Collection<RRType> types) {
        return of(types.toArray(new RRType[0]));
    }

    /** The set of the given type values (each 0..65535; duplicates ignored). */
    public static TypeBitmap ofValues(int... values) {
        int[] v = values.clone();
        Arrays.sort(v);
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] > 0xFFFF) {
                throw new IllegalArgumentException("type out of range: " + v[i]);
            }
            if (n == 0 || v[n - 1] != v[i]) {
                v[n++] = v[i];
            }
        }
        return n == 0 ? EMPTY : new TypeBitmap(n == v.length ? v : Arrays.copyOf(v, n));
    }

    /** Whether {@code type} is in the set. */
    public boolean contains(RRType type) {
        return Arrays.binarySearch(types, type.value()) >= 0;
    }

    /** The types in increasing order. */
    public List<RRType> types() {
        return new AbstractList<>() {
            @Override
            public RRType get(int index) {
                return RRType.of(types[index]);
            }

            @Override
            public int size() {
                return types.length;
            }
        };
    }

    /** The type values in increasing order (a copy). */
    public int[] values() {
        return types.clone();
    }

    /** The number of types. */
    public int size() {
        return types.length;
    }

    /** Whether the set is empty. */
    public boolean isEmpty() {
        return types.length == 0;
    }

    /** A set with {@code type} added. */
    public TypeBitmap with(RRType type) {
        if (contains(type)) {
            return this;
        }
        int[] v = Arrays.copyOf(types, types.length + 1);
        v[types.length] = type.value();
        return ofValues(v);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TypeBitmap t && Arrays.equals(types, t.types);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(types);
    }

    /** The mnemonics separated by single spaces, as in presentation format. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int t : types) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(RRType.of(t));
        }
        return sb.toString();
    }
}
