package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;

/**
 * A DNSSEC signature: RRSIG (RFC 4034 §3) and its predecessor SIG (RFC 2535 §4, RFC 2931 for SIG(0)),
 * which share one format. Times are unsigned 32-bit seconds since 1970 compared with serial-number
 * arithmetic (RFC 4034 §3.1.5).
 */
public sealed interface SignatureData extends Rdata permits RrsigRdata, SigRdata {
    RRType typeCovered();

    int algorithm();

    int labels();

    long originalTtl();

    long expiration();

    long inception();

    int keyTag();

    Name signerName();

    ByteString signature();
}
