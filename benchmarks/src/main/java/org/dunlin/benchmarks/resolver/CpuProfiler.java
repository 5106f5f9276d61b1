package org.dunlin.benchmarks.resolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof org.dunlin.benchmarks.resolver.CpuProfiler}) that reports CPU time per
 * operation, read from Linux {@code /proc} around each iteration: {@code cpu.jvm} (the benchmark JVM,
 * every thread: the caller, the library's I/O threads, GC and JIT), {@code cpu.peer} (the processes the
 * JVM started, here the NSD under test) and {@code cpu.other} (everything else the machine ran meanwhile:
 * other users' load), each in microseconds per operation.
 *
 * <p>Why: on a shared machine, throughput swings with other users' load, while CPU time per lookup of
 * the library under test barely moves; it is the figure that says which client does less work per
 * query. Resolution is the kernel's clock tick (10 ms), so iterations should last at least a second.
 */
public final class CpuProfiler implements InternalProfiler {
    private static final Path SELF = Path.of("/proc/self/stat");
    private long jvm0;
    private long peer0;
    private long busy0;
    private java.util.Map<String, Long> threads0 = java.util.Map.of();

    @Override
    public String getDescription() {
        return "CPU time per operation of the JVM, its child processes and the rest of the machine (/proc)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        jvm0 = ticks(SELF);
        peer0 = peerTicks();
        busy0 = machineBusyTicks();
        threads0 = threadTicks();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long jvm = ticks(SELF) - jvm0;
        long peer = peerTicks() - peer0;
        long busy = machineBusyTicks() - busy0;
        long ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (ops <= 0 || jvm < 0) {
            return out;
        }
        double usPerTick = 1e6 / 100; // USER_HZ is 100 on Linux
        out.add(new ScalarResult("cpu.jvm", jvm * usPerTick / ops, "us/op", AggregationPolicy.AVG));
        if (peer >= 0) {
            out.add(new ScalarResult("cpu.peer", peer * usPerTick / ops, "us/op", AggregationPolicy.AVG));
        }
        if (busy >= 0) {
            out.add(new ScalarResult("cpu.other", Math.max(0, busy - jvm - Math.max(0, peer)) * usPerTick / ops, "us/op",
                    AggregationPolicy.AVG));
        }
        if (Boolean.getBoolean("dunlin.cpu.threads")) {
            java.util.Map<String, Long> t1 = threadTicks();
            for (java.util.Map.Entry<String, Long> e : t1.entrySet()) {
                long d = e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
                if (d * usPerTick / ops >= 0.5) {
                    out.add(new ScalarResult("cpu.t." + e.getKey(), d * usPerTick / ops, "us/op", AggregationPolicy.AVG));
                }
            }
        }
        return out;
    }

    /** CPU ticks per thread of this JVM, by thread name with digits dropped (so pools add up). */
    private static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        try (var dirs = Files.list(Path.of("/proc/self/task"))) {
            dirs.forEach(d -> {
                try {
                    String s = Files.readString(d.resolve("stat"));
                    String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')).replaceAll("[0-9]+", "#").replace(' ', '_');
                    long t = ticks(d.resolve("stat"));
                    if (t >= 0) {
                        m.merge(name, t, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // thread ended
                }
            });
        } catch (IOException e) {
            // no /proc
        }
        return m;
    }

    /** utime + stime of one process (all its threads), in clock ticks; -1 if unreadable. */
    private static long ticks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The CPU ticks of every live descendant of this JVM (the peer server and its helpers). */
    private static long peerTicks() {
        long[] sum = {0};
        ProcessHandle.current().descendants().forEach(p -> {
            long t = ticks(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            if (t > 0) {
                sum[0] += t;
            }
        });
        return sum[0];
    }

    /** Busy ticks of the whole machine (all CPUs), from the first line of {@code /proc/stat}. */
    private static long machineBusyTicks() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
