package org.dunlin.futures;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * An executor that runs its tasks one at a time, in submission order, on a delegate executor (or on the
 * submitting thread) — an actor's mailbox. Submitting from inside a task does not recurse: the task is
 * queued and runs after the current one. Use one per connection or per session to get ordering without
 * locks, or pass one to {@link Promise#on} to serialize continuations.
 *
 * <p>Each task happens-before the next. An exception thrown by a task goes to the running thread's
 * uncaught-exception handler; later tasks still run. Lock-free and thread-safe; the queue is unbounded,
 * so producers that may outrun it need their own back-pressure (such as a {@link Channels#mpsc} channel).
 */
public final class SerialExecutor implements Executor {
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final SequentialScheduler scheduler;

    /** Runs tasks on the submitting thread (or on whichever thread is already draining). */
    public SerialExecutor() {
        this(null);
    }

    /** Runs tasks on {@code delegate}, one at a time; {@code null} means the submitting thread. */
    public SerialExecutor(Executor delegate) {
        this.scheduler = new SequentialScheduler(this::drain, delegate);
    }

    @Override
    public void execute(Runnable task) {
        queue.add(Objects.requireNonNull(task, "task"));
        scheduler.signal();
    }

    /** The number of tasks waiting to run. */
    public int queued() {
        return queue.size();
    }

    private void drain() {
        Runnable task;
        while ((task = queue.poll()) != null) {
            try {
                task.run();
            } catch (Throwable x) {
                Uncaught.report(x);
            }
        }
    }

    @Override
    public String toString() {
        return "SerialExecutor[" + queue.size() + " queued]";
    }
}
