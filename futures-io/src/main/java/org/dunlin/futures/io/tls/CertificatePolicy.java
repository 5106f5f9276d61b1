package org.dunlin.futures.io.tls;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides during the handshake whether the peer's certificate chain is acceptable: the hook for a client
 * certificate (mutual TLS) or for a server's. It runs on the thread driving the handshake (an I/O or
 * callback thread): it must be quick and must not block.
 *
 * <pre>{@code
 * CertificatePolicy pinned = CertificatePolicy.thumbprints(List.of("3af2...9c01"));
 * CertificatePolicy ca = CertificatePolicy.trusting(List.of(caCertificate));   // PKIX path validation
 * TlsConfig server = TlsConfig.server(key, chain).clientAuth(ClientAuth.REQUIRED, ca.and(pinned)).build();
 * }</pre>
 */
@FunctionalInterface
public interface CertificatePolicy {

    /**
     * Accepts {@code chain} (leaf first) or throws.
     *
     * @throws CertificateException if the chain is not acceptable; the handshake then fails with an alert
     */
    void check(X509Certificate[] chain) throws CertificateException;

    /** Both this policy and {@code other} must accept. */
    default CertificatePolicy and(CertificatePolicy other) {
        Objects.requireNonNull(other, "other");
        List<CertificatePolicy> all = new ArrayList<>();
        TrustManagers.flatten(this, all);
        TrustManagers.flatten(other, all);
        return new TrustManagers.AllOf(List.copyOf(all));
    }

    /**
     * PKIX path validation to one of {@code anchors} (validity dates included). On a client whose
     * {@link TlsConfig.Builder#serverName} is set, the server's name is checked against the certificate
     * too (RFC 6125 rules, as HTTPS does).
     */
    static CertificatePolicy trusting(Collection<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate a : anchors) {
                ks.setCertificateEntry("anchor-" + i++, a);
            }
            return pkix(ks);
        } catch (KeyStoreException | NoSuchAlgorithmException | CertificateException | java.io.IOException x) {
            throw new IllegalStateException("cannot build a trust store", x);
        }
    }

    /** PKIX path validation to the JDK's default trust store (the {@code cacerts} file). */
    static CertificatePolicy systemTrust() {
        try {
            return pkix(null);
        } catch (KeyStoreException | NoSuchAlgorithmException x) {
            throw new IllegalStateException("cannot load the system trust store", x);
        }
    }

    private static CertificatePolicy pkix(KeyStore ks) throws KeyStoreException, NoSuchAlgorithmException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager) {
                return new TrustManagers.Pkix((X509ExtendedTrustManager) tm);
            }
        }
        throw new IllegalStateException("no X509ExtendedTrustManager available");
    }

    /**
     * Accepts exactly the certificates whose SHA-1 or SHA-256 thumbprint (of the leaf) is listed, in any
     * spelling {@link Thumbprints#normalize} accepts. No path validation: pinning, for self-signed and
     * private certificates.
     */
    static CertificatePolicy thumbprints(Collection<String> allowed) {
        Set<String> set = allowed.stream().map(Thumbprints::normalize).collect(Collectors.toUnmodifiableSet());
        if (set.isEmpty()) {
            throw new IllegalArgumentException("at least one thumbprint is needed");
        }
        return chain -> {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no certificate presented");
            }
            if (!set.contains(Thumbprints.sha1(chain[0])) && !set.contains(Thumbprints.sha256(chain[0]))) {
                throw new CertificateException("certificate " + Thumbprints.sha1(chain[0]) + " is not allowed");
            }
        };
    }

    /**
     * Accepts any certificate without checking it. Only for when the application checks
     * {@link TlsConnection#peerCertificates()} itself after the handshake (for example to answer a
     * refused client with an error message instead of a handshake alert).
     */
    static CertificatePolicy acceptAny() {
        return chain -> {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no certificate presented");
            }
        };
    }
}
