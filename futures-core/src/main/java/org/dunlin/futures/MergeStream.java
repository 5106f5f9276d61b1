package org.dunlin.futures;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@link AsyncStream#mergeAll}: interleaves several streams in arrival order. Each source has at most one
 * {@code next()} in flight and at most one item waiting, so the merge holds at most one item per source.
 * A {@link PumpedStream}, like {@link BufferedStream}: state under a lock, actions in a
 * {@link SequentialScheduler} pump, user-visible completions outside the lock. Pulling starts with the
 * first {@code next()}.
 */
final class MergeStream<T> extends PumpedStream<T> {
    private final List<Source<T>> sources = new ArrayList<>();

    // Guarded by lock (and so are the inherited consumer and terminated).
    private final ArrayDeque<Ready<T>> ready = new ArrayDeque<>();
    private int live;
    private boolean started;

    MergeStream(List<? extends AsyncStream<? extends T>> streams) {
        for (AsyncStream<? extends T> s : streams) {
            sources.add(new Source<>(this, s));
        }
        live = sources.size();
    }

    @Override
    void consumerArrived() {
        started = true;
    }

    @Override
    void pump() {
        for (;;) {
            Handoff<T> deliverTo = null;
            Ready<T> item = null;
            List<Source<T>> toPull = null;
            synchronized (lock) {
                if (terminated) {
                    return;
                }
                Handoff<T> c = waitingConsumer();
                if (c != null && (!ready.isEmpty() || live == 0)) {
                    if (c.claim()) {
                        deliverTo = c;
                        item = ready.pollFirst();
                        if (item != null) {
                            item.source.hasReady = false;
                        }
                    }
                    consumer = null;
                }
                if (started && !isClosed()) {
                    for (Source<T> s : sources) {
                        if (!s.ended && !s.pulling && !s.hasReady) {
                            s.pulling = true;
                            if (toPull == null) {
                                toPull = new ArrayList<>();
                            }
                            toPull.add(s);
                        }
                    }
                }
                if (deliverTo == null && toPull == null) {
                    return;
                }
            }
            if (toPull != null) {
                for (Source<T> s : toPull) {
                    s.start();
                }
            }
            if (deliverTo != null) {
                if (item == null) {
                    deliverTo.promise.settle(null, null);
                } else if (item.failure != null) {
                    terminate();
                    deliverTo.promise.settle(null, item.failure);
                } else {
                    deliverTo.promise.settle(item.value, null);
                }
            }
        }
    }

    private void arrived(Source<T> s, T value, Throwable failure) {
        synchronized (lock) {
            s.pulling = false;
            s.pending = null;
            if (terminated) {
                return;
            }
            if (failure != null) {
                ready.addLast(new Ready<>(s, null, Promise.unwrap(failure)));
                s.hasReady = true;
                s.ended = true;
            } else if (value == null) {
                s.ended = true;
                live--;
            } else {
                ready.addLast(new Ready<>(s, value, null));
                s.hasReady = true;
            }
        }
        pump.signal();
    }

    @Override
    void terminate() {
        List<Promise<? extends T>> pending = new ArrayList<>();
        synchronized (lock) {
            if (terminated) {
                return;
            }
            terminated = true;
            ready.clear();
            for (Source<T> s : sources) {
                if (s.pending != null) {
                    pending.add(s.pending);
                    s.pending = null;
                }
            }
        }
        for (Promise<? extends T> p : pending) {
            p.cancel(false);
        }
        for (Source<T> s : sources) {
            s.stream.close();
        }
    }

    /** One merged stream and its pull state (guarded by the merge's lock). */
    private static final class Source<T> implements BiConsumer<T, Throwable> {
        private final MergeStream<T> owner;
        final AsyncStream<? extends T> stream;
        boolean pulling;
        boolean hasReady;
        boolean ended;
        Promise<? extends T> pending;

        Source(MergeStream<T> owner, AsyncStream<? extends T> stream) {
            this.owner = owner;
            this.stream = stream;
        }

        @SuppressWarnings("unchecked")
        void start() {
            Promise<T> p = (Promise<T>) stream.next();
            synchronized (owner.lock) {
                if (pulling) {
                    pending = p;
                }
            }
            p.listenRaw(this);
        }

        @Override
        public void accept(T value, Throwable failure) {
            owner.arrived(this, value, failure);
        }
    }

    /** An item (or a failure) waiting for the consumer. */
    private record Ready<T>(Source<T> source, T value, Throwable failure) {
    }
}
