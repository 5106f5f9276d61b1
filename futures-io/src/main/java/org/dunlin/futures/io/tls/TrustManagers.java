package org.dunlin.futures.io.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/** The trust manager that applies a {@link CertificatePolicy}, and the policy shapes it knows. */
final class TrustManagers {
    private TrustManagers() {
    }

    /** PKIX validation through the JDK's trust manager (which also checks the host name on clients). */
    record Pkix(X509ExtendedTrustManager delegate) implements CertificatePolicy {
        @Override
        public void check(X509Certificate[] chain) throws CertificateException {
            delegate.checkClientTrusted(chain, "UNKNOWN");
        }
    }

    /** Every policy must accept. */
    record AllOf(List<CertificatePolicy> policies) implements CertificatePolicy {
        @Override
        public void check(X509Certificate[] chain) throws CertificateException {
            for (CertificatePolicy p : policies) {
                p.check(chain);
            }
        }
    }

    static void flatten(CertificatePolicy p, List<CertificatePolicy> out) {
        if (p instanceof AllOf) {
            out.addAll(((AllOf) p).policies());
        } else {
            out.add(p);
        }
    }

    /** Applies a policy to both directions; PKIX parts get the engine, for host-name checks. */
    static final class PolicyTrustManager extends X509ExtendedTrustManager {
        private final List<CertificatePolicy> policies;

        PolicyTrustManager(CertificatePolicy policy) {
            List<CertificatePolicy> all = new java.util.ArrayList<>();
            flatten(policy, all);
            this.policies = List.copyOf(all);
        }

        private void check(X509Certificate[] chain, String authType, SSLEngine engine, boolean client)
                throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no certificate presented");
            }
            for (CertificatePolicy p : policies) {
                if (p instanceof Pkix) {
                    X509ExtendedTrustManager tm = ((Pkix) p).delegate();
                    if (client) {
                        tm.checkClientTrusted(chain, authType, engine);
                    } else {
                        tm.checkServerTrusted(chain, authType, engine);
                    }
                } else {
                    p.check(chain);
                }
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, authType, engine, true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, authType, engine, false);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, authType, null, true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, authType, null, false);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType, null, true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType, null, false);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
