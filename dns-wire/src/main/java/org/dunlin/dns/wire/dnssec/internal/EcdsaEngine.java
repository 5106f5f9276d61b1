package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The curve arithmetic behind {@link EcdsaSuite} when something faster than the JDK's provider is
 * available ({@link BouncyCastleEngines}). Works on plain integers and DNSSEC's fixed-width
 * {@code r || s} signatures (RFC 6605 §4), so an engine never sees JCA key objects. Implementations
 * are stateless and thread-safe.
 */
interface EcdsaEngine {

    /**
     * A verifier for the public point {@code (x, y)}, which the suite has already checked to lie on
     * the curve; {@link KeyVerifier#REJECT_ALL} if the engine rejects it.
     */
    KeyVerifier verifier(BigInteger x, BigInteger y);

    /** The affine coordinates {@code {x, y}} of {@code d·G}, for a private scalar {@code d} in {@code [1, n-1]}. */
    BigInteger[] publicPoint(BigInteger d);

    /** The {@code r || s} signature of {@code data} by the private scalar {@code d}, nonce from {@code random}. */
    byte[] sign(BigInteger d, byte[] data, SecureRandom random);
}
