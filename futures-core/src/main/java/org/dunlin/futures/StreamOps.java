package org.dunlin.futures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one-at-a-time stream operators: map, mapAsync, filter, take, chunks. Each pulls from its upstream
 * only when its consumer asks, so they hold no items of their own (chunks holds the group it is
 * building), and closing one closes the upstream.
 */
final class StreamOps {
    private StreamOps() {
    }

    /** Shared base: closes the upstream on close. */
    abstract static class Operator<T, R> extends AbstractAsyncStream<R> {
        final AsyncStream<T> upstream;

        Operator(AsyncStream<T> upstream) {
            this.upstream = upstream;
        }

        @Override
        protected void onClose() {
            upstream.close();
        }
    }

    static final class Map<T, R> extends Operator<T, R> {
        private final Function<T, R> mapper;

        Map(AsyncStream<T> upstream, Function<? super T, ? extends R> fn) {
            super(upstream);
            this.mapper = item -> item == null ? null
                    : Objects.requireNonNull(fn.apply(item), "stream map function returned null");
        }

        @Override
        protected Promise<R> pull() {
            return upstream.next().map(mapper);
        }
    }

    static final class MapAsync<T, R> extends Operator<T, R> {
        private final Function<T, CompletionStage<R>> mapper;
        private static final Function<Object, Object> NON_NULL =
                v -> Objects.requireNonNull(v, "stream mapAsync future completed with null");

        @SuppressWarnings("unchecked")
        MapAsync(AsyncStream<T> upstream, Function<? super T, ? extends CompletionStage<R>> fn) {
            super(upstream);
            this.mapper = item -> {
                if (item == null) {
                    return endOfStream();
                }
                CompletionStage<R> s = fn.apply(item);
                if (s == null) {
                    throw new NullPointerException("stream mapAsync function returned null");
                }
                return Promise.from(s).map((Function<R, R>) (Function<?, ?>) NON_NULL);
            };
        }

        @Override
        protected Promise<R> pull() {
            return upstream.next().andThen(mapper);
        }
    }

    static final class Filter<T> extends Operator<T, T> {
        private final Predicate<? super T> predicate;

        Filter(AsyncStream<T> upstream, Predicate<? super T> predicate) {
            super(upstream);
            this.predicate = predicate;
        }

        @Override
        protected Promise<T> pull() {
            Promise<T> p = upstream.next();
            while (p.isDone() && !p.isCompletedExceptionally()) {
                T item = p.getNow(null);
                try {
                    if (item == null || predicate.test(item)) {
                        return p;
                    }
                } catch (Throwable x) {
                    return Promise.failed(x);
                }
                p = upstream.next();
            }
            if (p.isCompletedExceptionally()) {
                return p;
            }
            // p is pending, or an item arrived since the loop looked: either way the loop tests it
            FilterLoop<T> loop = new FilterLoop<>(upstream, predicate);
            loop.out.setUpstream(loop);
            loop.run(p);
            return loop.out;
        }
    }

    /** A pending filter step: pulls until an item passes. */
    static final class FilterLoop<T> extends PullLoop<T> {
        final Promise<T> out = new Promise<>();
        private final Predicate<? super T> predicate;

        FilterLoop(AsyncStream<T> source, Predicate<? super T> predicate) {
            super(source);
            this.predicate = predicate;
        }

        @Override
        boolean stopped() {
            return out.isDone();
        }

        @Override
        boolean onItem(T item) {
            if (predicate.test(item)) {
                out.settle(item, null);
                return false;
            }
            return true;
        }

        @Override
        void onEnd() {
            out.settle(null, null);
        }

        @Override
        void onFailure(Throwable cause) {
            out.settle(null, cause);
        }
    }

    static final class Take<T> extends Operator<T, T> {
        private long remaining;
        private Promise<T> previous;
        private final Function<T, T> closeAfterLast;

        Take(AsyncStream<T> upstream, long n) {
            super(upstream);
            this.remaining = n;
            this.closeAfterLast = item -> {
                upstream.close();
                return item;
            };
        }

        @Override
        protected Promise<T> pull() {
            if (previous != null && previous.isCancelled()) {
                remaining++;
            }
            previous = null;
            if (remaining <= 0) {
                upstream.close();
                return endOfStream();
            }
            remaining--;
            Promise<T> p = upstream.next();
            if (remaining == 0) {
                p = p.map(closeAfterLast);
            }
            previous = p;
            return p;
        }
    }

    static final class Chunks<T> extends Operator<T, List<T>> {
        private final int size;
        private volatile Throwable pendingFailure;
        private List<T> carried;

        Chunks(AsyncStream<T> upstream, int size) {
            super(upstream);
            this.size = size;
        }

        @Override
        protected Promise<List<T>> pull() {
            Throwable f = pendingFailure;
            if (f != null) {
                return Promise.failed(f);
            }
            List<T> start;
            synchronized (this) {
                start = carried;
                carried = null;
            }
            if (start != null && start.size() >= size) {
                return Promise.completed(start);
            }
            ChunkLoop<T> loop = new ChunkLoop<>(this, start);
            loop.out.setUpstream(loop);
            loop.run(null);
            return loop.out;
        }

        /** Keeps the items of a group whose next() was cancelled for the following call. */
        synchronized void carry(List<T> items) {
            if (carried == null) {
                carried = new ArrayList<>(items);
            } else {
                carried.addAll(items);
            }
        }
    }

    /** Builds one chunk; a cancel keeps the partial group for the next call. */
    static final class ChunkLoop<T> extends PullLoop<T> {
        final Promise<List<T>> out = new Promise<>();
        private final Chunks<T> owner;
        private List<T> chunk;

        ChunkLoop(Chunks<T> owner, List<T> start) {
            super(owner.upstream);
            this.owner = owner;
            this.chunk = start;
        }

        @Override
        boolean stopped() {
            return out.isDone();
        }

        @Override
        boolean onItem(T item) {
            List<T> full = null;
            synchronized (owner) {
                if (out.isDone()) {
                    owner.carry(List.of(item));
                    return false;
                }
                if (chunk == null) {
                    chunk = new ArrayList<>(Math.min(owner.size, 1024));
                }
                chunk.add(item);
                if (chunk.size() >= owner.size) {
                    full = chunk;
                    chunk = null;
                }
            }
            if (full != null) {
                out.settle(full, null);
                return false;
            }
            return true;
        }

        @Override
        void onEnd() {
            List<T> c = take();
            if (!out.settle(c == null || c.isEmpty() ? null : c, null) && c != null && !c.isEmpty()) {
                owner.carry(c);
            }
        }

        @Override
        void onFailure(Throwable cause) {
            List<T> c = take();
            if (c == null || c.isEmpty()) {
                out.settle(null, cause);
            } else {
                owner.pendingFailure = cause;
                if (!out.settle(c, null)) {
                    owner.carry(c);
                }
            }
        }

        private List<T> take() {
            synchronized (owner) {
                List<T> c = chunk;
                chunk = null;
                return c;
            }
        }

        @Override
        Object cancelSources() {
            synchronized (owner) {
                if (chunk != null && !chunk.isEmpty()) {
                    owner.carry(chunk);
                }
                chunk = null;
            }
            return super.cancelSources();
        }
    }
}
