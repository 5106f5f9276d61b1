package org.dunlin.futures;

/**
 * The trampolined "pull until done" driver behind filter, chunks and the terminal operations. Ready items
 * are handled in a plain loop; a pending {@code next()} registers this object and returns, and the
 * callback resumes the loop on the completing thread. A callback that fires while its registration is
 * still on the stack only records the outcome for the registering frame (the {@link Trampoline} scheme,
 * shared with {@link Loop}), so the stack depth is constant.
 *
 * <p>As a {@link Link}, it lets a cancel of the promise it completes reach the pending {@code next()}.
 */
abstract class PullLoop<T> extends Trampoline<T> {
    final AsyncStream<T> source;
    volatile Promise<T> current;

    PullLoop(AsyncStream<T> source) {
        this.source = source;
    }

    /** Whether to stop pulling (the result was completed or cancelled). */
    abstract boolean stopped();

    /** Handles one item; returns whether to keep pulling. */
    abstract boolean onItem(T item);

    /** The stream ended. */
    abstract void onEnd();

    /** The stream failed with {@code cause} (unwrapped). */
    abstract void onFailure(Throwable cause);

    /** Runs the loop, starting with {@code first} if not {@code null}, else with a fresh {@code next()}. */
    final void run(Promise<T> first) {
        Promise<T> p = first;
        for (;;) {
            if (stopped()) {
                current = null;
                return;
            }
            if (p == null) {
                p = source.next();
            }
            current = p;
            T item;
            if (p.isDone() && !p.isCompletedExceptionally()) {
                item = p.getNow(null);
            } else {
                if (!register(p)) {
                    return;
                }
                Throwable x = takeEarlyFailure();
                item = takeEarlyValue();
                if (x != null) {
                    current = null;
                    onFailure(Promise.unwrap(x));
                    return;
                }
            }
            p = null;
            if (!dispatch(item)) {
                return;
            }
        }
    }

    private boolean dispatch(T item) {
        if (item == null) {
            current = null;
            onEnd();
            return false;
        }
        boolean more;
        try {
            more = onItem(item);
        } catch (Throwable x) {
            current = null;
            onFailure(x);
            return false;
        }
        return more;
    }

    @Override
    final void resume(T value, Throwable failure) {
        if (failure != null) {
            current = null;
            onFailure(Promise.unwrap(failure));
        } else if (dispatch(value)) {
            run(null);
        }
    }

    @Override
    Object acquireCancel() {
        Promise<T> c = current;
        return c == null || c.isDone() ? ALLOW : c;
    }

    @Override
    Object cancelSources() {
        Promise<T> c = current;
        current = null;
        // The pending next() may have changed since acquireCancel looked: cancel it through its own protocol.
        Promise.cancelStage(c);
        return null;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " waiting on " + describe(current);
    }
}
