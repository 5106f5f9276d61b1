package org.dunlin.dns.wire.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.dunlin.dns.wire.ByteString;

/** Presentation-format helpers shared by the field codecs, each matching what BIND prints. */
public final class TextUtil {
    private TextUtil() {
    }

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    /**
     * Appends {@code b} as a quoted character-string: {@code "} and {@code \} escaped with a backslash,
     * bytes outside 0x20..0x7E as {@code \DDD}, everything else literal (RFC 1035 §5.1; BIND's style).
     */
    public static void appendQuoted(StringBuilder sb, ByteString b) {
        sb.append('"');
        for (int i = 0; i < b.length(); i++) {
            appendStringByte(sb, b.get(i));
        }
        sb.append('"');
    }

    /** Appends one byte of a quoted string, escaped as {@link #appendQuoted} does. */
    public static void appendStringByte(StringBuilder sb, int c) {
        if (c == '"' || c == '\\') {
            sb.append('\\').append((char) c);
        } else if (c < 0x20 || c >= 0x7F) {
            appendDecimalEscape(sb, c);
        } else {
            sb.append((char) c);
        }
    }

    /** Appends {@code \DDD}. */
    public static void appendDecimalEscape(StringBuilder sb, int c) {
        sb.append('\\').append((char) ('0' + c / 100)).append((char) ('0' + c / 10 % 10)).append((char) ('0' + c % 10));
    }

    /** Appends base64, split into words of {@code chunk} characters joined by spaces (0: no split). */
    public static void appendBase64(StringBuilder sb, ByteString b, int chunk) {
        appendChunked(sb, b.toBase64(), chunk);
    }

    /** Appends upper-case hex, split into words of {@code chunk} characters (0: no split). */
    public static void appendHex(StringBuilder sb, ByteString b, int chunk) {
        appendChunked(sb, b.toHex(), chunk);
    }

    private static void appendChunked(StringBuilder sb, String s, int chunk) {
        if (chunk <= 0 || s.length() <= chunk) {
            sb.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i += chunk) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(s, i, Math.min(s.length(), i + chunk));
        }
    }

    /** Decodes base64 (RFC 4648 §4), or returns null if it is not valid base64. */
    public static byte[] decodeBase64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decodes hex digits of either case, or returns null if not valid (odd length, bad digit). */
    public static byte[] decodeHex(String s) {
        if ((s.length() & 1) != 0) {
            return null;
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** RRSIG time (RFC 4034 §3.2): {@code YYYYMMDDHHmmSS} in UTC for an unsigned 32-bit second count. */
    public static String formatTime(long seconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(14);
        pad(sb, t.getYear(), 4);
        pad(sb, t.getMonthValue(), 2);
        pad(sb, t.getDayOfMonth(), 2);
        pad(sb, t.getHour(), 2);
        pad(sb, t.getMinute(), 2);
        pad(sb, t.getSecond(), 2);
        return sb.toString();
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    /**
     * Parses an RRSIG time: 14 digits {@code YYYYMMDDHHmmSS} (UTC, taken modulo 2^32 as RFC 4034 §3.1.5
     * serial arithmetic allows) or a decimal count of seconds up to 2^32-1. Returns -1 if invalid.
     */
    public static long parseTime(String s) {
        if (s.length() == 14 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                LocalDateTime t = LocalDateTime.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6, 8)), Integer.parseInt(s.substring(8, 10)),
                        Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
                return t.toEpochSecond(ZoneOffset.UTC) & 0xFFFFFFFFL;
            } catch (java.time.DateTimeException | NumberFormatException e) {
                return -1;
            }
        }
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long v = Long.parseLong(s);
        return v > 0xFFFFFFFFL ? -1 : v;
    }

    /**
     * An IPv6 address as BIND (through the C library's inet_ntop) prints it: lower-case hex without
     * leading zeros, the longest run of two or more zero groups (the first on a tie) as {@code ::}, and
     * the last 32 bits in dotted form for {@code ::a.b.c.d} and {@code ::ffff:a.b.c.d}.
     */
    public static String formatIpv6(byte[] a) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (a[2 * i] & 0xFF) << 8 | a[2 * i + 1] & 0xFF;
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        int curLen = 0;
        for (int i = 0; i < 8; i++) {
            if (w[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                    curLen = 1;
                } else {
                    curLen++;
                }
            } else if (curBase >= 0) {
                if (curLen > bestLen) {
                    bestBase = curBase;
                    bestLen = curLen;
                }
                curBase = -1;
            }
        }
        if (curBase >= 0 && curLen > bestLen) {
            bestBase = curBase;
            bestLen = curLen;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xFFFF)) {
                sb.append(a[12] & 0xFF).append('.').append(a[13] & 0xFF).append('.').append(a[14] & 0xFF).append('.').append(a[15] & 0xFF);
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    /** Parses an IPv4 dotted quad (exactly four decimal parts 0..255), or null. */
    public static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int val = -1;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (val < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) val;
                val = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && val == 0) {
                    return null; // leading zeros are ambiguous (octal in some parsers); BIND rejects them
                }
                val = (val < 0 ? 0 : val) * 10 + (c - '0');
                digits++;
                if (val > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    /** Parses an IPv6 address in RFC 4291 §2.2 text form (with optional trailing dotted quad), or null. */
    public static byte[] parseIpv6(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        byte[] out = new byte[16];
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        int i = 0;
        int len = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (len == 2) {
                return out;
            }
        } else if (s.charAt(0) == ':') {
            return null;
        }
        while (i < len) {
            int j = i;
            int v = 0;
            while (j < len && Character.digit(s.charAt(j), 16) >= 0 && j - i < 5) {
                v = v * 16 + Character.digit(s.charAt(j), 16);
                j++;
            }
            if (j < len && s.charAt(j) == '.') {
                // embedded IPv4 in the last 32 bits
                byte[] v4 = parseIpv4(s.substring(i));
                if (v4 == null || n > 6) {
                    return null;
                }
                groups[n++] = (v4[0] & 0xFF) << 8 | v4[1] & 0xFF;
                groups[n++] = (v4[2] & 0xFF) << 8 | v4[3] & 0xFF;
                i = len;
                break;
            }
            if (j == i || j - i > 4 || n >= 8) {
                return null;
            }
            groups[n++] = v;
            i = j;
            if (i == len) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < len && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = n;
                i++;
                if (i == len) {
                    break;
                }
            } else if (i == len) {
                return null; // trailing single colon
            }
        }
        if (gap < 0 && n != 8 || gap >= 0 && n > 7) {
            return null;
        }
        int k = 0;
        for (int g = 0; g < 8; g++) {
            int v;
            if (gap >= 0 && g >= gap && g < gap + (8 - n)) {
                v = 0;
            } else {
                v = groups[k++];
            }
            out[2 * g] = (byte) (v >>> 8);
            out[2 * g + 1] = (byte) v;
        }
        return out;
    }

}
