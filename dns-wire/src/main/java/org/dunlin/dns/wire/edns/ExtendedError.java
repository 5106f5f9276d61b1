package org.dunlin.dns.wire.edns;

import org.dunlin.dns.wire.internal.Check;

/**
 * Extended DNS Error (RFC 8914 §2): an INFO-CODE and optional UTF-8 EXTRA-TEXT (empty when absent;
 * malformed UTF-8 received is decoded with replacement characters).
 */
public record ExtendedError(ExtendedErrorCode infoCode, String extraText) implements EdnsOption {
    public ExtendedError {
        Check.notNull(infoCode, "EDE info code");
        Check.notNull(extraText, "EDE extra text");
    }

    /** An error without extra text. */
    public static ExtendedError of(ExtendedErrorCode code) {
        return new ExtendedError(code, "");
    }

    @Override
    public EdnsOptionCode code() {
        return EdnsOptionCode.EDE;
    }
}
