package org.dunlin.benchmarks.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.dunlin.dns.wire.zone.ZoneReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a large zone file into record objects, streaming: Dunlin's {@code ZoneReader} side by side
 * with dnsjava's {@code org.xbill.DNS.Master}, record by record until the end. Workload: the
 * {@code zonegen.py} record mix for {@code hosts} hosts (100,000 hosts: 135,022 records, ~3.9 MB),
 * written to a temporary file; both read the same file from the page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ZoneLoadBenchmark {
    @Param({"100000"})
    public int hosts;

    @Param({"dunlin", "dnsjava"})
    public String impl;

    private Path file;
    private int expected;
    private final Name origin = Name.of("example.com.");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        file = Files.createTempFile("dunlin-bench", ".zone");
        expected = Workloads.writeZone(file, hosts);
        long n = load();
        if (n != expected) {
            throw new IllegalStateException(impl + " loaded " + n + " records, expected " + expected);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long load() throws Exception {
        long n = 0;
        if (impl.equals("dunlin")) {
            try (ZoneReader r = ZoneParser.of(origin).open(file)) {
                Record rec;
                while ((rec = r.next()) != null) {
                    n += rec.ttl() > 0 ? 1 : 1;
                }
            }
        } else {
            try (org.xbill.DNS.Master m = new org.xbill.DNS.Master(file.toString(), org.xbill.DNS.Name.fromString("example.com."))) {
                org.xbill.DNS.Record rec;
                while ((rec = m.nextRecord()) != null) {
                    n += rec.getTTL() > 0 ? 1 : 1;
                }
            }
        }
        return n;
    }
}
