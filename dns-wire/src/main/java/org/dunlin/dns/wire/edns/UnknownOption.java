package org.dunlin.dns.wire.edns;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.internal.Check;

/** An option this library does not interpret, kept with its octets. */
public record UnknownOption(EdnsOptionCode code, ByteString data) implements EdnsOption {
    public UnknownOption {
        Check.notNull(code, "option code");
        Check.bytes(data, 0, 65535, "option data");
        int v = code.value();
        if (v == 3 || v == 8 || v == 10 || v == 11 || v == 12 || v == 15) {
            throw new IllegalArgumentException("option " + code + " has a typed record; use it instead");
        }
    }

    @Override
    public EdnsOptionCode code() {
        return code;
    }
}
