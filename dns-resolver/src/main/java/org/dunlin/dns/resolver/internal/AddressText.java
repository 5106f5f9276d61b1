package org.dunlin.dns.resolver.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.dunlin.dns.wire.Name;

/**
 * IP address literals and reverse-mapping names, without ever asking a name service:
 * {@link InetAddress#getByName} would resolve anything that is not a literal, so text is checked first.
 */
public final class AddressText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AddressText() {
    }

    /**
     * The address written as an IPv4 dotted quad or an IPv6 literal (RFC 4291 §2.2, optionally in
     * brackets, optionally with a {@code %scope}), or {@code null} if the text is not one.
     */
    public static InetAddress parseLiteral(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        String t = text;
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.indexOf(':') < 0) {
            byte[] v4 = parseIpv4(t);
            if (v4 == null) {
                return null;
            }
            try {
                return InetAddress.getByAddress(v4);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
        int pct = t.indexOf('%');
        String body = pct >= 0 ? t.substring(0, pct) : t;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return null;
            }
        }
        if (pct >= 0) {
            String scope = t.substring(pct + 1);
            if (scope.isEmpty() || !scope.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) {
                return null;
            }
        }
        try {
            // A literal: the JDK parses it without any lookup (only the scope may name an interface).
            return InetAddress.getByName(t);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /** The four octets of a strict dotted quad (no leading zeros beyond "0"), or null. */
    public static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int i = 0;
        int n = s.length();
        while (part < 4) {
            int start = i;
            int v = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return null;
                }
            }
            if (i == start || v > 255 || (i - start > 1 && s.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) v;
            if (part < 4) {
                if (i >= n || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == n ? out : null;
    }

    /**
     * The reverse-mapping name of an address: {@code d.c.b.a.in-addr.arpa.} (RFC 1035 §3.5) or the 32
     * nibbles under {@code ip6.arpa.} (RFC 3596 §2.5).
     */
    public static Name reverseName(InetAddress address) {
        byte[] b = address.getAddress();
        StringBuilder sb = new StringBuilder(74);
        if (address instanceof Inet4Address) {
            for (int i = 3; i >= 0; i--) {
                sb.append(b[i] & 0xFF).append('.');
            }
            sb.append("in-addr.arpa.");
        } else if (address instanceof Inet6Address) {
            for (int i = 15; i >= 0; i--) {
                sb.append(HEX[b[i] & 0xF]).append('.').append(HEX[b[i] >> 4 & 0xF]).append('.');
            }
            sb.append("ip6.arpa.");
        } else {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        return Name.of(sb.toString());
    }

    /** The address as text, without the host name part {@link InetAddress#toString()} adds. */
    public static String format(InetAddress address) {
        String s = address.getHostAddress();
        return s;
    }
}
