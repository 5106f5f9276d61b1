package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoizerTest {

    @Test
    void concurrentCallersForOneKeyShareOneComputation() throws Exception {
        int callers = 16;
        AtomicInteger computations = new AtomicInteger();
        Promise<String> slow = new Promise<>();
        Memoizer<String, String> memo = Memoizer.builder((String k) -> {
            computations.incrementAndGet();
            return slow;
        }).build();
        CyclicBarrier start = new CyclicBarrier(callers);
        List<Promise<String>> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch got = new CountDownLatch(callers);
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                Promise<String> r = memo.get("example.org.");
                synchronized (results) {
                    results.add(r);
                }
                got.countDown();
            });
            threads.add(t);
            t.start();
        }
        assertTrue(got.await(30, TimeUnit.SECONDS));
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, computations.get());
        slow.complete("DNSKEY");
        for (Promise<String> r : results) {
            assertEquals("DNSKEY", r.join());
        }
        assertEquals("DNSKEY", memo.get("example.org.").join());
        assertEquals(1, computations.get());
    }

    @Test
    void valuesExpireAfterTheirPerEntryTtl() {
        ManualTimer clock = new ManualTimer();
        Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
        Memoizer<String, Integer> memo = Memoizer.builder((String k) -> {
            loads.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            return Promise.completed(k.length());
        }).ttl((k, v) -> Duration.ofSeconds(v)).ticker(clock).build();
        memo.get("ab");      // ttl 2 s
        memo.get("abcd");    // ttl 4 s
        clock.advance(Duration.ofMillis(1999));
        memo.get("ab");
        assertEquals(1, loads.get("ab").get());
        clock.advance(Duration.ofMillis(1));
        memo.get("ab");
        assertEquals(2, loads.get("ab").get(), "expired at exactly its TTL");
        clock.advance(Duration.ofMillis(1999));
        memo.get("abcd");
        assertEquals(1, loads.get("abcd").get());
        clock.advance(Duration.ofMillis(1));
        memo.get("abcd");
        assertEquals(2, loads.get("abcd").get());
    }

    @Test
    void failuresAreNotKeptUnlessAsked() {
        AtomicInteger loads = new AtomicInteger();
        IOException boom = new IOException("servfail");
        Memoizer<String, String> plain = Memoizer.builder((String k) -> {
            loads.incrementAndGet();
            return Promise.<String>failed(boom);
        }).build();
        assertSame(boom, Promise.causeOf(plain.get("k")));
        assertSame(boom, Promise.causeOf(plain.get("k")));
        assertEquals(2, loads.get());
        assertEquals(0, plain.size());

        ManualTimer clock = new ManualTimer();
        loads.set(0);
        Memoizer<String, String> negative = Memoizer.builder((String k) -> {
            loads.incrementAndGet();
            return Promise.<String>failed(boom);
        }).cacheFailures(Duration.ofSeconds(30)).ticker(clock).build();
        negative.get("k");
        negative.get("k");
        assertEquals(1, loads.get());
        clock.advance(Duration.ofSeconds(30));
        negative.get("k");
        assertEquals(2, loads.get());
    }

    @Test
    void aRetryFromInsideTheFailureCallbackStartsAFreshComputation() {
        AtomicInteger loads = new AtomicInteger();
        Memoizer<String, String> memo = Memoizer.builder((String k) -> loads.incrementAndGet() == 1
                ? Promise.<String>failed(new IOException("first")) : Promise.completed("second")).build();
        Promise<String> r = memo.get("k").orElse(x -> memo.get("k"));
        assertEquals("second", r.join());
    }

    @Test
    void sizeIsBoundedLeastRecentlyUsedFirst() {
        AtomicInteger loads = new AtomicInteger();
        Memoizer<Integer, Integer> memo = Memoizer.builder((Integer k) -> {
            loads.incrementAndGet();
            return Promise.completed(k);
        }).maxSize(3).build();
        memo.get(1);
        memo.get(2);
        memo.get(3);
        memo.get(1);          // 2 is now the least recently used
        memo.get(4);
        assertEquals(3, memo.size());
        int before = loads.get();
        memo.get(1);
        memo.get(3);
        memo.get(4);
        assertEquals(before, loads.get());
        memo.get(2);
        assertEquals(before + 1, loads.get());
    }

    @Test
    void whenEveryCallerCancelsTheComputationIsCancelledAndForgotten() {
        Promise<String> slow = new Promise<>();
        AtomicInteger loads = new AtomicInteger();
        Memoizer<String, String> memo = Memoizer.builder((String k) -> {
            loads.incrementAndGet();
            return loads.get() == 1 ? slow : Promise.completed("fresh");
        }).build();
        Promise<String> a = memo.get("k");
        Promise<String> b = memo.get("k");
        a.cancel(false);
        assertFalse(slow.isCancelled());
        b.cancel(false);
        assertTrue(slow.isCancelled());
        assertEquals("fresh", memo.get("k").join());
        assertEquals(2, loads.get());
    }

    @Test
    void invalidateForgetsEntries() {
        AtomicInteger loads = new AtomicInteger();
        Memoizer<String, Integer> memo = Memoizer.builder((String k) -> Promise.completed(loads.incrementAndGet())).build();
        assertEquals(1, memo.get("a").join());
        memo.invalidate("a");
        assertEquals(2, memo.get("a").join());
        memo.invalidateAll();
        assertEquals(0, memo.size());
    }

    @Test
    void zeroTtlKeepsNothingButStillCoalescesConcurrentCalls() {
        AtomicInteger loads = new AtomicInteger();
        Promise<String> slow = new Promise<>();
        Memoizer<String, String> memo = Memoizer.builder((String k) -> {
            loads.incrementAndGet();
            return slow;
        }).ttl(Duration.ZERO).build();
        Promise<String> a = memo.get("k");
        Promise<String> b = memo.get("k");
        assertEquals(1, loads.get());
        slow.complete("v");
        assertEquals("v", a.join());
        assertEquals("v", b.join());
        assertEquals(0, memo.size());
        memo.get("k");
        assertEquals(2, loads.get());
    }
}
