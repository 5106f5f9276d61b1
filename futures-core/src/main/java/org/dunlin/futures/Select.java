package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * State of one {@link Futures#selectAll} or {@link Futures#selectOk}: the first input to complete (or to
 * succeed) decides, by a CAS, and the others are handed back uncancelled in {@link Selected#rest()}.
 * Cancelling the result before a decision cancels every input. Once decided, the state forgets the
 * inputs, so callbacks still registered on slow losers keep nothing alive.
 */
final class Select<T> extends Link {
    private static final VarHandle DECIDED =
            FieldHandles.of(MethodHandles.lookup(), Select.class, "decided", int.class);
    private static final VarHandle FAILURES =
            FieldHandles.of(MethodHandles.lookup(), Select.class, "failures", int.class);

    private final Promise<Selected<T>> result = new Promise<>();
    private final boolean okOnly;
    private final Throwable[] causes;
    private volatile CompletableFuture<T>[] inputs;
    @SuppressWarnings("unused") // via DECIDED
    private volatile int decided;
    @SuppressWarnings("unused") // via FAILURES
    private volatile int failures;

    private Select(CompletableFuture<T>[] inputs, boolean okOnly) {
        this.inputs = inputs;
        this.okOnly = okOnly;
        this.causes = okOnly ? new Throwable[inputs.length] : null;
    }

    @SuppressWarnings("unchecked")
    static <T> Promise<Selected<T>> start(Collection<? extends CompletableFuture<T>> futures, boolean okOnly) {
        Objects.requireNonNull(futures, "futures");
        CompletableFuture<T>[] in = futures.toArray(new CompletableFuture[0]);
        if (in.length == 0) {
            throw new IllegalArgumentException("nothing to select from");
        }
        for (CompletableFuture<T> f : in) {
            Objects.requireNonNull(f, "a future to select from is null");
        }
        Select<T> s = new Select<>(in, okOnly);
        s.result.setUpstream(s);
        for (int i = 0; i < in.length && s.decided == 0; i++) {
            Promise.listen(in[i], new Slot<>(s, i));
        }
        return s.result;
    }

    private boolean decide() {
        return DECIDED.compareAndSet(this, 0, 1);
    }

    void onComplete(int index, T value, Throwable failure) {
        if (okOnly && failure != null) {
            causes[index] = Promise.unwrap(failure);
            if ((int) FAILURES.getAndAdd(this, 1) + 1 == causes.length && decide()) {
                inputs = null;
                result.settle(null, new AllFailedException(Arrays.asList(causes)));
            }
            return;
        }
        if (!decide()) {
            return;
        }
        CompletableFuture<T>[] in = inputs;
        inputs = null;
        @SuppressWarnings("unchecked")
        CompletableFuture<T>[] others = new CompletableFuture[in.length - 1];
        System.arraycopy(in, 0, others, 0, index);
        System.arraycopy(in, index + 1, others, index, in.length - index - 1);
        // List.of makes the unmodifiable list that Selected keeps without copying it again
        result.settle(new Selected<>(index, Outcome.of(value, failure), List.of(others)), null);
    }

    @Override
    Object cancelSources() {
        if (decide()) {
            CompletableFuture<T>[] in = inputs;
            inputs = null;
            for (CompletableFuture<T> f : in) {
                f.cancel(false);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        CompletableFuture<T>[] in = inputs;
        return (okOnly ? "selectOk of " : "selectAll of ") + (in == null ? "decided" : in.length + " futures");
    }

    /** The callback registered on one input. */
    private static final class Slot<T> implements BiConsumer<T, Throwable> {
        private final Select<T> owner;
        private final int index;

        Slot(Select<T> owner, int index) {
            this.owner = owner;
            this.index = index;
        }

        @Override
        public void accept(T value, Throwable failure) {
            owner.onComplete(index, value, failure);
        }
    }
}
