package org.dunlin.properties.futures;

import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.dunlin.futures.Outcome;
import org.dunlin.futures.Promise;

/**
 * How a promise under test gets its outcome: already completed when the combinator is applied, or
 * completed afterwards; with a value or a failure. Lets every law be checked on both the fast path and the
 * pending path of each combinator.
 */
record Sources(boolean completeFirst, boolean fail, int value) {
    static final Exception BOOM = new Exception("boom");

    static Arbitrary<Sources> any() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(-1000, 1000)).as((first, f, v) -> new Sources(first, f == 0, v));
    }

    /** Builds the source, applies {@code combinator}, completes the source if it was left pending. */
    <R> Promise<R> apply(Function<Promise<Integer>, Promise<R>> combinator) {
        Promise<Integer> p = new Promise<>();
        if (completeFirst) {
            complete(p);
        }
        Promise<R> r = combinator.apply(p);
        if (!completeFirst) {
            complete(p);
        }
        return r;
    }

    private void complete(Promise<Integer> p) {
        if (fail) {
            p.completeExceptionally(BOOM);
        } else {
            p.complete(value);
        }
    }

    /** The outcome of a completed promise, cause unwrapped (records compare causes by identity). */
    static <T> Outcome<T> outcome(Promise<T> p) {
        if (!p.isDone()) {
            throw new AssertionError("still pending: " + p);
        }
        return p.handle(Outcome::<T>of).join();
    }
}
