package org.dunlin.dns.wire.dnssec;

import org.dunlin.dns.wire.internal.KeyTagSum;

/**
 * Key tags (RFC 4034 Appendix B): the 16-bit identifier RRSIG and DS records use to pick candidate
 * DNSKEYs. A key tag narrows the search; it never identifies a key on its own. Stateless.
 */
public final class KeyTags {

    private KeyTags() {
    }

    /**
     * The key tag of a DNSKEY (or KEY) RDATA in wire form: flags (2), protocol (1), algorithm (1),
     * public key. For algorithm 1 (RSAMD5) it is the Appendix B.1 value, the most significant 16 of the
     * least significant 24 bits of the modulus; for every other algorithm the Appendix B sum.
     *
     * @throws IllegalArgumentException if the RDATA is shorter than its 4-octet fixed part
     */
    public static int of(byte[] dnskeyRdata) {
        if (dnskeyRdata.length < 4) {
            throw new IllegalArgumentException("DNSKEY RDATA needs at least 4 octets, got " + dnskeyRdata.length);
        }
        return KeyTagSum.of(dnskeyRdata);
    }
}
