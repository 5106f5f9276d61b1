package org.dunlin.dns.wire.dnssec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;

/** Hand-built wire data for byte-level tests that must not depend on the record model (also the TSIG tests'). */
public final class TestBytes {

    private TestBytes() {
    }

    /** An uncompressed wire-format name, as typed (no case folding). */
    public static byte[] name(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (!t.isEmpty()) {
            for (String label : t.split("\\.")) {
                byte[] b = label.getBytes(StandardCharsets.US_ASCII);
                out.write(b.length);
                out.writeBytes(b);
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    static byte[] b64(String text) {
        return Base64.getDecoder().decode(text.replace(" ", ""));
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", "").toLowerCase());
    }

    static byte[] dnskey(int flags, int algorithm, String base64Key) {
        byte[] key = b64(base64Key);
        byte[] out = new byte[4 + key.length];
        out[0] = (byte) (flags >>> 8);
        out[1] = (byte) flags;
        out[2] = 3;
        out[3] = (byte) algorithm;
        System.arraycopy(key, 0, out, 4, key.length);
        return out;
    }

    static long time(String yyyymmddhhmmss) {
        if (yyyymmddhhmmss.length() != 14) {
            return Long.parseLong(yyyymmddhhmmss);
        }
        return LocalDateTime.parse(yyyymmddhhmmss, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                .toEpochSecond(ZoneOffset.UTC);
    }

    /** RRSIG RDATA without the signature (RFC 4034 §3.1.8.1). */
    static byte[] rrsigPrefix(int typeCovered, int algorithm, int labels, long originalTtl, String expiration,
            String inception, int keyTag, String signer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, typeCovered);
        out.write(algorithm);
        out.write(labels);
        u32(out, originalTtl);
        u32(out, time(expiration));
        u32(out, time(inception));
        u16(out, keyTag);
        out.writeBytes(name(signer));
        return out.toByteArray();
    }

    static byte[] rr(String owner, int type, long ttl, byte[] rdata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(name(owner.toLowerCase()));
        u16(out, type);
        u16(out, 1);
        u32(out, ttl);
        u16(out, rdata.length);
        out.writeBytes(rdata);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static void u32(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 8));
        out.write((int) v);
    }
}
