package org.dunlin.dns.wire.dnssec.internal;

/**
 * The curve arithmetic behind {@link EdDsaSuite} when something faster than the JDK's provider is
 * available ({@link BouncyCastleEngines}). Keys and signatures are the raw RFC 8032 encodings, so
 * an engine never sees JCA key objects. Implementations are stateless and thread-safe.
 */
interface EdDsaEngine {

    /**
     * A verifier for an RFC 8032 public key (32 or 57 octets) that already passed
     * {@link EdwardsKeys#isWeak}; {@link KeyVerifier#REJECT_ALL} if the engine cannot decode it.
     */
    KeyVerifier verifier(byte[] publicKey);

    /** The RFC 8032 public key of the private key {@code seed} (RFC 8032 §5.1.5, §5.2.5). */
    byte[] publicKey(byte[] seed);

    /** The RFC 8032 signature of {@code data} by the private key {@code seed} (pure EdDSA, no context). */
    byte[] sign(byte[] seed, byte[] data);
}
