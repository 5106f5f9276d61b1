package org.dunlin.futures.io.tls;

/** Whether a TLS server asks its clients for a certificate (mutual TLS). */
public enum ClientAuth {
    /** No client certificate is asked for. */
    NONE,
    /** A certificate is asked for; a client without one is accepted, one with a refused one is not. */
    OPTIONAL,
    /** A certificate is required and must satisfy the policy; otherwise the handshake fails. */
    REQUIRED
}
