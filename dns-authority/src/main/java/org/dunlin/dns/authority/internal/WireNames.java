package org.dunlin.dns.authority.internal;

import org.dunlin.dns.wire.internal.NameOctets;

/**
 * Domain names as uncompressed wire bytes inside larger arrays (a query packet, a zone's data arena, a
 * scratch buffer): label scanning, case-folded hashing and comparison, all without allocating. The hot
 * path of the server never builds a {@code Name} object.
 *
 * <p>Hashing. A name's hash is a fold over its labels from the rightmost (next to the root) to the
 * leftmost: {@code H(root) = SEED}, {@code H(label.rest) = step(H(rest), label)}. So the hashes of all
 * suffixes of a name come out of one right-to-left pass, and the hash of a child is one step from its
 * parent's: the zone's node table and the catalog are keyed by exactly these values, which lets the
 * closest-encloser search probe every ancestor of a query name for the price of one pass over it.
 * ASCII letters are folded to lower case (RFC 4343); length octets are below 64 and never folded.
 *
 * <p>Case folding and the canonical label order are dns-wire's ({@link NameOctets}), so that these
 * methods and {@code Name} agree octet for octet.
 */
public final class WireNames {
    /** The hash of the root name. */
    public static final int SEED = 0x2F0B_3A49;

    /** The most labels an uncompressed name can have (127 one-octet labels fill 255 octets). */
    public static final int MAX_LABELS = 128;

    private WireNames() {
    }

    /** One hashing step: the hash of {@code label.rest} from the hash of {@code rest}. */
    public static int step(int rest, byte[] b, int labelAt) {
        int len = b[labelAt];
        int h = rest * 0x01000193 ^ len;
        for (int i = labelAt + 1, end = labelAt + 1 + len; i < end; i++) {
            h = (h ^ NameOctets.lower(b[i])) * 0x01000193;
        }
        return h;
    }

    /** Spreads a name hash over the bits a power-of-two table uses. */
    public static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EB_CA6B;
        h ^= h >>> 13;
        return h;
    }

    /**
     * Records the label starts of the uncompressed absolute name at {@code at} in {@code starts} (one
     * entry per label, not counting the root) and returns the label count. The name must be valid (as
     * names stored in a zone and names the query parser has checked are).
     */
    public static int labelStarts(byte[] b, int at, int[] starts) {
        int n = 0;
        int p = at;
        int len;
        while ((len = b[p]) != 0) {
            starts[n++] = p;
            p += len + 1;
        }
        starts[n] = p; // the root octet
        return n;
    }

    /**
     * Fills {@code hashes[i]} with the hash of the suffix starting at label {@code i}, for
     * {@code i = 0..count} ({@code hashes[count]} is the root's).
     */
    public static void suffixHashes(byte[] b, int[] starts, int count, int[] hashes) {
        int h = SEED;
        hashes[count] = h;
        for (int i = count - 1; i >= 0; i--) {
            h = step(h, b, starts[i]);
            hashes[i] = h;
        }
    }

    /** The hash of the whole uncompressed name at {@code at}. */
    public static int hash(byte[] b, int at) {
        int[] starts = new int[MAX_LABELS + 1];
        int n = labelStarts(b, at, starts);
        int h = SEED;
        for (int i = n - 1; i >= 0; i--) {
            h = step(h, b, starts[i]);
        }
        return h;
    }

    /** The length of the uncompressed name at {@code at}, root octet included. */
    public static int length(byte[] b, int at) {
        int p = at;
        int len;
        while ((len = b[p]) != 0) {
            p += len + 1;
        }
        return p + 1 - at;
    }

    /**
     * Whether {@code len} octets of {@code a} at {@code aOff} equal those of {@code lowerB} at
     * {@code bOff}, folding the case of {@code a} ({@code lowerB} is already lower case).
     */
    public static boolean equalsFolded(byte[] a, int aOff, byte[] lowerB, int bOff, int len) {
        for (int i = 0; i < len; i++) {
            if (NameOctets.lower(a[aOff + i]) != lowerB[bOff + i]) {
                return false;
            }
        }
        return true;
    }

    /** Copies {@code len} octets, folding ASCII upper case to lower case. */
    public static void copyLower(byte[] src, int srcOff, byte[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = NameOctets.lower(src[srcOff + i]);
        }
    }

    /**
     * Compares two relative names (label sequences without the root octet, lower case) in DNSSEC
     * canonical order (RFC 4034 §6.1): label by label from the rightmost, each label as unsigned octets
     * where a proper prefix sorts first; a name sorts after its ancestors. {@code scratchA} and
     * {@code scratchB} hold label starts and need {@link #MAX_LABELS} entries.
     */
    public static int compareCanonical(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen,
            int[] scratchA, int[] scratchB) {
        int na = relativeLabelStarts(a, aOff, aLen, scratchA);
        int nb = relativeLabelStarts(b, bOff, bLen, scratchB);
        int i = na - 1;
        int j = nb - 1;
        while (i >= 0 && j >= 0) {
            int c = NameOctets.compareLabels(a, scratchA[i], b, scratchB[j]);
            if (c != 0) {
                return c;
            }
            i--;
            j--;
        }
        return na - nb;
    }

    /** Label starts of a relative name of {@code len} octets at {@code off}; returns the count. */
    public static int relativeLabelStarts(byte[] b, int off, int len, int[] starts) {
        int n = 0;
        int p = off;
        int end = off + len;
        while (p < end) {
            starts[n++] = p;
            p += b[p] + 1;
        }
        return n;
    }
}
