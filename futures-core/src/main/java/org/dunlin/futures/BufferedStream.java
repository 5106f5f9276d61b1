package org.dunlin.futures;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * {@link AsyncStream#buffered} and {@link AsyncStream#bufferUnordered}: up to {@code concurrency} items
 * are being transformed or waiting to be consumed at any time.
 *
 * <p>Design: a {@link PumpedStream}, so no user code runs under the lock, the pump never runs on two
 * threads at once, and a consumer that calls {@code next()} from inside its callback does not recurse.
 * Its events are the consumer asking, an upstream item arriving and a result completing; the pump's
 * actions, performed outside the lock, are calling the user function, pulling upstream and completing
 * the consumer's promise. A slot is reserved when an upstream pull starts and freed when its result is
 * consumed, which bounds both the work in flight and the results held.
 */
final class BufferedStream<T, R> extends PumpedStream<R> {
    private final AsyncStream<T> upstream;
    private final int concurrency;
    private final Function<? super T, ? extends CompletionStage<R>> fn;
    private final boolean ordered;
    private final BiConsumer<T, Throwable> pullDone = this::pullDone;

    // Guarded by lock (and so are the inherited consumer and terminated).
    private final ArrayDeque<Slot<R>> queue = new ArrayDeque<>();
    private final Set<Slot<R>> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    private int occupied;
    private boolean pullInFlight;
    private Promise<T> pulling;
    private boolean pullStarted;
    private T pulledItem;
    private boolean upstreamDone;
    private Throwable upstreamFailure;

    BufferedStream(AsyncStream<T> upstream, int concurrency, Function<? super T, ? extends CompletionStage<R>> fn,
            boolean ordered) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.upstream = upstream;
        this.concurrency = concurrency;
        this.fn = fn;
        this.ordered = ordered;
    }

    @Override
    void pump() {
        for (;;) {
            Handoff<R> deliverTo = null;
            R value = null;
            Throwable failure = null;
            T start = null;
            boolean pullNow = false;
            synchronized (lock) {
                if (terminated) {
                    return;
                }
                Handoff<R> c = waitingConsumer();
                if (c != null) {
                    Slot<R> head = queue.peekFirst();
                    if (head != null && head.finished) {
                        if (c.claim()) {
                            queue.pollFirst();
                            occupied--;
                            deliverTo = c;
                            value = head.value;
                            failure = head.failure;
                        }
                        consumer = null;
                    } else if (occupied == 0 && upstreamDone) {
                        if (c.claim()) {
                            deliverTo = c;
                            failure = upstreamFailure;
                        }
                        consumer = null;
                    }
                }
                if (deliverTo == null) {
                    if (pulledItem != null) {
                        start = pulledItem;
                        pulledItem = null;
                    } else if (pullStarted || consumer != null) {
                        pullStarted = true;
                        if (!upstreamDone && !pullInFlight && occupied < concurrency && !isClosed()) {
                            occupied++;
                            pullNow = true;
                            pullInFlight = true;
                        }
                    }
                }
                if (deliverTo == null && start == null && !pullNow) {
                    return;
                }
            }
            if (deliverTo != null) {
                if (failure != null) {
                    terminate();
                }
                deliverTo.promise.settle(value, failure);
            } else if (start != null) {
                startItem(start);
            } else {
                Promise<T> p = upstream.next();
                synchronized (lock) {
                    if (pullInFlight) {
                        pulling = p;
                    }
                }
                p.listenRaw(pullDone);
            }
        }
    }

    private void startItem(T item) {
        CompletionStage<R> f;
        try {
            f = fn.apply(item);
            if (f == null) {
                f = Promise.failed(new NullPointerException("buffered stream function returned null"));
            }
        } catch (Throwable x) {
            f = Promise.failed(x);
        }
        Slot<R> slot = new Slot<>(this, f);
        boolean cancel;
        synchronized (lock) {
            cancel = terminated;
            if (!cancel) {
                inFlight.add(slot);
                if (ordered) {
                    queue.addLast(slot);
                }
            }
        }
        if (cancel) {
            Promise.cancelStage(f);
            return;
        }
        Promise.listenStage(f, slot);
    }

    private void pullDone(T item, Throwable failure) {
        synchronized (lock) {
            pullInFlight = false;
            pulling = null;
            if (terminated) {
                return;
            }
            if (failure != null) {
                upstreamDone = true;
                upstreamFailure = Promise.unwrap(failure);
                occupied--;
            } else if (item == null) {
                upstreamDone = true;
                occupied--;
            } else {
                pulledItem = item;
            }
        }
        pump.signal();
    }

    private void slotDone(Slot<R> slot, R value, Throwable failure) {
        if (failure == null && value == null) {
            failure = new NullPointerException("buffered stream future completed with null");
        }
        synchronized (lock) {
            if (!inFlight.remove(slot)) {
                return;
            }
            slot.finished = true;
            slot.value = value;
            slot.failure = failure == null ? null : Promise.unwrap(failure);
            if (!ordered) {
                queue.addLast(slot);
            }
        }
        pump.signal();
    }

    @Override
    void terminate() {
        List<Slot<R>> running;
        Promise<T> pull;
        synchronized (lock) {
            if (terminated) {
                return;
            }
            terminated = true;
            running = new ArrayList<>(inFlight);
            inFlight.clear();
            queue.clear();
            pull = pulling;
            pulling = null;
            pullInFlight = false;
            pulledItem = null;
        }
        for (Slot<R> s : running) {
            Promise.cancelStage(s.future);
        }
        if (pull != null) {
            pull.cancel(false);
        }
        upstream.close();
    }

    /** One item's transformation. */
    private static final class Slot<R> implements BiConsumer<R, Throwable> {
        private final BufferedStream<?, R> owner;
        final CompletionStage<R> future;
        boolean finished;
        R value;
        Throwable failure;

        Slot(BufferedStream<?, R> owner, CompletionStage<R> future) {
            this.owner = owner;
            this.future = future;
        }

        @Override
        public void accept(R value, Throwable failure) {
            owner.slotDone(this, value, failure);
        }
    }
}
