package org.dunlin.dns.resolver;

/** The transport that carried a response. */
public enum Transport {
    /** DNS over UDP (RFC 1035 §4.2.1). */
    UDP,
    /** DNS over TCP (RFC 1035 §4.2.2, RFC 7766). */
    TCP
}
