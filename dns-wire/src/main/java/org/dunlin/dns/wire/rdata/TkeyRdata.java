package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.internal.Check;

/**
 * TKEY: transaction key establishment (RFC 2930 §2), a meta-record. The algorithm name is never
 * compressed.
 * <pre>
 *   /  ALGORITHM  /  INCEPTION (32)  /  EXPIRATION (32)  /  MODE (16)  /  ERROR (16)  /
 *   |  KEY SIZE (16)  |  /  KEY DATA  /  |  OTHER SIZE (16)  |  /  OTHER DATA  /
 * </pre>
 */
public record TkeyRdata(Name algorithm, long inception, long expiration, int mode, Rcode error, ByteString key,
        ByteString otherData) implements Rdata {
    public TkeyRdata {
        Check.absolute(algorithm, "TKEY.algorithm");
        Check.u32(inception, "TKEY.inception");
        Check.u32(expiration, "TKEY.expiration");
        Check.u16(mode, "TKEY.mode");
        Check.notNull(error, "TKEY.error");
        Check.bytes(key, 0, 65535, "TKEY.key");
        Check.bytes(otherData, 0, 65535, "TKEY.otherData");
    }

    @Override
    public RRType type() {
        return RRType.TKEY;
    }
}
