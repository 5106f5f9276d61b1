package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Converts ECDSA signatures between DNSSEC's fixed-width {@code r || s} form (RFC 6605 §4: each
 * integer big-endian in exactly as many octets as the field) and the ASN.1 DER form the JCA uses:
 * <pre>
 *   SEQUENCE { r INTEGER, s INTEGER }
 * </pre>
 * The DER reader is strict (definite minimal lengths, no trailing data, positive integers) because
 * its input comes from providers and, in tests, from peers.
 */
public final class EcdsaSignatures {

    private EcdsaSignatures() {
    }

    /** DER encoding of a raw {@code r || s} signature of two equal halves. */
    public static byte[] rawToDer(byte[] raw) {
        if (raw.length == 0 || raw.length % 2 != 0) {
            throw new IllegalArgumentException("raw ECDSA signature must have two equal halves, got "
                    + raw.length + " octets");
        }
        int half = raw.length / 2;
        byte[] r = derInteger(raw, 0, half);
        byte[] s = derInteger(raw, half, half);
        int contentLength = r.length + s.length;
        byte[] lengthBytes = derLength(contentLength);
        byte[] out = new byte[1 + lengthBytes.length + contentLength];
        out[0] = 0x30;
        System.arraycopy(lengthBytes, 0, out, 1, lengthBytes.length);
        System.arraycopy(r, 0, out, 1 + lengthBytes.length, r.length);
        System.arraycopy(s, 0, out, 1 + lengthBytes.length + r.length, s.length);
        return out;
    }

    /**
     * Raw {@code r || s} form, each half {@code fieldLength} octets.
     *
     * @throws IllegalArgumentException if {@code der} is not a well-formed signature or an integer
     *         does not fit the field
     */
    public static byte[] derToRaw(byte[] der, int fieldLength) {
        int[] pos = {0};
        if (der.length < 2 || der[0] != 0x30) {
            throw new IllegalArgumentException("ECDSA DER signature must start with a SEQUENCE");
        }
        pos[0] = 1;
        int seqLength = readLength(der, pos);
        if (pos[0] + seqLength != der.length) {
            throw new IllegalArgumentException("ECDSA DER signature: SEQUENCE length " + seqLength
                    + " does not match " + (der.length - pos[0]) + " remaining octets");
        }
        BigInteger r = readInteger(der, pos);
        BigInteger s = readInteger(der, pos);
        if (pos[0] != der.length) {
            throw new IllegalArgumentException("ECDSA DER signature: trailing octets");
        }
        byte[] out = new byte[2 * fieldLength];
        System.arraycopy(Bytes.fixed(r, fieldLength), 0, out, 0, fieldLength);
        System.arraycopy(Bytes.fixed(s, fieldLength), 0, out, fieldLength, fieldLength);
        return out;
    }

    private static byte[] derInteger(byte[] raw, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end - 1 && raw[start] == 0) {
            start++;
        }
        boolean pad = (raw[start] & 0x80) != 0;
        int valueLength = end - start + (pad ? 1 : 0);
        byte[] lengthBytes = derLength(valueLength);
        byte[] out = new byte[1 + lengthBytes.length + valueLength];
        out[0] = 0x02;
        System.arraycopy(lengthBytes, 0, out, 1, lengthBytes.length);
        System.arraycopy(raw, start, out, 1 + lengthBytes.length + (pad ? 1 : 0), end - start);
        return out;
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >>> 8), (byte) length};
    }

    private static int readLength(byte[] der, int[] pos) {
        if (pos[0] >= der.length) {
            throw new IllegalArgumentException("ECDSA DER signature: truncated length");
        }
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 2 || pos[0] + count > der.length) {
            throw new IllegalArgumentException("ECDSA DER signature: bad length encoding");
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (der[pos[0]++] & 0xff);
        }
        if (length < 0x80 || (count == 2 && length < 0x100)) {
            throw new IllegalArgumentException("ECDSA DER signature: non-minimal length");
        }
        return length;
    }

    private static BigInteger readInteger(byte[] der, int[] pos) {
        if (pos[0] >= der.length || der[pos[0]] != 0x02) {
            throw new IllegalArgumentException("ECDSA DER signature: INTEGER expected at offset " + pos[0]);
        }
        pos[0]++;
        int length = readLength(der, pos);
        if (length == 0 || pos[0] + length > der.length) {
            throw new IllegalArgumentException("ECDSA DER signature: bad INTEGER length " + length);
        }
        byte[] value = Arrays.copyOfRange(der, pos[0], pos[0] + length);
        pos[0] += length;
        if ((value[0] & 0x80) != 0) {
            throw new IllegalArgumentException("ECDSA DER signature: negative INTEGER");
        }
        if (length > 1 && value[0] == 0 && (value[1] & 0x80) == 0) {
            throw new IllegalArgumentException("ECDSA DER signature: non-minimal INTEGER");
        }
        return new BigInteger(1, value);
    }
}
