package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;

/** Small octet-string helpers shared by the algorithm suites. */
public final class Bytes {

    private Bytes() {
    }

    /** The minimal big-endian unsigned encoding of a non-negative integer (at least one octet). */
    public static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    /**
     * The big-endian unsigned encoding of {@code value} left-padded to exactly {@code length} octets.
     *
     * @throws IllegalArgumentException if the value does not fit
     */
    public static byte[] fixed(BigInteger value, int length) {
        byte[] minimal = unsigned(value);
        if (minimal.length > length) {
            throw new IllegalArgumentException("integer needs " + minimal.length + " octets, field has " + length);
        }
        byte[] out = new byte[length];
        System.arraycopy(minimal, 0, out, length - minimal.length, minimal.length);
        return out;
    }

    /** A reversed copy (little-endian ↔ big-endian). */
    public static byte[] reversed(byte[] in, int offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = in[offset + length - 1 - i];
        }
        return out;
    }

    /** The concatenation of the arrays. */
    public static byte[] concat(byte[]... parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] out = new byte[total];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    /** True if {@code data} starts with {@code prefix}. */
    public static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
