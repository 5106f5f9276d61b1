package org.dunlin.dns.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.futures.ManualTimer;
import org.junit.jupiter.api.Test;

/** The cache's TTL policy and eviction, on virtual time. */
class DnsCacheTest {
    private final ManualTimer clock = new ManualTimer();

    private static Question q(String name) {
        return Question.of(name, RRType.A);
    }

    private static LookupResult<Record> answer(String name, long... ttls) {
        Name n = Name.of(name);
        List<Record> rs = new java.util.ArrayList<>();
        for (int i = 0; i < ttls.length; i++) {
            rs.add(Record.of(n, ttls[i], ARdata.of("192.0.2." + (i + 1))));
        }
        return new LookupResult.Answer<>(n, n, rs, rs, List.of(), 0, false);
    }

    @Test
    void anEntryLivesForItsSmallestTtlAndEachRecordDecays() {
        DnsCache c = new DnsCache(CachePolicy.DEFAULT, clock);
        c.put(q("a.test"), answer("a.test", 100, 40));
        clock.advance(Duration.ofMillis(39_500));
        List<Record> rs = c.get(q("a.test")).orElseThrow().values();
        assertEquals(List.of(61L, 1L), rs.stream().map(Record::ttl).toList());
        clock.advance(Duration.ofMillis(500));
        assertTrue(c.get(q("a.test")).isEmpty());
        assertEquals(1, c.misses());
        assertEquals(1, c.hits());
    }

    @Test
    void ttlsAreClampedAndTheTopBitMeansZero() {
        DnsCache c = new DnsCache(CachePolicy.DEFAULT.withTtlBounds(Duration.ofSeconds(30), Duration.ofSeconds(600)), clock);
        LookupResult<Record> stored = c.put(q("a.test"), answer("a.test", 5, 100_000, 0x8000_0000L));
        assertEquals(List.of(30L, 600L, 30L), stored.values().stream().map(Record::ttl).toList());
        DnsCache noMin = new DnsCache(CachePolicy.DEFAULT, clock);
        noMin.put(q("b.test"), answer("b.test", 0x8000_0001L));
        assertTrue(noMin.get(q("b.test")).isEmpty(), "a TTL with the top bit set counts as 0: not cached");
        assertEquals(0, noMin.size());
    }

    @Test
    void aNewOutcomeReplacesTheOldOneEvenIfItCannotBeKept() {
        DnsCache c = new DnsCache(CachePolicy.DEFAULT, clock);
        c.put(q("a.test"), answer("a.test", 300));
        c.put(q("a.test"), answer("a.test", 0));
        assertTrue(c.get(q("a.test")).isEmpty());
    }

    @Test
    void negativeAnswersWithoutSoaAndTimeoutsAreNotKeptFailuresOnlyIfAsked() {
        DnsCache c = new DnsCache(new CachePolicy(100, Duration.ZERO, Duration.ofDays(1), Duration.ofHours(3), Duration.ofSeconds(5)), clock);
        c.put(q("nx.test"), new LookupResult.NxDomain<>(Name.of("nx.test"), List.of(), Optional.empty()));
        c.put(q("t.test"), new LookupResult.Timeout<>(Name.of("t.test"), "silence"));
        c.put(q("f.test"), new LookupResult.ServFail<>(Name.of("f.test"), Rcode.SERVFAIL, List.of(), ""));
        assertTrue(c.get(q("nx.test")).isEmpty());
        assertTrue(c.get(q("t.test")).isEmpty());
        assertEquals(LookupResult.Status.SERVFAIL, c.get(q("f.test")).orElseThrow().status());
        clock.advance(Duration.ofSeconds(5));
        assertTrue(c.get(q("f.test")).isEmpty());
        DnsCache plain = new DnsCache(CachePolicy.DEFAULT, clock);
        plain.put(q("f.test"), new LookupResult.ServFail<>(Name.of("f.test"), Rcode.SERVFAIL, List.of(), ""));
        assertTrue(plain.get(q("f.test")).isEmpty());
    }

    @Test
    void aFullCacheEvictsExpiredAndUnreadEntriesFirst() {
        DnsCache c = new DnsCache(CachePolicy.DEFAULT.withMaxEntries(3), clock);
        c.put(q("short.test"), answer("short.test", 5));
        c.put(q("read.test"), answer("read.test", 300));
        c.put(q("unread.test"), answer("unread.test", 300));
        c.get(q("read.test"));
        clock.advance(Duration.ofSeconds(10));
        c.put(q("new1.test"), answer("new1.test", 300));   // evicts the expired one
        assertTrue(c.get(q("read.test")).isPresent());
        assertTrue(c.get(q("unread.test")).isPresent());
        c.get(q("new1.test"));
        c.put(q("new2.test"), answer("new2.test", 300));   // all were read: the hand clears bits, then evicts
        assertEquals(3, c.size());
        assertEquals(2, c.evictions());
        assertTrue(c.get(q("new2.test")).isPresent());
    }

    @Test
    void aDisabledCacheStoresNothingButStillNormalizes() {
        DnsCache c = new DnsCache(CachePolicy.DISABLED, clock);
        LookupResult<Record> r = c.put(q("a.test"), answer("a.test", 0x9000_0000L));
        assertEquals(0L, r.values().get(0).ttl());
        assertTrue(c.get(q("a.test")).isEmpty());
        assertEquals(0, c.size());
    }
}
