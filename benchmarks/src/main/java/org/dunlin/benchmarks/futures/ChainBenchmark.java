package org.dunlin.benchmarks.futures;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.dunlin.futures.Promise;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chains of {@code length} transformations, the bread and butter of future code, on three
 * implementations chosen by {@code impl}: Dunlin's {@link Promise} ({@code map} / {@code andThen}), raw
 * {@link CompletableFuture} ({@code thenApply} / {@code thenCompose}) and Guava
 * ({@code Futures.transform} / {@code transformAsync} with {@code directExecutor()}).
 *
 * <p>Workload, per operation: {@code source} = {@code completed} starts from an already-completed future
 * (the common case: cached or synchronous results), {@code pending} builds the chain on an incomplete
 * future and then completes it (the asynchronous case: callbacks are registered, then fired). The chain
 * adds 1 at each stage; {@code andThen} stages return an already-completed inner future, created with each
 * library's own factory. The result is read with {@code join}/{@code get}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChainBenchmark {
    @Param({"dunlin", "completablefuture", "guava"})
    public String impl;

    @Param({"completed", "pending"})
    public String source;

    @Param({"5"})
    public int length;

    private static final Function<Integer, Integer> INC = x -> x + 1;
    private static final com.google.common.base.Function<Integer, Integer> GUAVA_INC = x -> x + 1;
    private static final Function<Integer, Promise<Integer>> PROMISE_NEXT = x -> Promise.completed(x + 1);
    private static final Function<Integer, CompletableFuture<Integer>> CF_NEXT = x -> CompletableFuture.completedFuture(x + 1);

    private static final UnaryOperator<Promise<Integer>> PROMISE_MAP = f -> f.map(INC);
    private static final UnaryOperator<Promise<Integer>> PROMISE_AND_THEN = f -> f.andThen(PROMISE_NEXT);
    private static final UnaryOperator<CompletableFuture<Integer>> CF_MAP = f -> f.thenApply(INC);
    private static final UnaryOperator<CompletableFuture<Integer>> CF_AND_THEN = f -> f.thenCompose(CF_NEXT);
    private static final UnaryOperator<ListenableFuture<Integer>> GUAVA_MAP =
            f -> Futures.transform(f, GUAVA_INC, MoreExecutors.directExecutor());
    private static final UnaryOperator<ListenableFuture<Integer>> GUAVA_AND_THEN =
            f -> Futures.transformAsync(f, x -> Futures.immediateFuture(x + 1), MoreExecutors.directExecutor());

    @Benchmark
    public Integer map() throws ExecutionException, InterruptedException {
        return chain(PROMISE_MAP, CF_MAP, GUAVA_MAP);
    }

    @Benchmark
    public Integer andThen() throws ExecutionException, InterruptedException {
        return chain(PROMISE_AND_THEN, CF_AND_THEN, GUAVA_AND_THEN);
    }

    /** Builds {@code length} stages with the operator of {@code impl}, completes a pending head, joins. */
    private Integer chain(UnaryOperator<Promise<Integer>> promiseStage,
            UnaryOperator<CompletableFuture<Integer>> cfStage, UnaryOperator<ListenableFuture<Integer>> guavaStage)
            throws ExecutionException, InterruptedException {
        boolean pending = source.equals("pending");
        switch (impl) {
            case "dunlin": {
                Promise<Integer> head = pending ? new Promise<>() : Promise.completed(1);
                Promise<Integer> f = head;
                for (int i = 0; i < length; i++) {
                    f = promiseStage.apply(f);
                }
                if (pending) {
                    head.complete(1);
                }
                return f.join();
            }
            case "completablefuture": {
                CompletableFuture<Integer> head = pending ? new CompletableFuture<>() : CompletableFuture.completedFuture(1);
                CompletableFuture<Integer> f = head;
                for (int i = 0; i < length; i++) {
                    f = cfStage.apply(f);
                }
                if (pending) {
                    head.complete(1);
                }
                return f.join();
            }
            default: {
                SettableFuture<Integer> settable = pending ? SettableFuture.create() : null;
                ListenableFuture<Integer> head = pending ? settable : Futures.immediateFuture(1);
                ListenableFuture<Integer> f = head;
                for (int i = 0; i < length; i++) {
                    f = guavaStage.apply(f);
                }
                if (pending) {
                    settable.set(1);
                }
                return f.get();
            }
        }
    }
}
