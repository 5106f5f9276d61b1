package org.dunlin.futures.io.tls;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * An immutable TLS configuration for servers ({@link #server}) or clients ({@link #client()}): identity,
 * peer-certificate policy, protocol versions, ALPN, handshake timeout. Builds one {@link SSLContext} and
 * makes an {@link SSLEngine} per connection. Thread-safe.
 *
 * <pre>{@code
 * TlsConfig server = TlsConfig.server(PemFiles.readPrivateKey(keyFile), PemFiles.readCertificates(certFile))
 *         .clientAuth(ClientAuth.REQUIRED, CertificatePolicy.thumbprints(allowed))
 *         .build();
 * TlsConfig client = TlsConfig.client()
 *         .trust(CertificatePolicy.trusting(List.of(ca)))
 *         .serverName("dns.example")          // SNI and host-name verification
 *         .identity(clientKey, clientChain)  // for mutual TLS
 *         .build();
 * }</pre>
 *
 * <p>Defaults: TLS 1.3 and 1.2, the JDK's cipher suites, no client authentication, a 10 s handshake
 * timeout, and for clients the system trust store.
 */
public final class TlsConfig {
    private final boolean client;
    private final SSLContext context;
    private final ClientAuth clientAuth;
    private final List<String> protocols;
    private final List<String> applicationProtocols;
    private final String serverName;
    private final Duration handshakeTimeout;

    private TlsConfig(Builder b) {
        this.client = b.client;
        this.clientAuth = b.clientAuth;
        this.protocols = b.protocols;
        this.applicationProtocols = b.applicationProtocols;
        this.serverName = b.serverName;
        this.handshakeTimeout = b.handshakeTimeout;
        try {
            KeyManager[] kms = null;
            if (b.key != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                char[] pw = new char[0];
                ks.setKeyEntry("identity", b.key, pw, b.chain);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                kms = kmf.getKeyManagers();
            }
            CertificatePolicy policy = b.policy != null ? b.policy
                    : client ? CertificatePolicy.systemTrust() : CertificatePolicy.acceptAny();
            TrustManager[] tms = {new TrustManagers.PolicyTrustManager(policy)};
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kms, tms, new SecureRandom());
            this.context = ctx;
        } catch (GeneralSecurityException | java.io.IOException x) {
            throw new IllegalArgumentException("invalid TLS configuration: " + x.getMessage(), x);
        }
    }

    /** A server configuration presenting {@code chain} (leaf first) with its private key. */
    public static Builder server(PrivateKey key, List<X509Certificate> chain) {
        Builder b = new Builder(false);
        b.identity(key, chain);
        return b;
    }

    /** A client configuration. */
    public static Builder client() {
        return new Builder(true);
    }

    /** Whether this is a client configuration. */
    public boolean isClient() {
        return client;
    }

    /** How long a handshake may take before the connection is closed. */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** A new engine for a connection to or from {@code peer}, configured as this says. */
    public SSLEngine newEngine(InetSocketAddress peer) {
        SSLEngine engine = client && serverName != null
                ? context.createSSLEngine(serverName, peer.getPort())
                : context.createSSLEngine(peer.getHostString(), peer.getPort());
        engine.setUseClientMode(client);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(protocols.toArray(new String[0]));
        if (!applicationProtocols.isEmpty()) {
            p.setApplicationProtocols(applicationProtocols.toArray(new String[0]));
        }
        if (client) {
            if (serverName != null) {
                p.setEndpointIdentificationAlgorithm("HTTPS");
                if (!isIpLiteral(serverName)) {
                    p.setServerNames(List.of(new SNIHostName(serverName)));
                }
            }
        } else {
            p.setNeedClientAuth(clientAuth == ClientAuth.REQUIRED);
            if (clientAuth == ClientAuth.OPTIONAL) {
                p.setWantClientAuth(true);
            }
        }
        engine.setSSLParameters(p);
        return engine;
    }

    private static boolean isIpLiteral(String name) {
        return name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    @Override
    public String toString() {
        return "TlsConfig[" + (client ? "client" + (serverName != null ? " of " + serverName : "") : "server, clientAuth="
                + clientAuth) + ", " + protocols + (applicationProtocols.isEmpty() ? "" : ", alpn=" + applicationProtocols) + "]";
    }

    /** Builds a {@link TlsConfig}; not thread-safe. */
    public static final class Builder {
        private final boolean client;
        private PrivateKey key;
        private X509Certificate[] chain;
        private CertificatePolicy policy;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private List<String> protocols = List.of("TLSv1.3", "TLSv1.2");
        private List<String> applicationProtocols = List.of();
        private String serverName;
        private Duration handshakeTimeout = Duration.ofSeconds(10);

        private Builder(boolean client) {
            this.client = client;
        }

        /** The certificate chain (leaf first) and private key to present: the server's, or a client's. */
        public Builder identity(PrivateKey key, List<X509Certificate> chain) {
            Objects.requireNonNull(key, "key");
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the certificate chain is empty");
            }
            this.key = key;
            this.chain = chain.toArray(new X509Certificate[0]);
            return this;
        }

        /** Servers: whether to ask clients for a certificate, and the policy it must satisfy. */
        public Builder clientAuth(ClientAuth mode, CertificatePolicy policy) {
            if (client) {
                throw new IllegalStateException("clientAuth is a server setting");
            }
            this.clientAuth = Objects.requireNonNull(mode, "mode");
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Clients: the policy the server's certificate must satisfy (default: the system trust store). */
        public Builder trust(CertificatePolicy policy) {
            if (!client) {
                throw new IllegalStateException("trust is a client setting; servers use clientAuth");
            }
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Clients: the server's name, sent as SNI and checked against its certificate by PKIX policies. */
        public Builder serverName(String name) {
            if (!client) {
                throw new IllegalStateException("serverName is a client setting");
            }
            this.serverName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The protocol versions, in the JDK's names (default TLSv1.3 and TLSv1.2). */
        public Builder protocols(String... protocols) {
            if (protocols.length == 0) {
                throw new IllegalArgumentException("at least one protocol is needed");
            }
            this.protocols = List.of(protocols);
            return this;
        }

        /** ALPN protocol names, in preference order (for DNS over TLS: {@code "dot"}, RFC 7858). */
        public Builder applicationProtocols(String... names) {
            this.applicationProtocols = List.of(names);
            return this;
        }

        /** How long a handshake may take (default 10 s). */
        public Builder handshakeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("handshake timeout must be positive: " + timeout);
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException if the key and certificate do not fit together or the JDK
         *     refuses the settings
         */
        public TlsConfig build() {
            if (!client && key == null) {
                throw new IllegalStateException("a server needs an identity");
            }
            return new TlsConfig(this);
        }
    }
}
