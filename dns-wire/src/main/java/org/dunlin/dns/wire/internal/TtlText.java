package org.dunlin.dns.wire.internal;

import java.nio.charset.StandardCharsets;

/** TTL and duration text: decimal seconds or BIND's units ({@code 1w2d3h4m5s}, any case). */
public final class TtlText {
    private TtlText() {
    }

    /** The duration in {@code text}, or -1 if it is not one or exceeds 2^32-1. */
    public static long parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length);
    }

    /** The duration in {@code buf[start, end)}, or -1 if it is not one or exceeds 2^32-1. */
    public static long parse(byte[] buf, int start, int end) {
        if (start >= end || end - start > 40) {
            return -1;
        }
        long total = 0;
        long cur = 0;
        boolean digits = false;
        boolean units = false;
        for (int i = start; i < end; i++) {
            int c = buf[i] & 0xFF;
            if (c >= '0' && c <= '9') {
                cur = cur * 10 + (c - '0');
                if (cur > 0xFFFFFFFFL) {
                    return -1;
                }
                digits = true;
                continue;
            }
            if (!digits) {
                return -1;
            }
            long mul;
            switch (c | 0x20) {
                case 'w': mul = 604800; break;
                case 'd': mul = 86400; break;
                case 'h': mul = 3600; break;
                case 'm': mul = 60; break;
                case 's': mul = 1; break;
                default: return -1;
            }
            total += cur * mul;
            if (total > 0xFFFFFFFFL) {
                return -1;
            }
            cur = 0;
            digits = false;
            units = true;
        }
        if (digits) {
            if (units) {
                return -1; // "1h30" is ambiguous; BIND rejects it too
            }
            total += cur;
        }
        return total > 0xFFFFFFFFL ? -1 : total;
    }

    /** Whether {@code buf[start, end)} starts with a digit (a TTL, not a class or type). */
    public static boolean looksLikeTtl(byte[] buf, int start, int end) {
        return start < end && buf[start] >= '0' && buf[start] <= '9';
    }
}
