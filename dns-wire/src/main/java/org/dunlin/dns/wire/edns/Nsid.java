package org.dunlin.dns.wire.edns;

import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.internal.Check;

/**
 * NSID (RFC 5001 §2.3): empty in a query (a request), the server's identifier in a response.
 */
public record Nsid(ByteString id) implements EdnsOption {
    /** The empty NSID option a client sends to ask for the server's identifier. */
    public static final Nsid REQUEST = new Nsid(ByteString.EMPTY);

    public Nsid {
        Check.bytes(id, 0, 65535, "NSID");
    }

    @Override
    public EdnsOptionCode code() {
        return EdnsOptionCode.NSID;
    }
}
