package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * State of one {@link Futures#joinAll} or {@link Futures#settleAll}: values (or outcomes) land in their
 * input position and a countdown completes the result on the thread delivering the last one. For
 * {@code joinAll} the first failure decides, by a CAS, fails the result with the original cause and
 * cancels every other input. Cancelling the result cancels every input. Already-successful inputs are
 * read directly, without registering a callback.
 */
final class Join<T> extends Link {
    private static final VarHandle REMAINING =
            FieldHandles.of(MethodHandles.lookup(), Join.class, "remaining", int.class);
    private static final VarHandle DECIDED = FieldHandles.of(MethodHandles.lookup(), Join.class, "decided", int.class);

    private final Promise<List<Object>> result = new Promise<>();
    private final Object[] values;
    private final boolean settle;
    private volatile CompletableFuture<? extends T>[] inputs;
    @SuppressWarnings("unused") // via REMAINING
    private volatile int remaining;
    @SuppressWarnings("unused") // via DECIDED
    private volatile int decided;

    private Join(CompletableFuture<? extends T>[] inputs, boolean settle) {
        this.inputs = inputs;
        this.values = new Object[inputs.length];
        this.remaining = inputs.length + 1;
        this.settle = settle;
    }

    /** Values in input order ({@code settle} false) or one {@link Outcome} per input ({@code settle} true). */
    @SuppressWarnings("unchecked")
    static <T, R> Promise<List<R>> start(Collection<? extends CompletableFuture<? extends T>> futures, boolean settle) {
        Objects.requireNonNull(futures, "futures");
        CompletableFuture<? extends T>[] in = futures.toArray(new CompletableFuture[0]);
        if (in.length == 0) {
            return Promise.completed(List.of());
        }
        for (CompletableFuture<? extends T> f : in) {
            Objects.requireNonNull(f, "a future to join is null");
        }
        Join<T> j = new Join<>(in, settle);
        j.result.setUpstream(j);
        // `remaining` starts at n + 1: the extra count is this registration loop, so inputs that are
        // already complete are counted locally and subtracted once, with one atomic operation.
        int ready = 0;
        for (int i = 0; i < in.length && j.decided == 0; i++) {
            CompletableFuture<? extends T> f = in[i];
            if (f.isDone() && !f.isCompletedExceptionally()) {
                Object v = f.getNow(null);
                j.values[i] = settle ? Outcome.success(v) : v;
                ready++;
            } else {
                Promise.listen(f, new Slot(j, i));
            }
        }
        j.arrive(ready + 1);
        return (Promise<List<R>>) (Promise<?>) j.result;
    }

    void onComplete(int index, Object value, Throwable failure) {
        if (failure != null && !settle) {
            fail(Promise.unwrap(failure));
            return;
        }
        values[index] = settle ? Outcome.of(value, failure) : value;
        arrive(1);
    }

    private void arrive(int count) {
        if ((int) REMAINING.getAndAdd(this, -count) == count && DECIDED.compareAndSet(this, 0, 1)) {
            inputs = null;
            result.settle(Collections.unmodifiableList(Arrays.asList(values)), null);
        }
    }

    private void fail(Throwable cause) {
        if (DECIDED.compareAndSet(this, 0, 1)) {
            CompletableFuture<? extends T>[] in = inputs;
            inputs = null;
            result.settle(null, cause);
            for (CompletableFuture<? extends T> f : in) {
                f.cancel(false);
            }
        }
    }

    @Override
    Object cancelSources() {
        if (DECIDED.compareAndSet(this, 0, 1)) {
            CompletableFuture<? extends T>[] in = inputs;
            inputs = null;
            for (CompletableFuture<? extends T> f : in) {
                f.cancel(false);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return (settle ? "settleAll of " : "joinAll of ") + values.length + " futures";
    }

    /** The callback registered on one pending input. */
    private static final class Slot implements BiConsumer<Object, Throwable> {
        private final Join<?> owner;
        private final int index;

        Slot(Join<?> owner, int index) {
            this.owner = owner;
            this.index = index;
        }

        @Override
        public void accept(Object value, Throwable failure) {
            owner.onComplete(index, value, failure);
        }
    }
}
