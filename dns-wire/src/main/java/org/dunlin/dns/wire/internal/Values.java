package org.dunlin.dns.wire.internal;

/**
 * The decoded or parsed values of one RDATA, slot by slot in field order, before the record is built:
 * numbers in {@code long} slots (no boxing), everything else in object slots. Reused across records.
 */
public final class Values {
    static final int MAX_SLOTS = 9; // RRSIG and SIG have nine fields, the most of any type
    private final long[] longs = new long[MAX_SLOTS];
    private final Object[] objects = new Object[MAX_SLOTS];

    public void set(int slot, long v) {
        longs[slot] = v;
    }

    public void set(int slot, Object v) {
        objects[slot] = v;
    }

    /** Slot as int (for u8/u16 fields). */
    public int i(int slot) {
        return (int) longs[slot];
    }

    /** Slot as long (for u32/u48/u64 fields). */
    public long l(int slot) {
        return longs[slot];
    }

    /** Slot as an object of the type the constructor parameter expects. */
    @SuppressWarnings("unchecked")
    public <T> T o(int slot) {
        return (T) objects[slot];
    }
}
