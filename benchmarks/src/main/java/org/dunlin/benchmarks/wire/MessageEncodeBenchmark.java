package org.dunlin.benchmarks.wire;

import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.MessageEncoder;
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
 * Encoding a response to a fresh byte array with name compression, side by side: {@code dunlin} is
 * {@code MessageEncoder.encode(message)} (the encoder a server keeps per thread; it reuses its scratch
 * buffer and compression table, and returns a new array like the others), {@code dunlin-toWire} is
 * the convenience {@code Message.toWire()} (everything allocated per call), {@code dnsjava} is
 * {@code org.xbill.DNS.Message.toWire()}. Each encodes its own message object, made from the same
 * bytes. Workloads: see {@link Workloads}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageEncodeBenchmark {
    @Param({"small", "medium", "dnssec"})
    public String size;

    @Param({"dunlin", "dunlin-toWire", "dnsjava"})
    public String impl;

    private final MessageEncoder encoder = new MessageEncoder();
    private Message ours;
    private org.xbill.DNS.Message theirs;

    @Setup
    public void setUp() throws Exception {
        byte[] wire = Workloads.response(size);
        ours = Message.fromWire(wire);
        theirs = new org.xbill.DNS.Message(wire);
        int a = ours.toWire().length;
        int b = theirs.toWire().length;
        if (Math.abs(a - b) > 16) {
            throw new IllegalStateException("encoded sizes differ too much: " + a + " vs " + b);
        }
    }

    @Benchmark
    public byte[] encode() {
        switch (impl) {
            case "dunlin":
                return encoder.encode(ours);
            case "dunlin-toWire":
                return ours.toWire();
            default:
                return theirs.toWire();
        }
    }
}
