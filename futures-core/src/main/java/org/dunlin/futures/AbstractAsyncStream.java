package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;

/**
 * Base class for {@link AsyncStream} implementations: it enforces the stream contract so that a subclass
 * only says how to produce the next item ({@link #pull()}) and how to release its resources
 * ({@link #onClose()}).
 *
 * <p>What it enforces: one {@code next()} outstanding at a time (a second call while the first is pending
 * fails with {@link IllegalStateException}); once a {@code next()} has completed with end-of-stream or a
 * failure, every later call returns that same completed promise (so nothing after the end is pulled);
 * after {@link #close()}, {@code next()} fails with {@link CancellationException}. A {@code next()}
 * promise the consumer cancelled is not terminal: the subclass must keep any item it could not hand over
 * for the following call. {@code close()} is idempotent, may be called from any thread, cancels the
 * pending {@code next()} and then calls {@code onClose()} once.
 *
 * <p>It allocates nothing per item beyond what {@code pull()} returns.
 */
public abstract class AbstractAsyncStream<T> implements AsyncStream<T> {
    private static final VarHandle CLOSED =
            FieldHandles.of(MethodHandles.lookup(), AbstractAsyncStream.class, "closed", boolean.class);

    /** A shared end-of-stream promise (completed promises never change, so one instance serves all). */
    static final Promise<Object> END = Promise.completed(null);

    private volatile Promise<T> last;
    @SuppressWarnings("unused") // via CLOSED
    private volatile boolean closed;

    /** For subclasses. */
    protected AbstractAsyncStream() {
    }

    /** A completed end-of-stream promise, shared (it never changes). */
    @SuppressWarnings("unchecked")
    protected static <T> Promise<T> endOfStream() {
        return (Promise<T>) END;
    }

    @Override
    public final Promise<T> next() {
        Promise<T> prev = last;
        if (prev != null) {
            if (!prev.isDone()) {
                return Promise.failed(new IllegalStateException("next() called while the previous next() is pending"));
            }
            if (!prev.isCancelled() && (prev.isCompletedExceptionally() || prev.getNow(null) == null)) {
                return prev;
            }
        }
        if (closed) {
            return Promise.failed(new CancellationException("stream closed"));
        }
        Promise<T> p;
        try {
            p = pull();
            if (p == null) {
                p = Promise.failed(new NullPointerException(getClass().getName() + ".pull() returned null"));
            }
        } catch (Throwable x) {
            p = Promise.failed(x);
        }
        last = p;
        if (closed) {
            p.cancel(false);
        }
        return p;
    }

    @Override
    public final void close() {
        if (!CLOSED.compareAndSet(this, false, true)) {
            return;
        }
        Promise<T> p = last;
        if (p != null) {
            p.cancel(false);
        }
        onClose();
    }

    /** Whether {@link #close()} has been called. */
    protected final boolean isClosed() {
        return closed;
    }

    /**
     * Produces the promise of the next item: completed with the item (never {@code null}), with
     * {@code null} at the end, or exceptionally. Called by {@link #next()} only when no other call is
     * outstanding, the stream has not ended and is not closed. Cancelling the returned promise must not
     * lose an item that was already taken from the source.
     */
    protected abstract Promise<T> pull();

    /** Releases resources (closes upstream streams, cancels in-flight work). Called once. */
    protected void onClose() {
    }
}
