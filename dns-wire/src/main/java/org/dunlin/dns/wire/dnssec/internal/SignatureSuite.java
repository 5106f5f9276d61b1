package org.dunlin.dns.wire.dnssec.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * Everything one DNSSEC algorithm needs from a cryptographic provider: the DNSKEY public-key field
 * codec, signing, verification and key generation. Implementations are immutable and thread-safe;
 * each call obtains its own JCA engine or arithmetic state.
 */
public interface SignatureSuite {

    /** The algorithm this suite implements. */
    DnssecAlgorithm algorithm();

    /** Decodes a DNSKEY/KEY Public Key field; {@link DnssecException} when malformed. */
    PublicKey decodePublicKey(byte[] keyField);

    /** Encodes a public key as a DNSKEY Public Key field; {@link DnssecException} for a foreign key. */
    byte[] encodePublicKey(PublicKey key);

    /** False for algorithms that RFC 8624 forbids signing with (verification stays available). */
    boolean canSign();

    /** Signs {@code data}, returning the signature in its DNSSEC wire encoding. */
    byte[] sign(PrivateKey key, byte[] data, SecureRandom random);

    /**
     * A verifier bound to {@code key}, with the per-key work done once. A key of another type gives
     * {@link KeyVerifier#REJECT_ALL}; never throws.
     */
    KeyVerifier verifier(PublicKey key);

    /** Verifies a DNSSEC-encoded signature; false for any mismatch or malformed signature. */
    default boolean verify(PublicKey key, byte[] data, byte[] signature) {
        return verifier(key).verify(data, signature);
    }

    /** A new key pair; {@code bits} is ignored by fixed-size algorithms, 0 picks the default. */
    KeyPair generateKeyPair(int bits, SecureRandom random);

    /** The public half of a private key of this algorithm. */
    PublicKey derivePublicKey(PrivateKey key);

    /** The key size in bits of a public key of this algorithm. */
    int keySize(PublicKey key);
}
