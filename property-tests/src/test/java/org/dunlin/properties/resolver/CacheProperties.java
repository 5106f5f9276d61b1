package org.dunlin.properties.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dunlin.dns.resolver.CachePolicy;
import org.dunlin.dns.resolver.DnsCache;
import org.dunlin.dns.resolver.LookupResult;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.futures.ManualTimer;

/**
 * The resolver cache under random sequences of stores, reads and clock moves (virtual time):
 * it never returns an expired record, TTLs it returns are exactly the stored ones minus the whole
 * seconds elapsed, negative answers live for min(SOA TTL, SOA MINIMUM), and it never holds more entries
 * than its bound.
 */
class CacheProperties {
    private static final long NANOS = 1_000_000_000L;

    /** One step of a scenario. */
    sealed interface Op permits Put, Get, Advance {
    }

    /** Store an answer (or, if {@code negative}, an NXDOMAIN whose SOA has TTL ttls[0] and MINIMUM ttls[1]). */
    record Put(int key, List<Long> ttls, boolean negative) implements Op {
    }

    record Get(int key) implements Op {
    }

    record Advance(long millis) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> scenarios() {
        Arbitrary<Long> ttl = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(0, 400)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 0xFFFF_FFFFL)));
        Arbitrary<Op> put = Combinators.combine(Arbitraries.integers().between(0, 23), ttl.list().ofMinSize(2).ofMaxSize(4),
                Arbitraries.of(true, false))
                .as((k, t, n) -> (Op) new Put(k, t, n));
        Arbitrary<Op> get = Arbitraries.integers().between(0, 23).map(k -> (Op) new Get(k));
        Arbitrary<Op> advance = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 2_000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 200_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 5_000_000))).map(m -> (Op) new Advance(m));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, put), net.jqwik.api.Tuple.of(5, get), net.jqwik.api.Tuple.of(3, advance))
                .list().ofMinSize(1).ofMaxSize(80);
    }

    /** What the model remembers of the last store for a key. */
    private record Stored(long at, List<Record> records, boolean negative) {
    }

    @Property
    void neverReturnsAnExpiredRecordAndTtlsCountDownExactly(@ForAll("scenarios") List<Op> ops,
            @ForAll @IntRange(min = 1, max = 30) int bound, @ForAll @IntRange(min = 0, max = 30) int minTtl,
            @ForAll @IntRange(min = 30, max = 100_000) int maxTtl) {
        ManualTimer clock = new ManualTimer(123_456_789L);
        CachePolicy policy = new CachePolicy(bound, Duration.ofSeconds(minTtl), Duration.ofSeconds(maxTtl),
                Duration.ofSeconds(maxTtl), Duration.ZERO);
        DnsCache cache = new DnsCache(policy, clock);
        Map<Integer, Stored> model = new HashMap<>();
        for (Op op : ops) {
            if (op instanceof Advance a) {
                clock.advance(Duration.ofMillis(a.millis()));
            } else if (op instanceof Put p) {
                LookupResult<Record> result = build(p);
                LookupResult<Record> normalized = cache.put(question(p.key()), result);
                model.put(p.key(), new Stored(clock.nanoTime(), recordsOf(normalized), p.negative()));
            } else {
                int key = ((Get) op).key();
                Optional<LookupResult<Record>> hit = cache.get(question(key));
                if (hit.isEmpty()) {
                    continue;
                }
                Stored s = model.get(key);
                assertTrue(s != null, "a hit for a key never stored");
                long now = clock.nanoTime();
                long elapsed = (now - s.at) / NANOS;
                List<Record> got = recordsOf(hit.get());
                assertEquals(s.records.size(), got.size());
                for (int i = 0; i < got.size(); i++) {
                    Record original = s.records.get(i);
                    Record r = got.get(i);
                    // never expired: stored at s.at for original.ttl() seconds, and now is before the end
                    assertTrue(now - (s.at + original.ttl() * NANOS) < 0, "expired record returned: " + r);
                    assertTrue(r.ttl() >= 1, "TTL 0 returned: " + r);
                    assertEquals(original.ttl() - elapsed, r.ttl(), "TTL must count down by whole seconds");
                    assertEquals(original.rdata(), r.rdata());
                }
                for (Record orig : s.records) {
                    assertTrue(orig.ttl() >= minTtl && orig.ttl() <= maxTtl, "TTL outside the policy's clamps: " + orig);
                }
            }
            assertTrue(cache.size() <= bound, "cache holds " + cache.size() + " > " + bound);
        }
    }

    @Property
    void negativeAnswersLiveForTheSmallerOfSoaTtlAndMinimum(@ForAll @IntRange(min = 1, max = 10_000) int soaTtl,
            @ForAll @IntRange(min = 1, max = 10_000) int minimum) {
        ManualTimer clock = new ManualTimer();
        DnsCache cache = new DnsCache(CachePolicy.DEFAULT, clock);
        Put p = new Put(1, List.of((long) soaTtl, (long) minimum), true);
        cache.put(question(1), build(p));
        long expected = Math.min(soaTtl, minimum);
        clock.advance(Duration.ofSeconds(expected).minusNanos(1));
        assertTrue(cache.get(question(1)).isPresent(), "gone before min(SOA TTL, MINIMUM)");
        clock.advance(Duration.ofNanos(1));
        assertTrue(cache.get(question(1)).isEmpty(), "kept after min(SOA TTL, MINIMUM)");
    }

    @Property
    void neverExceedsItsBoundAndKeepsWhatItJustStored(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 200) Integer> keys,
            @ForAll @IntRange(min = 1, max = 16) int bound) {
        ManualTimer clock = new ManualTimer();
        DnsCache cache = new DnsCache(CachePolicy.DEFAULT.withMaxEntries(bound), clock);
        for (int k : keys) {
            if (k % 3 == 0) {
                cache.get(question(k / 3));
            } else {
                cache.put(question(k), build(new Put(k, List.of(60L, 60L), false)));
                assertTrue(cache.get(question(k)).isPresent(), "an entry just stored is gone");
            }
            clock.advance(Duration.ofSeconds(1));
            assertTrue(cache.size() <= bound, "cache holds " + cache.size() + " > " + bound);
        }
    }

    private static Question question(int key) {
        return Question.of(Name.of("k" + key + ".example."), RRType.A);
    }

    private static LookupResult<Record> build(Put p) {
        Name name = Name.of("k" + p.key() + ".example.");
        if (p.negative()) {
            Record soa = Record.of(Name.of("example."), p.ttls().get(0), new SoaRdata(Name.of("ns.example."),
                    Name.of("host.example."), 1, 3600, 600, 86400, p.ttls().get(1)));
            return new LookupResult.NxDomain<>(name, List.of(), Optional.of(soa));
        }
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < p.ttls().size(); i++) {
            records.add(Record.of(name, p.ttls().get(i), ARdata.of("192.0.2." + (i + 1))));
        }
        return new LookupResult.Answer<>(name, name, records, records, List.of(), 0, false);
    }

    private static List<Record> recordsOf(LookupResult<Record> r) {
        if (r instanceof LookupResult.Answer<Record> a) {
            return a.records();
        }
        if (r instanceof LookupResult.NxDomain<Record> nx) {
            return nx.soa().map(List::of).orElse(List.of());
        }
        return List.of();
    }
}
