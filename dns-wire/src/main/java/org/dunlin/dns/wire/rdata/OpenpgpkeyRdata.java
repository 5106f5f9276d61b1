package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * OPENPGPKEY: an OpenPGP transferable public key (RFC 7929 §2.1).
 * <pre>
 *   /  KEY (opaque, printed in base64)  /
 * </pre>
 */
public record OpenpgpkeyRdata(ByteString key) implements Rdata {
    public OpenpgpkeyRdata {
        Check.bytes(key, 1, 65535, "OPENPGPKEY.key");
    }

    @Override
    public RRType type() {
        return RRType.OPENPGPKEY;
    }
}
