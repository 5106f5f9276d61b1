package org.dunlin.dns.wire.dnssec.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;

/**
 * A JCA signature algorithm bound to the provider that served it first. {@code Signature.getInstance(name)}
 * searches the installed providers on every call; resolving the provider once per suite and asking it
 * directly skips that search on the verification path. The provider is whatever the JCA preferred when
 * the suite was built (normally the JDK's own). Immutable and thread-safe.
 */
final class Engines {

    private final String name;
    private final Provider provider;

    private Engines(String name, Provider provider) {
        this.name = name;
        this.provider = provider;
    }

    /** Binds {@code name} to its preferred provider; fails if no provider offers it. */
    static Engines signature(String name) {
        try {
            return new Engines(name, Signature.getInstance(name).getProvider());
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
}
