package org.dunlin.futures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An indexed binary min-heap of timer entries ordered by deadline, then by scheduling order, shared by
 * {@link SingleThreadTimer} and {@link ManualTimer}. Each entry knows its index, so cancelling removes it
 * in O(log n) and cancelled timeouts never pile up.
 *
 * <p>Guarded by the owning timer's lock, which the heap is given: the timer holds it around every call,
 * except {@link #lockedSize()} and an entry's {@code cancel} (which may come from any thread), which
 * take it themselves.
 */
final class TimerHeap {

    /** One scheduled task; its {@code cancel} removes it from the heap if still there. */
    static final class Entry implements Cancellable {
        final long deadline;
        final long seq;
        private final TimerHeap owner;
        Runnable task;
        int index = -1;

        Entry(long deadline, long seq, Runnable task, TimerHeap heap) {
            this.deadline = deadline;
            this.seq = seq;
            this.task = task;
            this.owner = heap;
        }

        @Override
        public boolean cancel() {
            return owner.lockedRemove(this);
        }

        @Override
        public String toString() {
            return "TimerTask[deadline=" + deadline + ", " + (index >= 0 ? "pending" : "done") + "]";
        }
    }

    private final ReentrantLock lock;
    private Entry[] heap = new Entry[16];
    private int size;
    private long seq;

    /** A heap guarded by {@code lock}, the owning timer's. */
    TimerHeap(ReentrantLock lock) {
        this.lock = lock;
    }

    /** Nanoseconds of a delay, clamped to [0, ~73 years] so deadlines never overflow. */
    static long delayNanos(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return 0;
        }
        try {
            return Math.min(delay.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }

    int size() {
        return size;
    }

    /** {@link #size()}, taking the lock. */
    int lockedSize() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    Entry peek() {
        return size == 0 ? null : heap[0];
    }

    Entry add(long deadline, Runnable task) {
        Entry e = new Entry(deadline, seq++, task, this);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        e.index = size;
        heap[size++] = e;
        siftUp(e.index);
        return e;
    }

    /** Removes and returns the earliest entry, or {@code null}. */
    Entry poll() {
        if (size == 0) {
            return null;
        }
        Entry head = heap[0];
        removeAt(0);
        return head;
    }

    /** Removes {@code e} if it is still in this heap; clears its task. */
    boolean remove(Entry e) {
        int i = e.index;
        if (i < 0 || i >= size || heap[i] != e) {
            return false;
        }
        removeAt(i);
        e.task = null;
        return true;
    }

    /** {@link #remove}, taking the lock: what an entry's {@code cancel} does. */
    private boolean lockedRemove(Entry e) {
        lock.lock();
        try {
            return remove(e);
        } finally {
            lock.unlock();
        }
    }

    /** Removes every entry and returns them in deadline order. */
    List<Entry> drain() {
        List<Entry> all = new ArrayList<>(size);
        Entry e;
        while ((e = poll()) != null) {
            all.add(e);
        }
        return all;
    }

    private void removeAt(int i) {
        Entry removed = heap[i];
        removed.index = -1;
        int last = --size;
        if (i != last) {
            Entry moved = heap[last];
            heap[i] = moved;
            moved.index = i;
            heap[last] = null;
            siftDown(i);
            if (heap[i] == moved) {
                siftUp(i);
            }
        } else {
            heap[last] = null;
        }
        if (heap.length > 64 && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, heap.length / 2);
        }
    }

    private static boolean before(Entry a, Entry b) {
        long d = a.deadline - b.deadline;
        return d < 0 || (d == 0 && a.seq < b.seq);
    }

    private void siftUp(int i) {
        Entry e = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Entry p = heap[parent];
            if (!before(e, p)) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = e;
        e.index = i;
    }

    private void siftDown(int i) {
        Entry e = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], e)) {
                break;
            }
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = e;
        e.index = i;
    }
}
