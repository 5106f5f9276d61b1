package org.dunlin.dns.wire.dnssec;

import java.security.MessageDigest;
import org.dunlin.dns.wire.dnssec.internal.Digests;
import org.dunlin.dns.wire.internal.Base32Hex;

/**
 * NSEC3 owner-name hashing (RFC 5155 §5) with a cap on the iteration count (RFC 9276 §3.2):
 * <pre>
 *   IH(salt, x, 0) = H(x || salt)
 *   IH(salt, x, k) = H(IH(salt, x, k-1) || salt)   for k &gt; 0
 * </pre>
 * where {@code x} is the owner name in canonical wire form and {@code H} is SHA-1, the only assigned
 * NSEC3 hash algorithm. Each iteration is one SHA-1, so the cap bounds the work an attacker-chosen
 * NSEC3PARAM can cause. Immutable and thread-safe.
 */
public final class Nsec3Hasher {

    /** NSEC3 hash algorithm 1, SHA-1 (RFC 5155 §11). */
    public static final int SHA1 = 1;

    /** The cap BIND and Unbound apply to validation (RFC 9276 §3.2 leaves the value to implementations). */
    public static final int DEFAULT_MAX_ITERATIONS = 150;

    /** The largest value the 16-bit Iterations field can hold. */
    public static final int FIELD_MAX_ITERATIONS = 65535;

    private final int maxIterations;

    /** A hasher that refuses iteration counts above {@code maxIterations}. */
    public Nsec3Hasher(int maxIterations) {
        if (maxIterations < 0 || maxIterations > FIELD_MAX_ITERATIONS) {
            throw new IllegalArgumentException("maxIterations must be 0.." + FIELD_MAX_ITERATIONS
                    + ", not " + maxIterations);
        }
        this.maxIterations = maxIterations;
    }

    /** A hasher with the {@link #DEFAULT_MAX_ITERATIONS} cap. */
    public static Nsec3Hasher withDefaultLimit() {
        return new Nsec3Hasher(DEFAULT_MAX_ITERATIONS);
    }

    /** The configured cap. */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * True if this hasher will hash with these parameters: hash algorithm 1 and at most
     * {@link #maxIterations()} iterations. A validator treats a refused NSEC3 as insecure
     * (RFC 9276 §3.2, RFC 5155 §8.1).
     */
    public boolean accepts(int hashAlgorithm, int iterations) {
        return hashAlgorithm == SHA1 && iterations >= 0 && iterations <= maxIterations;
    }

    /**
     * The NSEC3 hash of an owner name.
     *
     * @param ownerWire the owner in uncompressed wire form; ASCII capitals are lowercased here
     * @param salt the salt, possibly empty (at most 255 octets)
     * @throws DnssecException if the algorithm is not 1 or the iterations exceed the cap
     */
    public byte[] hash(int hashAlgorithm, byte[] ownerWire, byte[] salt, int iterations) {
        if (hashAlgorithm != SHA1) {
            throw new DnssecException("unsupported NSEC3 hash algorithm " + hashAlgorithm);
        }
        if (iterations < 0 || iterations > maxIterations) {
            throw new DnssecException("NSEC3 iterations " + iterations + " exceed the limit of "
                    + maxIterations + " (RFC 9276)");
        }
        if (salt.length > 255) {
            throw new DnssecException("NSEC3 salt longer than 255 octets");
        }
        MessageDigest sha1 = Digests.jdk("SHA-1");
        sha1.update(DsDigests.canonicalOwner(ownerWire));
        sha1.update(salt);
        byte[] digest = sha1.digest();
        for (int k = 0; k < iterations; k++) {
            sha1.update(digest);
            sha1.update(salt);
            digest = sha1.digest();
        }
        return digest;
    }

    /** The hash as the first label of an NSEC3 owner: unpadded lowercase base32hex (RFC 4648 §7). */
    public static String toLabel(byte[] hash) {
        return Base32Hex.encode(hash);
    }

    /**
     * Decodes a base32hex label (either case, no padding) back to the hash.
     *
     * @throws IllegalArgumentException if the text is not valid base32hex
     */
    public static byte[] fromLabel(String label) {
        return Base32Hex.decode(label);
    }
}
