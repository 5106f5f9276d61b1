package org.dunlin.futures;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A pull-based asynchronous stream (futures-rs {@code Stream}): each {@link #next()} returns a promise of
 * the next item.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>End of stream is {@code null}.</b> {@code next()} completes with an item (never {@code null}),
 *       with {@code null} when the stream has ended, or exceptionally; no wrapper object is allocated per
 *       item. End and failure are terminal: later calls return the same outcome.</li>
 *   <li><b>One consumer.</b> Call {@code next()} again only after the previous promise completed; an
 *       overlapping call fails with {@link IllegalStateException}. Cancelling a pending {@code next()}
 *       gives up that call only: no item is lost, the next call gets it.</li>
 *   <li><b>Close.</b> {@link #close()} (idempotent, any thread) cancels the pending {@code next()} and
 *       whatever work the stream has in flight, and closes its upstream streams; {@code next()} then fails
 *       with {@link java.util.concurrent.CancellationException}. Terminal operations ({@link #fold},
 *       {@link #forEach}, {@link #collect}) own the stream: they close it when they finish, and cancelling
 *       their promise closes it.</li>
 *   <li><b>Threads.</b> Operator functions run on the thread that completes the upstream item (or the
 *       consumer's thread, when the item is already there). Synchronous stretches are trampolined: a
 *       stream of a million ready items is consumed in constant stack depth.</li>
 * </ul>
 *
 * <p>Implement a source by extending {@link AbstractAsyncStream}, which enforces this contract.
 *
 * <pre>{@code
 * AsyncStream<Message> answers = AsyncStream.fromIterable(servers)
 *         .bufferUnordered(4, server -> client.query(server, question))   // 4 queries in flight
 *         .timeout(Duration.ofSeconds(2), timer, TimeoutAction.END)
 *         .take(3);
 * Promise<List<Message>> firstThree = answers.toList();
 * }</pre>
 */
public interface AsyncStream<T> extends AutoCloseable {

    /** Returns a promise of the next item, or of {@code null} at the end; see the class comment. */
    Promise<T> next();

    /** Closes the stream, cancelling pending work; see the class comment. Never throws. */
    @Override
    void close();

    // ------------------------------------------------------------------------------------------------
    // Sources

    /** A stream that has ended. */
    static <T> AsyncStream<T> empty() {
        return new Sources.Empty<>();
    }

    /** A stream whose first {@code next()} fails with {@code cause}. */
    static <T> AsyncStream<T> failed(Throwable cause) {
        return new Sources.Failed<>(Objects.requireNonNull(cause, "cause"));
    }

    /** A stream of the given items, in order. */
    @SafeVarargs
    static <T> AsyncStream<T> of(T... items) {
        return fromIterable(List.of(items));
    }

    /**
     * A stream of {@code items}, in iteration order; the iterator is created on the first {@code next()}.
     * A {@code null} element fails the stream with {@link NullPointerException}.
     */
    static <T> AsyncStream<T> fromIterable(Iterable<? extends T> items) {
        return new Sources.FromIterable<>(Objects.requireNonNull(items, "items"));
    }

    /**
     * A stream whose every {@code next()} is the future {@code supplier} returns; a future completing with
     * {@code null} ends the stream. The supplier runs on the consumer's thread, once per item. Cancelling
     * a pending {@code next()} cancels that future.
     */
    static <T> AsyncStream<T> generate(Supplier<? extends CompletionStage<T>> supplier) {
        return new Sources.Generate<>(Objects.requireNonNull(supplier, "supplier"));
    }

    /**
     * Interleaves {@code streams} as their items arrive, pulling from each as soon as its previous item
     * was taken (so at most one item per stream waits). Ends when all have ended; the first failure fails
     * it and closes the others. Closing it closes them all.
     */
    static <T> AsyncStream<T> mergeAll(Collection<? extends AsyncStream<? extends T>> streams) {
        return new MergeStream<>(List.copyOf(streams));
    }

    // ------------------------------------------------------------------------------------------------
    // Operators

    /**
     * Each item transformed by {@code fn} (which must not return {@code null}). A failure thrown by
     * {@code fn} fails the stream.
     */
    default <R> AsyncStream<R> map(Function<? super T, ? extends R> fn) {
        return new StreamOps.Map<>(this, Objects.requireNonNull(fn, "fn"));
    }

    /**
     * Each item replaced by the value of the future {@code fn} returns for it, one at a time, in order
     * (for concurrency see {@link #buffered}). A failed future fails the stream.
     */
    default <R> AsyncStream<R> mapAsync(Function<? super T, ? extends CompletionStage<R>> fn) {
        return new StreamOps.MapAsync<>(this, Objects.requireNonNull(fn, "fn"));
    }

    /** The items for which {@code predicate} holds. */
    default AsyncStream<T> filter(Predicate<? super T> predicate) {
        return new StreamOps.Filter<>(this, Objects.requireNonNull(predicate, "predicate"));
    }

    /** The first {@code n} items; the upstream is closed as soon as the {@code n}th has been delivered. */
    default AsyncStream<T> take(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return new StreamOps.Take<>(this, n);
    }

    /**
     * Groups items into lists of {@code size} (the last one may be shorter). If the stream fails in the
     * middle of a group, the partial group is delivered first and the failure on the following call.
     */
    default AsyncStream<List<T>> chunks(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1: " + size);
        }
        return new StreamOps.Chunks<>(this, size);
    }

    /**
     * Applies {@code fn} to up to {@code concurrency} items at once and yields the results in input order.
     * Items are pulled ahead as slots free up (a slot is taken until its result is consumed), from the
     * first {@code next()} on. The first failure (of the upstream or of a result, in order) fails the
     * stream and cancels the work in flight.
     */
    default <R> AsyncStream<R> buffered(int concurrency, Function<? super T, ? extends CompletionStage<R>> fn) {
        return new BufferedStream<>(this, concurrency, Objects.requireNonNull(fn, "fn"), true);
    }

    /** As {@link #buffered}, but yields results in completion order. */
    default <R> AsyncStream<R> bufferUnordered(int concurrency, Function<? super T, ? extends CompletionStage<R>> fn) {
        return new BufferedStream<>(this, concurrency, Objects.requireNonNull(fn, "fn"), false);
    }

    /** Interleaves this stream with {@code other}; see {@link #mergeAll}. */
    default AsyncStream<T> merge(AsyncStream<? extends T> other) {
        return mergeAll(Arrays.asList(this, Objects.requireNonNull(other, "other")));
    }

    /**
     * Guards the gaps between items: if no item arrives within {@code timeout} of the previous one (or of
     * this call, for the first), the pending {@code next()} fails with a
     * {@link java.util.concurrent.TimeoutException} ({@link TimeoutAction#FAIL}) or the stream ends
     * ({@link TimeoutAction#END}), and the upstream is closed. The clock restarts with every item; an item
     * arriving exactly {@code timeout} after the previous one is late. An item the upstream already has
     * when {@code next()} is called is always delivered. The timer fires on its own thread; the timer is
     * armed at most once per gap, not once per item.
     */
    default AsyncStream<T> timeout(Duration timeout, Timer timer, TimeoutAction action) {
        return new TimeoutStream<>(this, timeout, timer, action);
    }

    // ------------------------------------------------------------------------------------------------
    // Terminal operations: they consume and then close the stream; cancelling their promise closes it.

    /**
     * Folds the items into an accumulator: {@code initial}, then {@code fn(acc, item)} for each item. The
     * result completes with the final accumulator at the end, or fails with the stream's (or
     * {@code fn}'s) failure.
     */
    default <R> Promise<R> fold(R initial, BiFunction<? super R, ? super T, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn");
        return Terminal.fold(this, initial, fn);
    }

    /** Passes every item to {@code action}; completes with {@code null} at the end. */
    default Promise<Void> forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        return Terminal.fold(this, null, (Void acc, T item) -> {
            action.accept(item);
            return null;
        });
    }

    /** Collects the items with {@code collector}. */
    default <A, R> Promise<R> collect(Collector<? super T, A, R> collector) {
        Objects.requireNonNull(collector, "collector");
        return Terminal.collect(this, collector);
    }

    /** Collects the items into a list (modifiable, in order). */
    default Promise<List<T>> toList() {
        return collect(Collectors.toList());
    }
}
