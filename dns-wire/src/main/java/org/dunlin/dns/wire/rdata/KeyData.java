package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.internal.KeyTagSum;

/**
 * A public key record: DNSKEY and CDNSKEY (RFC 4034 §2, RFC 7344 §3.2) and the older KEY
 * (RFC 2535 §3, still used by SIG(0)), which share one format.
 */
public sealed interface KeyData extends Rdata permits DnskeyRdata, CdnskeyRdata, KeyRdata {
    /** Bit 7 (0x0100): a zone key (RFC 4034 §2.1.1). */
    int FLAG_ZONE = 0x0100;
    /** Bit 15 (0x0001): secure entry point, a key-signing key (RFC 4034 §2.1.1). */
    int FLAG_SEP = 0x0001;
    /** Bit 8 (0x0080): revoked (RFC 5011 §3). */
    int FLAG_REVOKE = 0x0080;

    int flags();

    int protocol();

    int algorithm();

    ByteString publicKey();

    /**
     * The key tag of RFC 4034 Appendix B: the ones'-complement-style sum over the RDATA wire form
     * (for the obsolete algorithm 1, RSA/MD5, the Appendix B.1 rule instead).
     */
    default int keyTag() {
        return KeyTagSum.of(toWire());
    }
}
