package org.dunlin.futures;

/** What {@link AsyncStream#timeout} does when no item arrives in time. */
public enum TimeoutAction {
    /** The pending {@code next()} fails with a {@link java.util.concurrent.TimeoutException}. */
    FAIL,
    /** The stream ends: the pending {@code next()} completes with end-of-stream ({@code null}). */
    END
}
