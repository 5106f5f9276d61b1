package org.dunlin.futures;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Timer} on virtual time, for tests: the clock stands still until {@link #advance} moves it,
 * and tasks run on the thread calling {@code advance}, in deadline order (ties in scheduling order), each
 * with the clock set to its deadline. A task scheduled by a task runs in the same {@code advance} if its
 * deadline falls within it. Nothing ever runs inside {@link #schedule}, even with a zero delay: call
 * {@link #runDue()}.
 *
 * <p>Thread-safe: any thread may schedule, cancel and read the clock; calls to {@code advance} are
 * serialized (a task may itself call {@code advance}).
 */
public final class ManualTimer implements Timer {
    private final ReentrantLock lock = new ReentrantLock();
    private final ReentrantLock advancing = new ReentrantLock();
    private final TimerHeap heap = new TimerHeap(lock);
    private volatile long now;

    /** A timer whose clock starts at 0. */
    public ManualTimer() {
        this(0);
    }

    /** A timer whose clock starts at {@code startNanos}. */
    public ManualTimer(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        long nanos = TimerHeap.delayNanos(delay);
        lock.lock();
        try {
            return heap.add(now + nanos, task);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock forward by {@code duration}, running every task whose deadline is reached, and
     * returns how many ran.
     */
    public int advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot go backwards: " + duration);
        }
        advancing.lock();
        try {
            long target = now + TimerHeap.delayNanos(duration);
            int ran = 0;
            for (;;) {
                Runnable task;
                lock.lock();
                try {
                    TimerHeap.Entry head = heap.peek();
                    if (head == null || head.deadline - target > 0) {
                        if (target - now > 0) {
                            now = target;
                        }
                        return ran;
                    }
                    heap.poll();
                    if (head.deadline - now > 0) {
                        now = head.deadline;
                    }
                    task = head.task;
                    head.task = null;
                } finally {
                    lock.unlock();
                }
                ran++;
                task.run();
            }
        } finally {
            advancing.unlock();
        }
    }

    /** Runs the tasks that are due now (zero delay) without moving the clock; returns how many ran. */
    public int runDue() {
        return advance(Duration.ZERO);
    }

    /** The number of tasks waiting for their deadline. */
    public int pendingCount() {
        return heap.lockedSize();
    }

    /** The time until the earliest pending task, or {@code null} if none is pending. */
    public Duration nextDeadline() {
        lock.lock();
        try {
            TimerHeap.Entry head = heap.peek();
            return head == null ? null : Duration.ofNanos(Math.max(0, head.deadline - now));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "ManualTimer[now=" + now + "ns, " + pendingCount() + " pending]";
    }
}
