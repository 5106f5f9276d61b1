package org.dunlin.dns.wire.edns;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.internal.Check;

/**
 * DNS COOKIE (RFC 7873 §4): an 8-octet client cookie and an optional 8..32-octet server cookie.
 */
public record Cookie(ByteString clientCookie, ByteString serverCookie) implements EdnsOption {
    public Cookie {
        Check.bytes(clientCookie, 8, 8, "client cookie");
        Check.notNull(serverCookie, "server cookie");
        if (!serverCookie.isEmpty()) {
            Check.bytes(serverCookie, 8, 32, "server cookie");
        }
    }

    @Override
    public EdnsOptionCode code() {
        return EdnsOptionCode.COOKIE;
    }
}
