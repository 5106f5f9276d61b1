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
 * Gathering {@code n} futures into a list of their values, in input order, on three implementations
 * chosen by {@code impl}: Dunlin's {@code Futures.joinAll}, raw {@link CompletableFuture}
 * ({@code allOf(...)} then {@code join} of each input, the usual idiom, since {@code allOf} yields no
 * values) and Guava's {@code Futures.allAsList}.
 *
 * <p>Workload, per operation: create {@code n} futures, gather them; with {@code inputs} = {@code pending}
 * the inputs are incomplete when gathered and are then completed one by one in input order (callbacks
 * registered, then fired); with {@code completed} they are already complete. The list is read at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JoinAllBenchmark {
    @Param({"dunlin", "completablefuture", "guava"})
    public String impl;

    @Param({"16", "1024"})
    public int n;

    @Param({"pending", "completed"})
    public String inputs;

    private static final Integer ONE = 1;

    @Benchmark
    public List<Integer> joinAll() throws ExecutionException, InterruptedException {
        boolean pending = inputs.equals("pending");
        switch (impl) {
            case "dunlin": {
                List<Promise<Integer>> in = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    in.add(pending ? new Promise<>() : Promise.completed(ONE));
                }
                Promise<List<Integer>> all = org.dunlin.futures.Futures.joinAll(in);
                if (pending) {
                    for (int i = 0; i < n; i++) {
                        in.get(i).complete(ONE);
                    }
                }
                return all.join();
            }
            case "completablefuture": {
                @SuppressWarnings("unchecked")
                CompletableFuture<Integer>[] in = new CompletableFuture[n];
                for (int i = 0; i < n; i++) {
                    in[i] = pending ? new CompletableFuture<>() : CompletableFuture.completedFuture(ONE);
                }
                CompletableFuture<List<Integer>> all = CompletableFuture.allOf(in).thenApply(v -> {
                    List<Integer> out = new ArrayList<>(in.length);
                    for (CompletableFuture<Integer> f : in) {
                        out.add(f.join());
                    }
                    return out;
                });
                if (pending) {
                    for (int i = 0; i < n; i++) {
                        in[i].complete(ONE);
                    }
                }
                return all.join();
            }
            default: {
                List<ListenableFuture<Integer>> in = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    in.add(pending ? SettableFuture.create() : Futures.immediateFuture(ONE));
                }
                ListenableFuture<List<Integer>> all = Futures.allAsList(in);
                if (pending) {
                    for (int i = 0; i < n; i++) {
                        ((SettableFuture<Integer>) in.get(i)).set(ONE);
                    }
                }
                return all.get();
            }
        }
    }
}
