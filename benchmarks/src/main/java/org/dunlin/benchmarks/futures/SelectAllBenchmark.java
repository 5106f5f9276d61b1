package org.dunlin.benchmarks.futures;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Selected;
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
 * Racing {@code n} pending futures for the first completion, on three implementations chosen by
 * {@code impl}: Dunlin's {@code Futures.selectAll} (winner's index, outcome and the rest),
 * {@link CompletableFuture#anyOf} (the winner's value only: less information, the floor) and Guava's
 * {@code Futures.inCompletionOrder(...).get(0)} (its way to get the first completion).
 *
 * <p>Workload, per operation: create {@code n} incomplete futures, start the race, complete the one in the
 * middle, read the winner. The losers stay pending, as in a real race.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SelectAllBenchmark {
    @Param({"dunlin", "completablefuture", "guava"})
    public String impl;

    @Param({"2", "16"})
    public int n;

    private static final Integer WINNER = 7;

    @Benchmark
    public Object selectAll() throws ExecutionException, InterruptedException {
        int middle = n / 2;
        switch (impl) {
            case "dunlin": {
                List<Promise<Integer>> in = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    in.add(new Promise<>());
                }
                Promise<Selected<Integer>> first = org.dunlin.futures.Futures.selectAll(in);
                in.get(middle).complete(WINNER);
                return first.join();
            }
            case "completablefuture": {
                CompletableFuture<?>[] in = new CompletableFuture<?>[n];
                for (int i = 0; i < n; i++) {
                    in[i] = new CompletableFuture<Integer>();
                }
                CompletableFuture<Object> first = CompletableFuture.anyOf(in);
                @SuppressWarnings("unchecked")
                CompletableFuture<Integer> winner = (CompletableFuture<Integer>) in[middle];
                winner.complete(WINNER);
                return first.join();
            }
            default: {
                List<SettableFuture<Integer>> in = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    in.add(SettableFuture.create());
                }
                ListenableFuture<Integer> first = Futures.inCompletionOrder(in).get(0);
                in.get(middle).set(WINNER);
                return first.get();
            }
        }
    }
}
