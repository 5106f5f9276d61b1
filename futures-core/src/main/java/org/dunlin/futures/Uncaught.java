package org.dunlin.futures;

/**
 * The one place for exceptions that no future can carry (those thrown by a timer task or by a task of a
 * {@link SequentialScheduler} or {@link SerialExecutor}): they go to the current thread's
 * uncaught-exception handler, as those classes document, and are dropped if the thread has none. Never
 * throws unless the handler does.
 */
final class Uncaught {
    private Uncaught() {
    }

    /** Hands {@code x} to the current thread's uncaught-exception handler, if it has one. */
    static void report(Throwable x) {
        Thread t = Thread.currentThread();
        Thread.UncaughtExceptionHandler h = t.getUncaughtExceptionHandler();
        if (h != null) {
            h.uncaughtException(t, x);
        }
    }
}
