package org.dunlin.benchmarks.futures;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

    @Benchmark
    public Integer map() throws ExecutionException, InterruptedException {
        boolean pending = source.equals("pending");
        switch (impl) {
            case "dunlin": {
                Promise<Integer> head = pending ? new Promise<>() : Promise.completed(1);
                Promise<Integer> f = head;
                for (int i = 0; i < length; i++) {
                    f = f.map(INC);
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
                    f = f.thenApply(INC);
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
                    f = Futures.transform(f, GUAVA_INC, MoreExecutors.directExecutor());
                }
                if (pending) {
                    settable.set(1);
                }
                return f.get();
            }
        }
    }

    @Benchmark
    public Integer andThen() throws ExecutionException, InterruptedException {
        boolean pending = source.equals("pending");
        switch (impl) {
            case "dunlin": {
                Promise<Integer> head = pending ? new Promise<>() : Promise.completed(1);
                Promise<Integer> f = head;
                for (int i = 0; i < length; i++) {
                    f = f.andThen(PROMISE_NEXT);
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
                    f = f.thenCompose(CF_NEXT);
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
                    f = Futures.transformAsync(f, x -> Futures.immediateFuture(x + 1), MoreExecutors.directExecutor());
                }
                if (pending) {
                    settable.set(1);
                }
                return f.get();
            }
        }
    }
}
