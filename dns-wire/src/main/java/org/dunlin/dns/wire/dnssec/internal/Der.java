package org.dunlin.dns.wire.dnssec.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Just enough ASN.1 DER to recognise private-key containers (PKCS #8, PKCS #1, SEC 1) and to wrap the
 * latter two into PKCS #8 for the JCA. Every length is checked against the input.
 */
public final class Der {

    private Der() {
    }

    /** One TLV: tag, and the content's offset and length in {@code data}. */
    public record Tlv(int tag, int offset, int length, byte[] data) {
        /** Offset just past the content. */
        public int end() {
            return offset + length;
        }

        /** A copy of the content. */
        public byte[] content() {
            return Arrays.copyOfRange(data, offset, offset + length);
        }

        /** A copy of the whole TLV, header included. */
        public byte[] encoded(int headerStart) {
            return Arrays.copyOfRange(data, headerStart, offset + length);
        }
    }

    /** Reads the TLV at {@code pos}, which must end by {@code limit}. */
    public static Tlv read(byte[] data, int pos, int limit) {
        if (pos + 2 > limit) {
            throw new IllegalArgumentException("DER: truncated at " + pos);
        }
        int tag = data[pos] & 0xff;
        int first = data[pos + 1] & 0xff;
        int p = pos + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 3 || p + count > limit) {
                throw new IllegalArgumentException("DER: bad length at " + pos);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[p++] & 0xff);
            }
        }
        if (p + length > limit) {
            throw new IllegalArgumentException("DER: content overruns at " + pos);
        }
        return new Tlv(tag, p, length, data);
    }

    /** A TLV with the given tag around {@code content}. */
    public static byte[] wrap(int tag, byte[]... content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : content) {
            body.writeBytes(c);
        }
        int n = body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 5);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** The dotted form of an encoded OBJECT IDENTIFIER's content. */
    public static String oid(byte[] content) {
        StringBuilder sb = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (byte b : content) {
            value = (value << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    long a = Math.min(value / 40, 2);
                    sb.append(a).append('.').append(value - a * 40);
                    first = false;
                } else {
                    sb.append('.').append(value);
                }
                value = 0;
            }
        }
        return sb.toString();
    }
}
