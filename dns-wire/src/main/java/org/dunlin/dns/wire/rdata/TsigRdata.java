package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.internal.Check;

/**
 * TSIG: a transaction signature (RFC 8945 §4.2), a meta-record that must be the last record of a
 * message. The algorithm name is never compressed.
 * <pre>
 *   /  ALGORITHM NAME  /  TIME SIGNED (48)  |  FUDGE (16)  |
 *   |  MAC SIZE (16)  |  /  MAC  /  |  ORIGINAL ID (16)  |  ERROR (16)  |
 *   |  OTHER LEN (16)  |  /  OTHER DATA  /
 * </pre>
 */
public record TsigRdata(Name algorithm, long timeSigned, int fudge, ByteString mac, int originalId, Rcode error,
        ByteString otherData) implements Rdata {
    public TsigRdata {
        Check.absolute(algorithm, "TSIG.algorithm");
        Check.u48(timeSigned, "TSIG.timeSigned");
        Check.u16(fudge, "TSIG.fudge");
        Check.bytes(mac, 0, 65535, "TSIG.mac");
        Check.u16(originalId, "TSIG.originalId");
        Check.notNull(error, "TSIG.error");
        Check.bytes(otherData, 0, 65535, "TSIG.otherData");
    }

    @Override
    public RRType type() {
        return RRType.TSIG;
    }
}
