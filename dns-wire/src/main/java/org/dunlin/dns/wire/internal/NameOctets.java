package org.dunlin.dns.wire.internal;

/**
 * The octet-level rules for domain names, in one place for {@link org.dunlin.dns.wire.Name} and for code
 * that works on raw wire names (the authoritative server's per-query path, to which this package is
 * exported): ASCII case folding (RFC 4343 §3) and the DNSSEC canonical order of labels (RFC 4034 §6.1).
 * Nothing here allocates.
 */
public final class NameOctets {
    private static final byte[] LOWER = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            LOWER[i] = (byte) (i >= 'A' && i <= 'Z' ? i + 32 : i);
        }
    }

    private NameOctets() {
    }

    /** The octet {@code b} with ASCII upper case folded to lower case; every other octet unchanged. */
    public static byte lower(byte b) {
        return LOWER[b & 0xFF];
    }

    /** Whether {@code len} octets of {@code a} and {@code b} are equal ignoring ASCII case. */
    public static boolean equalsIgnoreCase(byte[] a, int aOff, byte[] b, int bOff, int len) {
        for (int i = 0; i < len; i++) {
            byte x = a[aOff + i];
            byte y = b[bOff + i];
            if (x != y && LOWER[x & 0xFF] != LOWER[y & 0xFF]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares the label at {@code a[aAt]} with the label at {@code b[bAt]} (each a length octet and its
     * octets) in DNSSEC canonical order (RFC 4034 §6.1): as unsigned octet strings with ASCII upper case
     * folded to lower case, a proper prefix sorting first. Returns a negative number, zero or a positive
     * number; a whole name is ordered by comparing its labels this way from the rightmost.
     */
    public static int compareLabels(byte[] a, int aAt, byte[] b, int bAt) {
        int la = a[aAt] & 0xFF;
        int lb = b[bAt] & 0xFF;
        int n = Math.min(la, lb);
        for (int k = 1; k <= n; k++) {
            int x = LOWER[a[aAt + k] & 0xFF] & 0xFF;
            int y = LOWER[b[bAt + k] & 0xFF] & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return la - lb;
    }
}
