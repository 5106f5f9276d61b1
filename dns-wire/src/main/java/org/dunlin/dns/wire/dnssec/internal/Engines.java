package org.dunlin.dns.wire.dnssec.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * A JCA signature algorithm bound to the provider that served it first. {@code Signature.getInstance(name)}
 * searches the installed providers on every call; resolving the provider once per suite and asking it
 * directly skips that search on the verification path. The provider is whatever the JCA preferred when
 * the suite was built (normally the JDK's own). Also the one place that runs a JCA signature for the
 * suites, so they share its error handling. Immutable and thread-safe.
 */
final class Engines {

    private final String name;
    private final Provider provider;
    private final DnssecAlgorithm algorithm;

    private Engines(String name, Provider provider, DnssecAlgorithm algorithm) {
        this.name = name;
        this.provider = provider;
        this.algorithm = algorithm;
    }

    /** Binds {@code name} to its preferred provider; fails if no provider offers it. */
    static Engines signature(String name, DnssecAlgorithm algorithm) {
        try {
            return new Engines(name, Signature.getInstance(name).getProvider(), algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no provider for " + name, e);
        }
    }

    /**
     * A fresh engine initialised for verification with {@code key}. A key the bound provider cannot
     * use (one from another provider, say an HSM's) falls back to the JCA's normal provider selection.
     */
    Signature verifier(PublicKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(name, provider);
        try {
            signature.initVerify(key);
        } catch (InvalidKeyException foreignKey) {
            signature = Signature.getInstance(name);
            signature.initVerify(key);
        }
        return signature;
    }

    /**
     * A fresh engine initialised for signing. Signing is not on a hot path, so the JCA picks the
     * provider for the key (private keys may live in other providers or tokens).
     */
    Signature signer(PrivateKey key, SecureRandom random) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(name);
        if (random != null) {
            signature.initSign(key, random);
        } else {
            signature.initSign(key);
        }
        return signature;
    }

    /**
     * The provider's signature of {@code data} (in the JCA's encoding: DER for ECDSA).
     *
     * @throws DnssecException naming the algorithm if the key does not fit or the provider fails
     */
    byte[] sign(PrivateKey key, SecureRandom random, byte[] data) {
        try {
            Signature signature = signer(key, random);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " signing failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code signature} (in the JCA's encoding) verifies over {@code data}. False for any
     * provider failure too: a checked exception, or the unchecked ones some providers throw for a
     * malformed key or signature (the JDK's EdDSA does for an undecodable point).
     */
    boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = verifier(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
