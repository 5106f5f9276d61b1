package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * ZONEMD: a message digest over a zone (RFC 8976 §2.2). The digest is at least 12 octets
 * (RFC 8976 §2.2.4).
 * <pre>
 *   |  SERIAL (32)  | SCHEME (8) | HASH ALGORITHM (8) |  /  DIGEST  /
 * </pre>
 */
public record ZonemdRdata(long serial, int scheme, int hashAlgorithm, ByteString digest) implements Rdata {
    public ZonemdRdata {
        Check.u32(serial, "ZONEMD.serial");
        Check.u8(scheme, "ZONEMD.scheme");
        Check.u8(hashAlgorithm, "ZONEMD.hashAlgorithm");
        Check.bytes(digest, 12, 65535, "ZONEMD.digest");
    }

    @Override
    public RRType type() {
        return RRType.ZONEMD;
    }
}
