package org.dunlin.futures.io;

import java.nio.ByteBuffer;

/**
 * Decides which datagram answers a request sent with {@link IoRuntime#exchangeUdp}, and turns it into
 * the exchange's result: a DNS client checks the ID and question and decodes the message here.
 *
 * <p>Called on the selector thread, once per datagram that arrives on the exchange's socket, until one is
 * accepted: it must be quick and must never block (while it runs, the thread serves no other socket).
 *
 * @param <T> the result of the exchange
 */
@FunctionalInterface
public interface DatagramReader<T> {
    /**
     * Returns the exchange's result if {@code datagram} is the response, or {@code null} to ignore it (a
     * stray, spoofed or malformed datagram) and keep waiting until the deadline. The buffer holds the
     * datagram from its position to its limit; it belongs to the selector thread and is only valid during
     * this call, so copy whatever you keep. A {@code RuntimeException} thrown here fails the exchange with
     * it.
     */
    T read(ByteBuffer datagram);
}
