package org.dunlin.dns.wire.dnssec.internal;

import java.util.Arrays;

/** A growable big-endian byte buffer for building signed data. Not thread-safe. */
public final class Buf {

    private byte[] data;
    private int size;

    /** A buffer with the given initial capacity. */
    public Buf(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }

    /** Appends one octet. */
    public Buf u8(int v) {
        ensure(1);
        data[size++] = (byte) v;
        return this;
    }

    /** Appends a 16-bit value. */
    public Buf u16(int v) {
        ensure(2);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
        return this;
    }

    /** Appends a 32-bit value. */
    public Buf u32(long v) {
        ensure(4);
        data[size++] = (byte) (v >>> 24);
        data[size++] = (byte) (v >>> 16);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
        return this;
    }

    /** Appends a 48-bit value. */
    public Buf u48(long v) {
        u16((int) (v >>> 32));
        return u32(v & 0xffffffffL);
    }

    /** Appends octets. */
    public Buf bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** Appends part of an array. */
    public Buf bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, data, size, len);
        size += len;
        return this;
    }

    /** Number of octets written. */
    public int size() {
        return size;
    }

    /** The octets written, as a new array. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }
}
