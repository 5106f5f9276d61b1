package org.dunlin.futures.io;

import java.io.IOException;

/**
 * A UDP send was refused because the socket's send queue was full (the kernel's buffer had no room and
 * {@link UdpOptions#sendQueueCapacity()} datagrams were already waiting). The datagram was dropped and
 * counted in {@link UdpSocket#sendDrops()}; the socket stays open. Thrown without a stack trace: under
 * overload it is common and cheap.
 */
public final class SendQueueFullException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message giving the capacity. */
    public SendQueueFullException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
