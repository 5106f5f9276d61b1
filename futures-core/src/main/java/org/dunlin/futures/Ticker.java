package org.dunlin.futures;

/**
 * A monotonic clock in nanoseconds, injected wherever time is read (TTLs, deadlines, timeouts) so tests
 * can use virtual time ({@link ManualTimer}). Only differences between readings are meaningful.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface Ticker {
    /** The system's monotonic clock, {@link System#nanoTime()}. */
    Ticker SYSTEM = System::nanoTime;

    /** The current reading, in nanoseconds. */
    long nanoTime();
}
