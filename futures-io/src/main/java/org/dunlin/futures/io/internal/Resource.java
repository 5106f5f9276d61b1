package org.dunlin.futures.io.internal;

/**
 * Something the runtime must close when it is closed: a connection, listener or socket. {@link #abort}
 * closes it at once and fails every pending operation with {@code cause}; idempotent and thread-safe.
 */
public interface Resource {
    /** Closes at once, failing pending operations with {@code cause}. */
    void abort(Throwable cause);
}
