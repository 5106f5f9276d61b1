package org.dunlin.dns.wire.dnssec.internal;

import java.io.ByteArrayOutputStream;

/** Unpadded base32 with the extended-hex alphabet (RFC 4648 §7), as NSEC3 uses it (RFC 5155 §3.3). */
public final class Base32Hex {

    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private Base32Hex() {
    }

    /** Lowercase, unpadded encoding. */
    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /**
     * Decodes either case; trailing '=' padding is tolerated.
     *
     * @throws IllegalArgumentException on a character outside the alphabet or non-zero trailing bits
     */
    public static byte[] decode(String text) {
        String t = text;
        while (t.endsWith("=")) {
            t = t.substring(0, t.length() - 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'a' && c <= 'v') {
                v = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'V') {
                v = c - 'A' + 10;
            } else {
                throw new IllegalArgumentException("invalid base32hex character '" + c + "' at " + i);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        if (bits >= 5 || (buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("invalid base32hex length or trailing bits: " + text);
        }
        return out.toByteArray();
    }
}
