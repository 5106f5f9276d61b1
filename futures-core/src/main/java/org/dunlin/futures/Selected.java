package org.dunlin.futures;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The first of several futures to complete, from {@link Futures#select}, {@link Futures#selectAll} or
 * {@link Futures#selectOk}: its position in the input, its outcome, and the other inputs (in input order,
 * uncancelled) so the caller can keep racing them or cancel them.
 *
 * @param index position of the winner in the input collection
 * @param outcome how the winner completed (always a success for {@code selectOk})
 * @param rest the other inputs, in input order; some may have completed since
 */
public record Selected<T>(int index, Outcome<T> outcome, List<CompletableFuture<T>> rest) {
    public Selected {
        Objects.requireNonNull(outcome, "outcome");
        rest = List.copyOf(rest);
    }

    /**
     * The winner's value.
     *
     * @throws IllegalStateException if the winner failed (the cause is attached)
     */
    public T value() {
        if (outcome instanceof Outcome.Success<T> s) {
            return s.value();
        }
        throw new IllegalStateException("the selected future failed", ((Outcome.Failure<T>) outcome).cause());
    }

    /** Cancels every future in {@link #rest()}: the usual end of a race whose winner is all you need. */
    public void cancelRest() {
        for (CompletableFuture<T> f : rest) {
            f.cancel(false);
        }
    }
}
