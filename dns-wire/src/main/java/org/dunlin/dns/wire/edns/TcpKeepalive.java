package org.dunlin.dns.wire.edns;

import java.util.OptionalInt;
import org.dunlin.dns.wire.internal.Check;

/**
 * edns-tcp-keepalive (RFC 7828 §3.1): empty in a query; in a response the idle timeout in units of
 * 100 milliseconds.
 */
public record TcpKeepalive(OptionalInt timeout) implements EdnsOption {
    /** The empty option a client sends. */
    public static final TcpKeepalive REQUEST = new TcpKeepalive(OptionalInt.empty());

    public TcpKeepalive {
        Check.notNull(timeout, "TCP keepalive timeout");
        if (timeout.isPresent()) {
            Check.u16(timeout.getAsInt(), "TCP keepalive timeout");
        }
    }

    /** A response option with a timeout in units of 100 ms. */
    public static TcpKeepalive of(int timeoutIn100ms) {
        return new TcpKeepalive(OptionalInt.of(timeoutIn100ms));
    }

    @Override
    public EdnsOptionCode code() {
        return EdnsOptionCode.TCP_KEEPALIVE;
    }
}
