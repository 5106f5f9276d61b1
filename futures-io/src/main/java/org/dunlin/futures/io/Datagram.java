package org.dunlin.futures.io;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One received UDP datagram: its payload (a buffer of its own, positioned at 0 with the datagram's length
 * as its limit; the receiver may keep and modify it) and the address it came from.
 *
 * @param data the payload
 * @param sender where it came from (for a connected socket, the connected peer)
 */
public record Datagram(ByteBuffer data, InetSocketAddress sender) {
    /** Checks that both components are present. */
    public Datagram {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(sender, "sender");
    }

    /** The payload's length in bytes. */
    public int length() {
        return data.remaining();
    }

    @Override
    public String toString() {
        return "Datagram[" + data.remaining() + " bytes from " + sender + "]";
    }
}
