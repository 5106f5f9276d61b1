package org.dunlin.benchmarks.wire;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.WireFormatException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a response from wire bytes into a message object, Dunlin ({@code Message.fromWire}) side by
 * side with dnsjava ({@code new org.xbill.DNS.Message(byte[])}) on the same bytes. Workloads: see
 * {@link Workloads} ({@code small}, {@code medium} 17 records, {@code dnssec} ~1.1 KB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageParseBenchmark {
    @Param({"small", "medium", "dnssec"})
    public String size;

    @Param({"dunlin", "dnsjava"})
    public String impl;

    private byte[] wire;

    @Setup
    public void setUp() throws Exception {
        wire = Workloads.response(size);
        // Both must accept the workload and agree on its record count.
        Message ours = Message.fromWire(wire);
        org.xbill.DNS.Message theirs = new org.xbill.DNS.Message(wire);
        int n = ours.answer().size() + ours.authority().size() + ours.additional().size() + (ours.edns().isPresent() ? 1 : 0);
        int m = theirs.getSection(1).size() + theirs.getSection(2).size() + theirs.getSection(3).size();
        if (n != m) {
            throw new IllegalStateException("record counts differ: " + n + " vs " + m);
        }
    }

    @Benchmark
    public Object parse() throws WireFormatException, IOException {
        if (impl.equals("dunlin")) {
            return Message.fromWire(wire);
        }
        return new org.xbill.DNS.Message(wire);
    }
}
