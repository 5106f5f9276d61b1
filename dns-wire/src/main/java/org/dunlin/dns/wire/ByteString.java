package org.dunlin.dns.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable sequence of bytes with value semantics: RDATA fields such as keys, digests, salts and
 * character-strings are held as {@code ByteString}s so that the records holding them have a correct
 * {@code equals} and {@code hashCode}.
 *
 * <p>Instances are immutable and thread-safe. Every factory copies its input and every accessor that
 * returns an array returns a copy.
 */
public final class ByteString implements Comparable<ByteString> {
    /** The empty byte string. */
    public static final ByteString EMPTY = new ByteString(new byte[0]);

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();

    private final byte[] bytes;
    private int hash; // cached; 0 means not yet computed (benign race, as in String)

    private ByteString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A byte string holding a copy of {@code bytes}. */
    public static ByteString of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
    }

    /** A byte string holding a copy of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static ByteString copyOf(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return EMPTY;
        }
        return new ByteString(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    /** The ISO-8859-1 bytes of {@code text}: each char below 256 becomes one byte. */
    public static ByteString ofLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("not an ISO-8859-1 string: " + text);
            }
        }
        return text.isEmpty() ? EMPTY : new ByteString(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The UTF-8 bytes of {@code text}. */
    public static ByteString ofUtf8(String text) {
        return text.isEmpty() ? EMPTY : new ByteString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes hexadecimal digits (either case, no separators). */
    public static ByteString fromHex(String hex) {
        if ((hex.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit in: " + hex);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out.length == 0 ? EMPTY : new ByteString(out);
    }

    /** Decodes standard base64 (RFC 4648 §4, with padding). */
    public static ByteString fromBase64(String base64) {
        byte[] out = Base64.getDecoder().decode(base64);
        return out.length == 0 ? EMPTY : new ByteString(out);
    }

    /** The number of bytes. */
    public int length() {
        return bytes.length;
    }

    /** Whether there are no bytes. */
    public boolean isEmpty() {
        return bytes.length == 0;
    }

    /** The byte at {@code index} as an unsigned value 0..255. */
    public int get(int index) {
        return bytes[index] & 0xFF;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies all bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    /** Puts all bytes into {@code target} at its position, advancing it. */
    public void writeTo(ByteBuffer target) {
        target.put(bytes);
    }

    /** A byte string of the bytes from {@code from} (inclusive) to {@code to} (exclusive). */
    public ByteString substring(int from, int to) {
        if (from == 0 && to == bytes.length) {
            return this;
        }
        return copyOf(bytes, from, to - from);
    }

    /** Upper-case hexadecimal, as BIND prints digests. */
    public String toHex() {
        return hex(HEX_UPPER);
    }

    /** Lower-case hexadecimal. */
    public String toHexLower() {
        return hex(HEX_LOWER);
    }

    private String hex(char[] digits) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = digits[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Standard base64 with padding (RFC 4648 §4). */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String toUtf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The bytes decoded as ISO-8859-1: one char per byte, lossless. */
    public String toLatin1() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ByteString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    /** Unsigned lexicographic order; a proper prefix sorts first. */
    @Override
    public int compareTo(ByteString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** Hexadecimal, for debugging. */
    @Override
    public String toString() {
        return "[" + bytes.length + " bytes " + (bytes.length <= 64 ? toHexLower() : toHexLower().substring(0, 128) + "…") + "]";
    }
}
