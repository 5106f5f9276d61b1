package org.dunlin.dns.wire.internal;

/**
 * The key tag computation of RFC 4034 Appendix B over DNSKEY/KEY RDATA in wire form (flags, protocol,
 * algorithm, public key): the one implementation behind {@code KeyData.keyTag()} and
 * {@code KeyTags.of}. Stateless.
 */
public final class KeyTagSum {

    private KeyTagSum() {
    }

    /**
     * The key tag of {@code rdata}, which must hold at least the 4-octet fixed part. For algorithm 1
     * (RSAMD5) it is the Appendix B.1 value, the most significant 16 of the least significant 24 bits
     * of the modulus (0 when the key field is shorter than 3 octets); for every other algorithm the
     * Appendix B sum of the octets, odd ones low, even ones high, with the carry folded in once.
     */
    public static int of(byte[] rdata) {
        if ((rdata[3] & 0xff) == 1) {
            int n = rdata.length;
            return n < 4 + 3 ? 0 : (rdata[n - 3] & 0xff) << 8 | rdata[n - 2] & 0xff;
        }
        long ac = 0;
        for (int i = 0; i < rdata.length; i++) {
            ac += (i & 1) != 0 ? rdata[i] & 0xff : (rdata[i] & 0xff) << 8;
        }
        ac += ac >>> 16 & 0xffff;
        return (int) (ac & 0xffff);
    }
}
