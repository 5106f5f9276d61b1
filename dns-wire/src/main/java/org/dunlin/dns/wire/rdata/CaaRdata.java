package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * CAA: certification authority authorization (RFC 8659 §4.1). The tag is 1..255 ASCII letters and
 * digits; the value runs to the end of the RDATA.
 * <pre>
 *   | FLAGS (8) | TAG LENGTH (8) |  /  TAG  /  VALUE  /
 * </pre>
 */
public record CaaRdata(int flags, ByteString tag, ByteString value) implements Rdata {
    /** The issuer-critical flag (RFC 8659 §4.1). */
    public static final int FLAG_CRITICAL = 0x80;

    public CaaRdata {
        Check.u8(flags, "CAA.flags");
        Check.bytes(tag, 1, 255, "CAA.tag");
        for (int i = 0; i < tag.length(); i++) {
            int c = tag.get(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("CAA.tag must be ASCII letters and digits");
            }
        }
        Check.bytes(value, 0, 65535, "CAA.value");
    }

    /** A CAA record from text, e.g. {@code of(0, "issue", "ca.example.net")}. */
    public static CaaRdata of(int flags, String tag, String value) {
        return new CaaRdata(flags, ByteString.ofLatin1(tag), ByteString.ofUtf8(value));
    }

    @Override
    public RRType type() {
        return RRType.CAA;
    }
}
