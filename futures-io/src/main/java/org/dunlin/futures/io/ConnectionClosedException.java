package org.dunlin.futures.io;

import java.io.IOException;

/**
 * An operation failed because its connection or socket was closed — by the user, by the peer, by an idle
 * or write timeout, by a cancelled operation, or because the {@link IoRuntime} was closed. The cause, when
 * there is one, says why (for example the {@code IOException} the peer's reset produced, or a
 * {@link java.util.concurrent.TimeoutException}).
 */
public class ConnectionClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what was closed and why. */
    public ConnectionClosedException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the failure that closed the connection. */
    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
