package org.dunlin.dns.wire.tsig;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dunlin.dns.wire.Name;

/**
 * A TSIG shared secret: key name, MAC algorithm, secret, and the MAC length this side sends and
 * requires (the full HMAC output unless the key is configured truncated, as BIND's
 * {@code hmac-sha256-128} is; RFC 4635 §3.1).
 *
 * <p>Immutable and thread-safe; the secret is copied in and out and never printed by
 * {@link #toString()}.
 */
public final class TsigKey {

    private final Name name;
    private final byte[] nameWire;
    private final TsigAlgorithm algorithm;
    private final byte[] secret;
    private final int macLength;

    private TsigKey(Name name, TsigAlgorithm algorithm, byte[] secret, int macLength) {
        if (!name.isAbsolute()) {
            throw new IllegalArgumentException("TSIG key name must be absolute: " + name);
        }
        this.name = name.toLowerCase();
        this.nameWire = name.toCanonicalWire();
        this.algorithm = algorithm;
        this.secret = secret.clone();
        if (secret.length == 0) {
            throw new IllegalArgumentException("TSIG secret must not be empty");
        }
        if (macLength < algorithm.minimumMacLength() || macLength > algorithm.outputLength()) {
            throw new IllegalArgumentException("MAC length for " + algorithm + " must be "
                    + algorithm.minimumMacLength() + ".." + algorithm.outputLength() + " octets, not " + macLength);
        }
        this.macLength = macLength;
    }

    /**
     * A key sending and requiring full-length MACs.
     *
     * @param name the key name in presentation form (relative names are taken as absolute)
     * @throws IllegalArgumentException for a malformed name or an empty secret
     */
    public static TsigKey of(String name, TsigAlgorithm algorithm, byte[] secret) {
        return new TsigKey(Name.of(name), algorithm, secret, algorithm.outputLength());
    }

    /**
     * A key sending and requiring full-length MACs.
     *
     * @throws IllegalArgumentException for a relative name or an empty secret
     */
    public static TsigKey of(Name name, TsigAlgorithm algorithm, byte[] secret) {
        return new TsigKey(name, algorithm, secret, algorithm.outputLength());
    }

    /**
     * A key that sends MACs truncated to {@code macLength} octets and accepts MACs at least that long
     * (RFC 4635 §4 local policy).
     *
     * @throws IllegalArgumentException if {@code macLength} is below max(10, half the output) or above it
     */
    public static TsigKey truncated(String name, TsigAlgorithm algorithm, byte[] secret, int macLength) {
        return new TsigKey(Name.of(name), algorithm, secret, macLength);
    }

    /** As {@link #truncated(String, TsigAlgorithm, byte[], int)} with a {@link Name}. */
    public static TsigKey truncated(Name name, TsigAlgorithm algorithm, byte[] secret, int macLength) {
        return new TsigKey(name, algorithm, secret, macLength);
    }

    /** The key name, lower-cased (key names compare without case). */
    public Name name() {
        return name;
    }

    /** The key name in canonical (lowercase, uncompressed) wire form. */
    public byte[] nameWire() {
        return nameWire.clone();
    }

    /** The MAC algorithm. */
    public TsigAlgorithm algorithm() {
        return algorithm;
    }

    /** A copy of the secret. */
    public byte[] secret() {
        return secret.clone();
    }

    /** The MAC length sent, and the minimum accepted, in octets. */
    public int macLength() {
        return macLength;
    }

    /** A fresh MAC engine keyed with the secret. */
    Mac newMac() {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(secret, algorithm.jcaName()));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.jcaName(), e);
        }
    }

    /** True if this key has the given (canonical wire) name; names compare case-insensitively. */
    boolean hasName(byte[] canonicalWire) {
        return Arrays.equals(nameWire, canonicalWire);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TsigKey)) {
            return false;
        }
        TsigKey k = (TsigKey) o;
        return name.equals(k.name) && algorithm.equals(k.algorithm) && macLength == k.macLength
                && MessageDigest.isEqual(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + algorithm.hashCode();
    }

    /** Name, algorithm and MAC length; never the secret. */
    @Override
    public String toString() {
        return "TsigKey[" + name + " " + algorithm
                + (macLength != algorithm.outputLength() ? "-" + macLength * 8 : "") + "]";
    }
}
