package org.dunlin.dns.authority.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The NSEC3 chain of a zone (RFC 5155): the parameters of its NSEC3PARAM and the NSEC3 nodes sorted by
 * hashed owner name, so that the server can find the NSEC3 record matching or covering any name's hash
 * with a binary search. Immutable.
 */
public final class Nsec3Chain {
    private final int iterations;
    private final byte[] salt;
    private final int hashLength;
    private final byte[] hashes;  // hashLength bytes per entry, ascending (unsigned)
    private final int[] nodes;    // the node owning each entry

    Nsec3Chain(int iterations, byte[] salt, int hashLength, byte[] hashes, int[] nodes) {
        this.iterations = iterations;
        this.salt = salt;
        this.hashLength = hashLength;
        this.hashes = hashes;
        this.nodes = nodes;
    }

    /** The number of NSEC3 records in the chain. */
    public int size() {
        return nodes.length;
    }

    /**
     * The RFC 5155 §5 hash of the uncompressed name at {@code at} in {@code b} (lower-cased first):
     * SHA-1 over the name and the salt, then {@code iterations} more times over the digest and the salt.
     */
    public byte[] hash(byte[] b, int at) {
        return hash(newDigest(), b, at);
    }

    /** A SHA-1 digest for {@link #hash(MessageDigest, byte[], int)} (one per thread). */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    /** {@link #hash(byte[], int)} with the caller's digest (reset first). */
    byte[] hash(MessageDigest sha1, byte[] b, int at) {
        sha1.reset();
        int len = WireNames.length(b, at);
        byte[] lower = new byte[len];
        WireNames.copyLower(b, at, lower, 0, len);
        sha1.update(lower);
        sha1.update(salt);
        byte[] d = sha1.digest();
        for (int i = 0; i < iterations; i++) {
            sha1.update(d);
            sha1.update(salt);
            d = sha1.digest();
        }
        return d;
    }

    /** The node whose NSEC3 owner hash equals {@code hash}, or -1. */
    public int matching(byte[] hash) {
        int i = search(hash);
        return i >= 0 ? nodes[i] : -1;
    }

    /**
     * The node whose NSEC3 record covers {@code hash} (RFC 5155 §3.1.7: the greatest owner hash below
     * it, wrapping around to the last record), or -1 when the hash has a matching record or the chain is
     * empty.
     */
    public int covering(byte[] hash) {
        if (nodes.length == 0) {
            return -1;
        }
        int i = search(hash);
        if (i >= 0) {
            return -1;
        }
        int insertion = -i - 1;
        return nodes[insertion == 0 ? nodes.length - 1 : insertion - 1];
    }

    private int search(byte[] hash) {
        if (hash.length != hashLength) {
            return -1 - 0;
        }
        int lo = 0;
        int hi = nodes.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, hash);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private int compare(int entry, byte[] hash) {
        int off = entry * hashLength;
        for (int k = 0; k < hashLength; k++) {
            int x = hashes[off + k] & 0xFF;
            int y = hash[k] & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return 0;
    }
}
