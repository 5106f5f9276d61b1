package org.dunlin.futures;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks after a delay, and tells the time. Every time-based combinator ({@link Futures#delay},
 * {@link Futures#timeout}, {@link Futures#retry}, {@link AsyncStream#timeout}) takes one, so production
 * code passes a {@link SingleThreadTimer} and tests a {@link ManualTimer}.
 *
 * <p>Implementations are thread-safe. A task never runs inside {@link #schedule} itself, runs at most
 * once, and runs on a thread the implementation documents; futures completed by a task run their
 * continuations there. Tasks should be short: they share the timer's thread.
 */
public interface Timer extends Ticker {

    /**
     * Schedules {@code task} to run once, {@code delay} after now ({@link #nanoTime()}); a zero or
     * negative delay means as soon as possible.
     *
     * @return a handle whose {@code cancel} keeps the task from running if it has not started
     * @throws RejectedExecutionException if the timer is closed
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * A task that wants to know when a timer is closed before the task's time came. Dunlin's combinators
     * schedule such tasks, so that closing a timer fails the futures waiting on it (with a
     * {@link RejectedExecutionException}) instead of leaving them pending forever.
     */
    interface Task extends Runnable {
        /** Called, instead of {@link #run()}, on the thread closing the timer. */
        void discarded();
    }
}
