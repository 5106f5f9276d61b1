package org.dunlin.futures;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Combinators over several futures, and time: racing ({@link #select}, {@link #selectAll},
 * {@link #selectOk}), gathering ({@link #join}, {@link #joinAll}, {@link #settleAll}), timeouts and
 * delays on a {@link Timer}, {@link #retry} and the stack-safe asynchronous {@link #loop}.
 *
 * <p>They accept any {@link CompletableFuture} and return {@link Promise}s, with the contract stated on
 * {@link Promise}: results complete on the thread that completes the deciding input (or on the caller's
 * if it is already complete; the timer's thread for time-based ones), cancelling a result cancels the
 * inputs it still waits on, and failures carry the original exception.
 */
public final class Futures {
    private Futures() {
    }

    /**
     * Races two futures: see {@link #selectAll}. Index 0 is {@code a}, 1 is {@code b}.
     */
    public static <T> Promise<Selected<T>> select(CompletableFuture<T> a, CompletableFuture<T> b) {
        return Select.start(List.of(a, b), false);
    }

    /**
     * Returns the first of {@code futures} to complete, successfully or not, with its index, its outcome
     * and the other futures (uncancelled, in input order) so the caller can keep racing them. If several
     * are already complete, the lowest index wins.
     *
     * <p>Thread: the result completes on the thread completing the winner. Cancellation: cancelling the
     * result before a winner is known cancels every input; afterwards the losers are the caller's (see
     * {@link Selected#cancelRest()}). Exceptions: the result itself only fails if cancelled.
     *
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <T> Promise<Selected<T>> selectAll(Collection<? extends CompletableFuture<T>> futures) {
        return Select.start(futures, false);
    }

    /**
     * Returns the first of {@code futures} to complete successfully, with its index and the other futures
     * (uncancelled). If they all fail, the result fails with an {@link AllFailedException} carrying every
     * cause in input order.
     *
     * <p>Thread: the thread completing the winner (or the last failure). Cancellation: cancelling the
     * result before a winner is known cancels every input.
     *
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <T> Promise<Selected<T>> selectOk(Collection<? extends CompletableFuture<T>> futures) {
        return Select.start(futures, true);
    }

    /**
     * Waits for both futures and returns their values as a pair; fails fast like {@link #joinAll}.
     */
    @SuppressWarnings("unchecked")
    public static <A, B> Promise<Pair<A, B>> join(CompletableFuture<A> a, CompletableFuture<B> b) {
        Promise<List<Object>> both = Join.start(List.<CompletableFuture<?>>of(a, b), false);
        return both.map(values -> new Pair<>((A) values.get(0), (B) values.get(1)));
    }

    /**
     * Waits for all {@code futures} and returns their values in input order (an unmodifiable list that
     * may contain {@code null}s). The first failure fails the result at once with that failure's original
     * cause and cancels all the other inputs.
     *
     * <p>Thread: the thread completing the last input (or the first failing one). Cancellation:
     * cancelling the result cancels every input. An empty collection gives an empty list at once.
     */
    public static <T> Promise<List<T>> joinAll(Collection<? extends CompletableFuture<? extends T>> futures) {
        return Join.start(futures, false);
    }

    /**
     * Waits for all {@code futures}, whatever their outcome, and returns one {@link Outcome} per input in
     * input order. The result never fails unless it is cancelled.
     *
     * <p>Thread: the thread completing the last input. Cancellation: cancelling the result cancels every
     * input.
     */
    public static <T> Promise<List<Outcome<T>>> settleAll(Collection<? extends CompletableFuture<? extends T>> futures) {
        return Join.start(futures, true);
    }

    /**
     * Returns a promise that completes like {@code future}, or fails with a {@link TimeoutException} once
     * {@code timeout} has passed on {@code timer} — and then cancels {@code future}, so the work it
     * guards stops.
     *
     * <p>Thread: the timer's thread on timeout, the thread completing {@code future} otherwise.
     * Cancellation: cancelling the result cancels {@code future} and the timer task. Exceptions: the
     * future's own failure, {@code TimeoutException}, or {@link RejectedExecutionException} if the timer
     * is (or gets) closed first.
     */
    public static <T> Promise<T> timeout(CompletableFuture<T> future, Duration timeout, Timer timer) {
        return Timeouts.timeout(future, timeout, timer);
    }

    /**
     * Returns a promise that completes with {@code null} after {@code delay} on {@code timer}, on the
     * timer's thread. Cancelling it cancels the timer task. It fails with
     * {@link RejectedExecutionException} if the timer is (or gets) closed first.
     */
    public static Promise<Void> delay(Duration delay, Timer timer) {
        return Timeouts.delay(delay, timer);
    }

    /**
     * Runs {@code attempt} until one attempt succeeds or {@code policy} gives up, pausing on
     * {@code timer} between attempts. The result completes with the first success; with the last
     * attempt's failure when attempts run out, the failure is not retryable, or the next backoff would end
     * past the deadline; or with a {@link TimeoutException} (caused by the last failure) when the deadline
     * passes, which also cancels the attempt in flight.
     *
     * <p>Thread: attempts start on the caller's thread (the first) and then on the timer's thread (after a
     * pause) or the thread that failed the previous attempt (no pause); the result completes on the thread
     * completing the deciding attempt, or the timer's. Cancellation: cancelling the result cancels the
     * attempt in flight and the pending timer tasks, and no further attempt starts.
     */
    public static <T> Promise<T> retry(Supplier<? extends CompletionStage<T>> attempt, RetryPolicy policy, Timer timer) {
        return Retry.start(attempt, policy, timer);
    }

    /**
     * Asynchronous {@code while} loop: while {@code condition} holds for the state, replaces the state by
     * the value of the future {@code body} returns for it; the result completes with the final state.
     * Stack-safe: any number of steps that complete synchronously (a million and more) run in constant
     * stack depth.
     *
     * <pre>{@code
     * // read frames until the peer sends an empty one
     * Promise<Integer> count = Futures.loop(0, n -> n >= 0, n -> readFrame().map(f -> f.isEmpty() ? -1 : n + 1));
     * }</pre>
     *
     * <p>Thread: {@code condition} and {@code body} run on the caller's thread until a step is pending,
     * then on the thread completing that step. Cancellation: cancelling the result cancels the pending
     * step and ends the loop. Exceptions: an exception from {@code condition} or {@code body}, or a step's
     * failure, fails the result.
     */
    public static <S> Promise<S> loop(S initial, Predicate<? super S> condition,
            Function<? super S, ? extends CompletionStage<S>> body) {
        return Loop.start(initial, condition, body);
    }
}
