package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every continuation of every combinator runs on a thread the caller controls: the completing thread,
 * the timer's, or an executor it passed — never a ForkJoinPool worker (the common pool).
 */
class NoCommonPoolTest {
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger forkJoin = new AtomicInteger();

    private <T> T record(T value) {
        Thread t = Thread.currentThread();
        threads.add(t.getName());
        if (t instanceof ForkJoinWorkerThread) {
            forkJoin.incrementAndGet();
        }
        return value;
    }

    @Test
    void noContinuationRunsOnTheCommonPool() throws Exception {
        try (SingleThreadTimer timer = new SingleThreadTimer("no-common-pool-timer")) {
            Promise<Integer> source = new Promise<>();
            Promise<Integer> chain = source.map(this::record)
                    .andThen(x -> Futures.delay(Duration.ofMillis(5), timer).map(v -> record(x)))
                    .inspect(this::record)
                    .orElse(x -> Promise.completed(0))
                    .recover(x -> 0);
            Promise<Integer> async = (Promise<Integer>) source.thenApplyAsync(this::record)
                    .thenComposeAsync(x -> Promise.completed(record(x)));
            Promise<List<Integer>> joined = Futures.joinAll(List.of(chain, async, Futures.timeout(new Promise<Integer>(),
                    Duration.ofMillis(5), timer).recover(this::recordZero)));
            Promise<Integer> looped = Futures.loop(0, n -> n < 3, n -> Futures.delay(Duration.ofMillis(1), timer).map(v -> record(n + 1)));
            Promise<Integer> retried = Futures.retry(() -> Promise.completed(record(1)), RetryPolicy.builder().build(), timer);
            Promise<Integer> streamed = AsyncStream.of(1, 2, 3).bufferUnordered(2, x -> Futures.delay(Duration.ofMillis(1), timer)
                    .map(v -> record(x))).fold(0, Integer::sum);
            new Thread(() -> source.complete(record(1)), "no-common-pool-completer").start();
            assertEquals(List.of(1, 1, 0), joined.get(30, TimeUnit.SECONDS));
            assertEquals(3, looped.get(30, TimeUnit.SECONDS));
            assertEquals(1, retried.get(30, TimeUnit.SECONDS));
            assertEquals(6, streamed.get(30, TimeUnit.SECONDS));
        }
        assertEquals(0, forkJoin.get(), "continuations ran on " + threads);
        assertTrue(threads.stream().allMatch(n -> n.startsWith("no-common-pool") || n.equals(Thread.currentThread().getName())),
                threads.toString());
    }

    private Integer recordZero(Throwable x) {
        return record(0);
    }
}
