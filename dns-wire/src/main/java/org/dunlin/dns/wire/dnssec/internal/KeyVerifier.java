package org.dunlin.dns.wire.dnssec.internal;

/**
 * A public key readied for verifying many signatures: whatever can be decoded or precomputed once
 * per key (a decompressed curve point, curve parameters, the modulus size) is, so each call pays for
 * the signature check alone. {@code DnssecKey} keeps one for the lifetime of the key.
 *
 * <p>Implementations are immutable and thread-safe, and never throw for bad input: a malformed
 * signature, a signature of the wrong length or a key that cannot verify anything gives false.
 */
@FunctionalInterface
public interface KeyVerifier {

    /** A verifier for a key that cannot verify anything (wrong key type, a point of small order). */
    KeyVerifier REJECT_ALL = (data, signature) -> false;

    /** Whether {@code signature}, in its DNSSEC wire encoding, is a valid signature of {@code data}. */
    boolean verify(byte[] data, byte[] signature);
}
