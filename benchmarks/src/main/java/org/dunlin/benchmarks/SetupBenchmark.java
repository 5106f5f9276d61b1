package org.dunlin.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * Proves the JMH setup works end to end (annotation processing, the runnable jar, a peer parameter).
 * Workload: three {@code thenApply} stages on an already-completed future, which is the floor every
 * future combinator benchmark is compared with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SetupBenchmark {
    @Param({"3"})
    public int stages;

    @Benchmark
    public Integer completedFutureChain() {
        CompletableFuture<Integer> f = CompletableFuture.completedFuture(1);
        for (int i = 0; i < stages; i++) {
            f = f.thenApply(x -> x + 1);
        }
        return f.join();
    }
}
