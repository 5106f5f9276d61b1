package org.dunlin.dns.authority.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of IP address prefixes ({@code 192.0.2.7}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}) that a
 * client address is matched against, for access control such as who may transfer a zone. Addresses
 * match only prefixes of their own family. Immutable and thread-safe; {@link #NONE} matches nothing.
 */
public final class AddressMatcher {
    /** Matches no address. */
    public static final AddressMatcher NONE = new AddressMatcher(List.of());

    private final List<Prefix> prefixes;

    private AddressMatcher(List<Prefix> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    /**
     * Parses prefixes written as an IP address literal, optionally followed by {@code /LENGTH}. Host
     * names are refused, so parsing never touches the network.
     *
     * @throws IllegalArgumentException naming the first text that is not a prefix
     */
    public static AddressMatcher parse(List<String> texts) {
        List<Prefix> out = new ArrayList<>();
        for (String t : texts) {
            out.add(Prefix.parse(t));
        }
        return new AddressMatcher(out);
    }

    /** Whether {@code address} lies in one of the prefixes. */
    public boolean matches(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] a = address.getAddress();
        for (Prefix p : prefixes) {
            if (p.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether no address can match. */
    public boolean isEmpty() {
        return prefixes.isEmpty();
    }

    @Override
    public String toString() {
        return prefixes.toString();
    }

    private record Prefix(byte[] network, int length, String text) {
        static Prefix parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            String host = slash < 0 ? t : t.substring(0, slash);
            byte[] a = literal(host, text);
            int bits = a.length * 8;
            int length = bits;
            if (slash >= 0) {
                try {
                    length = Integer.parseInt(t.substring(slash + 1));
                } catch (NumberFormatException e) {
                    length = -1;
                }
                if (length < 0 || length > bits) {
                    throw new IllegalArgumentException("'" + text + "': the prefix length must be 0 to " + bits);
                }
            }
            return new Prefix(mask(a, length), length, t);
        }

        private static byte[] literal(String host, String text) {
            boolean v6 = host.indexOf(':') >= 0;
            boolean v4 = !v6 && host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
                    && Arrays.stream(host.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
            if (!v4 && !(v6 && host.matches("[0-9A-Fa-f:.]+"))) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or ADDRESS/LENGTH prefix");
            }
            try {
                return InetAddress.getByName(host).getAddress(); // a literal: no lookup happens
            } catch (UnknownHostException | RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not an IP address or ADDRESS/LENGTH prefix");
            }
        }

        private static byte[] mask(byte[] a, int length) {
            byte[] m = a.clone();
            for (int i = 0; i < m.length; i++) {
                int keep = Math.max(0, Math.min(8, length - i * 8));
                m[i] &= (byte) (0xFF << (8 - keep));
            }
            return m;
        }

        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            int whole = length / 8;
            if (!Arrays.equals(a, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = length % 8;
            return rest == 0 || ((a[whole] ^ network[whole]) & 0xFF & 0xFF00 >>> rest) == 0; // the top rest bits
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
