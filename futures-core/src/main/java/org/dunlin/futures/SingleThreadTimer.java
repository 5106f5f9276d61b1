package org.dunlin.futures;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real {@link Timer}: one thread that runs tasks at their deadlines, on {@link System#nanoTime()}.
 *
 * <p><b>Thread.</b> The timer owns exactly one thread, named as given to the constructor. No thread
 * exists until the first {@link #schedule}; {@link #close()} ends it and waits for it to end (unless
 * called from a task, on the thread itself), so after {@code close()} the thread count is back where it
 * was. The thread is a daemon, so a timer that is never closed does not keep the JVM alive. Tasks — and
 * therefore the continuations of futures they complete, such as {@link Futures#delay} and timeouts — run
 * on this thread, one at a time, in deadline order; move heavy continuations elsewhere with
 * {@link Promise#on}. An exception thrown by a task goes to the thread's uncaught-exception handler and
 * the timer carries on.
 *
 * <p><b>Close.</b> Pending tasks do not run; those that are {@link Timer.Task}s are told
 * ({@link Timer.Task#discarded()}) on the closing thread, so Dunlin's combinators fail their futures
 * with {@link RejectedExecutionException}. Later {@code schedule} calls throw it.
 *
 * <p>Thread-safe. Cancelling a scheduled task removes it at once (O(log n)).
 */
public final class SingleThreadTimer implements Timer, AutoCloseable {
    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TimerHeap heap = new TimerHeap(lock);
    private Thread thread;
    private boolean closed;

    /** A timer whose thread is called {@code dunlin-timer}. */
    public SingleThreadTimer() {
        this("dunlin-timer");
    }

    /** A timer whose thread has the given name. */
    public SingleThreadTimer(String threadName) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        long nanos = TimerHeap.delayNanos(delay);
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("timer " + threadName + " is closed");
            }
            TimerHeap.Entry e = heap.add(System.nanoTime() + nanos, task);
            if (thread == null) {
                thread = new Thread(this::loop, threadName);
                thread.setDaemon(true);
                thread.start();
            } else if (heap.peek() == e) {
                changed.signal();
            }
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** The number of tasks waiting for their deadline. */
    public int pendingCount() {
        return heap.lockedSize();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the timer: pending tasks are discarded (see the class comment) and the thread ends; waits for
     * it unless called on it. Idempotent.
     */
    @Override
    public void close() {
        List<TimerHeap.Entry> left;
        Thread t;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            left = heap.drain();
            t = thread;
            changed.signal();
        } finally {
            lock.unlock();
        }
        if (t != null && t != Thread.currentThread()) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (TimerHeap.Entry e : left) {
            Runnable task = e.task;
            e.task = null;
            if (task instanceof Timer.Task) {
                try {
                    ((Timer.Task) task).discarded();
                } catch (Throwable x) {
                    Uncaught.report(x);
                }
            }
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "SingleThreadTimer[" + threadName + ", " + (closed ? "closed" : heap.size() + " pending") + "]";
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        for (;;) {
            Runnable task;
            lock.lock();
            try {
                for (;;) {
                    if (closed) {
                        return;
                    }
                    TimerHeap.Entry head = heap.peek();
                    if (head == null) {
                        changed.awaitUninterruptibly();
                        continue;
                    }
                    long wait = head.deadline - System.nanoTime();
                    if (wait > 0) {
                        try {
                            changed.awaitNanos(wait);
                        } catch (InterruptedException e) {
                            // only close() stops the timer
                        }
                        continue;
                    }
                    heap.poll();
                    task = head.task;
                    head.task = null;
                    break;
                }
            } finally {
                lock.unlock();
            }
            try {
                task.run();
            } catch (Throwable x) {
                Uncaught.report(x);
            }
        }
    }
}
