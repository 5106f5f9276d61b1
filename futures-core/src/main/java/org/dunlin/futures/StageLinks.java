package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The links behind {@link Promise}'s instance combinators. Each is registered on the source as the
 * JDK completion's function, so it both computes the derived value and forgets the source and the user
 * function when it fires.
 *
 * <p>Fields are written before the link is published (the JDK's completion push is a CAS) and cleared by
 * the firing thread with plain writes; a canceller that reads a stale reference only cancels an
 * already-completed future, which is a no-op.
 */
final class StageLinks {
    private StageLinks() {
    }

    /** map, recover, mapError, inspect, inspectError: one synchronous function on the outcome. */
    static final class Handle<T, U> extends Link implements BiFunction<T, Throwable, U> {
        static final int MAP = 0;
        static final int RECOVER = 1;
        static final int MAP_ERROR = 2;
        static final int INSPECT = 3;
        static final int INSPECT_ERROR = 4;
        private static final String[] NAMES = {"map", "recover", "mapError", "inspect", "inspectError"};

        private Promise<T> source;
        private Object fn;
        private final int mode;

        Handle(Promise<T> source, Object fn, int mode) {
            this.source = source;
            this.fn = fn;
            this.mode = mode;
        }

        @Override
        @SuppressWarnings("unchecked")
        public U apply(T value, Throwable failure) {
            Object f = fn;
            source = null;
            fn = null;
            if (f == null) {
                throw new CancellationException("cancelled");
            }
            switch (mode) {
                case MAP:
                    if (failure != null) {
                        throw Promise.rethrow(failure);
                    }
                    return ((Function<? super T, ? extends U>) f).apply(value);
                case RECOVER:
                    if (failure == null) {
                        return (U) value;
                    }
                    return ((Function<? super Throwable, ? extends U>) f).apply(Promise.unwrap(failure));
                case MAP_ERROR:
                    if (failure == null) {
                        return (U) value;
                    }
                    Throwable mapped = ((Function<? super Throwable, ? extends Throwable>) f)
                            .apply(Promise.unwrap(failure));
                    throw Promise.rethrow(mapped != null ? mapped
                            : new NullPointerException("mapError function returned null"));
                case INSPECT:
                    if (failure != null) {
                        throw Promise.rethrow(failure);
                    }
                    ((Consumer<? super T>) f).accept(value);
                    return (U) value;
                default:
                    if (failure == null) {
                        return (U) value;
                    }
                    ((Consumer<? super Throwable>) f).accept(Promise.unwrap(failure));
                    throw Promise.rethrow(failure);
            }
        }

        @Override
        Object acquireCancel() {
            Object s = source;
            return s == null ? VETO : s;
        }

        @Override
        Object cancelSources() {
            Object s = source;
            source = null;
            fn = null;
            return s;
        }

        @Override
        public String toString() {
            return NAMES[mode] + " of " + describe(source);
        }
    }

    /**
     * andThen and orElse: waits on the source, then on the inner stage the function returns. 24 bytes:
     * {@code source} and {@code fn} until the source completes, then {@code stage} holds the inner stage
     * while it is pending (an inner stage that is already complete is never stored, so it does not
     * escape), or {@link #CANCELLED}. Stage transitions are CASes so a cancel racing the function cannot
     * miss the inner stage.
     */
    abstract static class Compose<I, U> extends Link implements Function<I, CompletionStage<U>> {
        private static final Object CANCELLED = new Object();
        private static final VarHandle STAGE =
                FieldHandles.of(MethodHandles.lookup(), Compose.class, "stage", Object.class);

        private Promise<?> source;
        private Function<? super I, ? extends CompletionStage<U>> fn;
        private volatile Object stage;

        @SuppressWarnings("unchecked")
        Compose(Promise<?> source, Function<?, ? extends CompletionStage<U>> fn) {
            this.source = source;
            this.fn = (Function<? super I, ? extends CompletionStage<U>>) fn;
        }

        abstract I input(I raw);

        abstract String name();

        @Override
        public final CompletionStage<U> apply(I raw) {
            Function<? super I, ? extends CompletionStage<U>> f = fn;
            fn = null;
            source = null;
            if (f == null || stage == CANCELLED) {
                throw new CancellationException("cancelled");
            }
            CompletionStage<U> g = f.apply(input(raw));
            if (g == null) {
                throw new NullPointerException(name() + " function returned null");
            }
            if (g instanceof CompletableFuture && ((CompletableFuture<?>) g).isDone()) {
                return g;
            }
            if (!STAGE.compareAndSet(this, null, g)) {
                Promise.cancelStage(g);
            }
            return g;
        }

        @Override
        final Object acquireCancel() {
            Object st = stage;
            if (st == CANCELLED) {
                return ALLOW;
            }
            if (st != null) {
                return st;
            }
            Object s = source;
            return s == null ? ALLOW : s;
        }

        @Override
        final Object cancelSources() {
            Object inner = STAGE.getAndSet(this, CANCELLED);
            if (inner != null && inner != CANCELLED) {
                // acquireCancel may have walked into the source rather than this inner stage: cancel it
                // through its own protocol
                Promise.cancelStage(inner);
                return null;
            }
            Object s = source;
            source = null;
            fn = null;
            return s;
        }

        @Override
        public final String toString() {
            Object st = stage;
            return name() + " of " + (st == CANCELLED ? "cancelled" : describe(st != null ? st : source));
        }
    }

    /** {@link Promise#andThen}. */
    static final class AndThen<T, U> extends Compose<T, U> {
        AndThen(Promise<T> source, Function<? super T, ? extends CompletionStage<U>> fn) {
            super(source, fn);
        }

        @Override
        T input(T raw) {
            return raw;
        }

        @Override
        String name() {
            return "andThen";
        }
    }

    /** {@link Promise#orElse}: the function sees the unwrapped cause. */
    static final class OrElse<T> extends Compose<Throwable, T> {
        OrElse(Promise<T> source, Function<? super Throwable, ? extends CompletionStage<T>> fn) {
            super(source, fn);
        }

        @Override
        Throwable input(Throwable raw) {
            return Promise.unwrap(raw);
        }

        @Override
        String name() {
            return "orElse";
        }
    }
}
