package org.dunlin.dns.wire.edns;

import org.dunlin.dns.wire.internal.Check;

/**
 * Padding (RFC 7830 §3): {@code length} octets sent as zeros. The content received is ignored, as
 * RFC 7830 §4 lets receivers do; only the length is kept.
 */
public record Padding(int length) implements EdnsOption {
    public Padding {
        Check.u16(length, "padding length");
    }

    @Override
    public EdnsOptionCode code() {
        return EdnsOptionCode.PADDING;
    }
}
