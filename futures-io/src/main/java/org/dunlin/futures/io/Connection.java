package org.dunlin.futures.io;

import java.net.InetSocketAddress;
import org.dunlin.futures.Promise;

/**
 * A byte-stream connection — TCP ({@link TcpConnection}) or TLS over TCP
 * ({@link org.dunlin.futures.io.tls.TlsConnection}) — as a {@link ReadHalf} and a {@link WriteHalf} that
 * different tasks may use at the same time.
 *
 * <p>Closing: {@link #close()} aborts (pending operations fail with {@link ConnectionClosedException});
 * closing both halves — end of stream seen or input shut down, and output shut down after the queued
 * writes — closes the connection gracefully. Either way {@link #closed()} completes. Thread-safe.
 */
public interface Connection extends AutoCloseable {

    /** The reading half. */
    ReadHalf reader();

    /** The writing half. */
    WriteHalf writer();

    /**
     * The two halves, for handing to two tasks (tokio's {@code into_split}): closing the reader shuts
     * the input, closing the writer flushes and shuts the output, and the connection closes when both
     * are closed.
     */
    default Halves split() {
        return new Halves(reader(), writer());
    }

    /** The local address. */
    InetSocketAddress localAddress();

    /** The peer's address. */
    InetSocketAddress remoteAddress();

    /** Whether the connection is still open (not aborted and not both halves closed). */
    boolean isOpen();

    /**
     * Completes (normally, on the connection's callback thread) once the connection is closed, whatever
     * the reason; {@link #closeCause()} then tells it.
     */
    Promise<Void> closed();

    /** Why the connection was closed: {@code null} while open or after a graceful close. */
    Throwable closeCause();

    /** Closes at once; pending and later operations fail with {@link ConnectionClosedException}. */
    @Override
    void close();

    /**
     * A connection's two halves.
     *
     * @param reader the reading half
     * @param writer the writing half
     */
    record Halves(ReadHalf reader, WriteHalf writer) {
    }
}
