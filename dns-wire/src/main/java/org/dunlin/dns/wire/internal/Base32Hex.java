package org.dunlin.dns.wire.internal;

import org.dunlin.dns.wire.ByteString;

/**
 * Base32 with the extended-hex alphabet (RFC 4648 §7), unpadded, as NSEC3 uses it (RFC 5155 §3.3): the
 * one codec behind NSEC3 owner labels, the presentation form of the next hashed owner name and the
 * authoritative server's NSEC3 chain. Decoding accepts either case and only a canonical encoding: every
 * character in the alphabet, a length RFC 4648 §6 allows (a final quantum of 2, 4, 5 or 7 characters),
 * and zero in the bits of the last character that carry no octet.
 */
public final class Base32Hex {
    private static final char[] LOWER = "0123456789abcdefghijklmnopqrstuv".toCharArray();
    private static final char[] UPPER = "0123456789ABCDEFGHIJKLMNOPQRSTUV".toCharArray();

    private Base32Hex() {
    }

    /** Lower case, unpadded: the form of an NSEC3 owner label. */
    public static String encode(byte[] data) {
        return encode(data, LOWER);
    }

    /** Upper case, unpadded, as BIND prints the NSEC3 next hashed owner name. */
    public static String encodeUpper(ByteString data) {
        return encode(data.toByteArray(), UPPER);
    }

    private static String encode(byte[] data, char[] alphabet) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = buffer << 8 | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /**
     * Decodes {@code text}, tolerating trailing '=' padding.
     *
     * @throws IllegalArgumentException on a character outside the alphabet, a bad length or non-zero
     *     trailing bits
     */
    public static byte[] decode(String text) {
        byte[] out = tryDecode(text);
        if (out == null) {
            int end = unpaddedLength(text);
            for (int i = 0; i < end; i++) {
                char c = text.charAt(i);
                if (value(c) < 0) {
                    throw new IllegalArgumentException("invalid base32hex character '" + c + "' at " + i);
                }
            }
            throw new IllegalArgumentException("invalid base32hex length or trailing bits: " + text);
        }
        return out;
    }

    /** Like {@link #decode(String)}, but null where that throws. */
    public static byte[] tryDecode(String text) {
        int end = unpaddedLength(text);
        byte[] octets = new byte[end];
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            octets[i] = (byte) (c < 0x80 ? c : '?'); // the alphabet is ASCII: '?' keeps a non-ASCII one out
        }
        return tryDecode(octets, 0, end);
    }

    /** Decodes the {@code len} ASCII octets at {@code off} (no padding); null if they are not base32hex. */
    public static byte[] tryDecode(byte[] b, int off, int len) {
        int rem = len % 8;
        if (rem == 1 || rem == 3 || rem == 6) {
            return null;
        }
        byte[] out = new byte[len * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int o = 0;
        for (int i = 0; i < len; i++) {
            int v = value(b[off + i] & 0xFF);
            if (v < 0) {
                return null;
            }
            buffer = buffer << 5 | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >>> bits);
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            return null; // non-zero padding bits: not the canonical encoding
        }
        return out;
    }

    private static int unpaddedLength(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        return end;
    }

    /** The value of base32hex digit {@code c} in either case, or -1. */
    private static int value(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'v') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'V') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
