package org.dunlin.futures.io;

/**
 * A write found more bytes queued on its connection than {@link TcpOptions#maxQueuedWriteBytes()} allows:
 * the peer is not reading and the writer did not wait for its writes to complete. The connection is
 * closed, because dropping a write from the middle of a byte stream would corrupt it.
 */
public final class WriteQueueFullException extends ConnectionClosedException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message giving the limit. */
    public WriteQueueFullException(String message) {
        super(message);
    }
}
