package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void selectAllReportsTheWinnerAndHandsBackTheRest() {
        Promise<Integer> a = new Promise<>();
        Promise<Integer> b = new Promise<>();
        Promise<Integer> c = new Promise<>();
        Promise<Selected<Integer>> sel = Futures.selectAll(List.of(a, b, c));
        b.complete(20);
        Selected<Integer> s = sel.join();
        assertEquals(1, s.index());
        assertEquals(20, s.value());
        assertEquals(List.of(a, c), s.rest());
        assertFalse(a.isCancelled());
        // keep racing the rest
        Promise<Selected<Integer>> second = Futures.selectAll(s.rest());
        c.completeExceptionally(new IOException("c failed"));
        Selected<Integer> s2 = second.join();
        assertEquals(1, s2.index());
        assertFalse(s2.outcome().isSuccess());
        assertThrows(IllegalStateException.class, s2::value);
        s2.cancelRest();
        assertTrue(a.isCancelled());
    }

    @Test
    void selectPrefersTheLowestIndexAmongAlreadyCompleted() {
        Selected<Integer> s = Futures.select(Promise.completed(1), Promise.completed(2)).join();
        assertEquals(0, s.index());
        assertThrows(IllegalArgumentException.class, () -> Futures.selectAll(List.<Promise<Integer>>of()));
    }

    @Test
    void selectOkSkipsFailuresAndAggregatesThemWhenAllFail() {
        Promise<Integer> a = new Promise<>();
        Promise<Integer> b = new Promise<>();
        Promise<Selected<Integer>> ok = Futures.selectOk(List.of(a, b));
        a.completeExceptionally(new IOException("a"));
        assertFalse(ok.isDone());
        b.complete(2);
        assertEquals(1, ok.join().index());
        assertEquals(2, ok.join().value());

        IOException e1 = new IOException("1");
        IOException e2 = new IOException("2");
        Promise<Integer> x = new Promise<>();
        Promise<Selected<Integer>> none = Futures.selectOk(List.of(x, Promise.failed(e1)));
        x.completeExceptionally(e2);
        AllFailedException all = (AllFailedException) Promise.causeOf(none);
        assertEquals(List.of(e2, e1), all.causes());
    }

    @Test
    void joinAllKeepsInputOrderWhateverTheCompletionOrder() {
        List<Promise<Integer>> in = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            in.add(new Promise<>());
        }
        Promise<List<Integer>> all = Futures.joinAll(in);
        for (int i : new int[] {3, 0, 4, 1, 2}) {
            assertFalse(all.isDone());
            in.get(i).complete(i * 10);
        }
        assertEquals(List.of(0, 10, 20, 30, 40), all.join());
        assertEquals(List.of(), Futures.joinAll(List.<Promise<Integer>>of()).join());
        assertEquals(Arrays.asList(1, null), Futures.joinAll(List.of(Promise.completed(1), Promise.completed((Integer) null))).join());
    }

    @Test
    void joinAllFailsFastAndCancelsTheRest() {
        Promise<Integer> a = new Promise<>();
        Promise<Integer> b = new Promise<>();
        Promise<Integer> c = new Promise<>();
        Promise<List<Integer>> all = Futures.joinAll(List.of(a, b, c));
        IOException boom = new IOException("b");
        b.completeExceptionally(boom);
        assertSame(boom, Promise.causeOf(all));
        assertTrue(a.isCancelled());
        assertTrue(c.isCancelled());
    }

    @Test
    void joinPairsTwoValues() {
        Promise<Integer> a = new Promise<>();
        Promise<Pair<Integer, String>> both = Futures.join(a, Promise.completed("x"));
        a.complete(1);
        assertEquals(new Pair<>(1, "x"), both.join());
    }

    @Test
    void settleAllWaitsForEveryOutcome() {
        Promise<Integer> a = new Promise<>();
        IOException boom = new IOException();
        Promise<List<Outcome<Integer>>> all = Futures.settleAll(List.of(a, Promise.failed(boom), Promise.completed(3)));
        assertFalse(all.isDone());
        a.complete(1);
        List<Outcome<Integer>> outcomes = all.join();
        assertEquals(Outcome.success(1), outcomes.get(0));
        assertEquals(Outcome.failure(boom), outcomes.get(1));
        assertEquals(Outcome.success(3), outcomes.get(2));
    }

    @Test
    void timeoutFailsAndCancelsTheGuardedWork() {
        ManualTimer timer = new ManualTimer();
        Promise<Integer> work = new Promise<>();
        Promise<Integer> guarded = Futures.timeout(work, Duration.ofMillis(500), timer);
        timer.advance(Duration.ofMillis(499));
        assertFalse(guarded.isDone());
        timer.advance(Duration.ofMillis(1));
        assertInstanceOf(TimeoutException.class, Promise.causeOf(guarded));
        assertTrue(work.isCancelled());
    }

    @Test
    void timeoutPassesThroughAnEarlyResultAndCancelsTheTimerTask() {
        ManualTimer timer = new ManualTimer();
        Promise<Integer> work = new Promise<>();
        Promise<Integer> guarded = work.timeout(Duration.ofSeconds(1), timer);
        work.complete(5);
        assertEquals(5, guarded.join());
        assertEquals(0, timer.pendingCount());
    }

    /**
     * Regression: the timer used to fail the result before cancelling the source, so a value the
     * source produced at that very moment (a datagram already taken off a socket) was lost. The
     * source here completes inside its own cancel, exactly as the losing side of that race does.
     */
    @Test
    void timeoutNeverSwallowsAValueProducedAsTheTimerFires() {
        ManualTimer timer = new ManualTimer();
        CompletableFuture<Integer> racing = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                complete(42); // the value arrives first; the cancel then fails
                return super.cancel(mayInterruptIfRunning);
            }
        };
        Promise<Integer> guarded = Futures.timeout(racing, Duration.ofMillis(10), timer);
        timer.advance(Duration.ofMillis(10));
        assertEquals(42, guarded.join());
    }

    @Test
    void delayCompletesOnTheTimerAndClosingTheTimerFailsIt() {
        ManualTimer timer = new ManualTimer();
        Promise<Void> d = Futures.delay(Duration.ofSeconds(2), timer);
        timer.advance(Duration.ofSeconds(1));
        assertFalse(d.isDone());
        timer.advance(Duration.ofSeconds(1));
        assertTrue(d.isDone() && !d.isCompletedExceptionally());

        SingleThreadTimer real = new SingleThreadTimer("futures-test-timer");
        Promise<Void> never = Futures.delay(Duration.ofHours(1), real);
        Promise<Integer> guarded = new Promise<Integer>().timeout(Duration.ofHours(1), real);
        real.close();
        assertInstanceOf(RejectedExecutionException.class, Promise.causeOf(never));
        assertInstanceOf(RejectedExecutionException.class, Promise.causeOf(guarded));
        assertInstanceOf(RejectedExecutionException.class, Promise.causeOf(Futures.delay(Duration.ZERO, real)));
    }

    @Test
    void retryBacksOffExponentiallyUntilSuccess() {
        ManualTimer timer = new ManualTimer();
        List<Long> startedAt = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(5)
                .backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(300)).build();
        Promise<String> r = Futures.retry(() -> {
            startedAt.add(timer.nanoTime() / 1_000_000);
            return calls.incrementAndGet() < 4 ? Promise.failed(new IOException("try again")) : Promise.completed("ok");
        }, policy, timer);
        timer.advance(Duration.ofSeconds(10));
        assertEquals("ok", r.join());
        assertEquals(List.of(0L, 100L, 300L, 600L), startedAt);
    }

    @Test
    void retryStopsAtMaxAttemptsOrOnANonRetryableFailure() {
        ManualTimer timer = new ManualTimer();
        AtomicInteger calls = new AtomicInteger();
        IOException last = new IOException("last");
        Promise<String> r = Futures.retry(() -> {
            calls.incrementAndGet();
            return Promise.failed(last);
        }, RetryPolicy.builder().maxAttempts(3).fixedDelay(Duration.ofMillis(10)).build(), timer);
        timer.advance(Duration.ofSeconds(1));
        assertEquals(3, calls.get());
        assertSame(last, Promise.causeOf(r));

        calls.set(0);
        Promise<String> fatal = Futures.retry(() -> {
            calls.incrementAndGet();
            return Promise.failed(new IllegalArgumentException("fatal"));
        }, RetryPolicy.builder().maxAttempts(9).retryOn(x -> x instanceof IOException).build(), timer);
        assertEquals(1, calls.get());
        assertInstanceOf(IllegalArgumentException.class, Promise.causeOf(fatal));
    }

    @Test
    void retryDeadlineCancelsTheAttemptInFlight() {
        ManualTimer timer = new ManualTimer();
        List<Promise<String>> attempts = new ArrayList<>();
        Promise<String> r = Futures.retry(() -> {
            Promise<String> a = new Promise<>();
            attempts.add(a);
            return a;
        }, RetryPolicy.builder().maxAttempts(10).fixedDelay(Duration.ofMillis(100)).deadline(Duration.ofSeconds(1)).build(), timer);
        IOException first = new IOException("first");
        attempts.get(0).completeExceptionally(first);
        timer.advance(Duration.ofMillis(100));
        assertEquals(2, attempts.size());
        timer.advance(Duration.ofMillis(900));
        Throwable t = Promise.causeOf(r);
        assertInstanceOf(TimeoutException.class, t);
        assertSame(first, t.getCause());
        assertTrue(attempts.get(1).isCancelled());
        assertEquals(0, timer.pendingCount());
    }

    @Test
    void retryWithZeroBackoffIsStackSafe() {
        ManualTimer timer = new ManualTimer();
        AtomicInteger calls = new AtomicInteger();
        Promise<Integer> r = Futures.retry(() -> calls.incrementAndGet() < 200_000
                ? Promise.failed(new IOException()) : Promise.completed(calls.get()),
                RetryPolicy.builder().maxAttempts(Integer.MAX_VALUE).fixedDelay(Duration.ZERO).build(), timer);
        assertEquals(200_000, r.join());
    }

    @Test
    void retryPolicyJitterStaysWithinBounds() {
        RetryPolicy p = RetryPolicy.builder().backoff(Duration.ofMillis(100), 2, Duration.ofSeconds(1))
                .jitter(0.5, RandomGenerator.of("L64X128MixRandom")).build();
        for (int i = 0; i < 1000; i++) {
            long ms = p.delayBefore(3).toMillis();
            assertTrue(ms >= 100 && ms <= 300, "delay " + ms);
        }
        assertEquals(Duration.ZERO, p.delayBefore(1));
    }

    @Test
    void loopIsStackSafeForAMillionSynchronousSteps() {
        Promise<Integer> r = Futures.loop(0, n -> n < 1_000_000, n -> Promise.completed(n + 1));
        assertEquals(1_000_000, r.join());
        CompletableFuture<Long> viaCf = Futures.loop(0L, n -> n < 1_000_000, n -> CompletableFuture.completedFuture(n + 1));
        assertEquals(1_000_000L, viaCf.join());
    }

    @Test
    void loopMixesAsynchronousSteps() {
        List<Promise<Integer>> pending = new ArrayList<>();
        Promise<Integer> r = Futures.loop(0, n -> n < 10, n -> {
            if (n % 3 == 0) {
                Promise<Integer> p = new Promise<>();
                pending.add(p);
                return p.map(x -> n + 1);
            }
            return Promise.completed(n + 1);
        });
        while (!r.isDone()) {
            pending.remove(0).complete(0);
        }
        assertEquals(10, r.join());
    }

    @Test
    void loopFailsWithTheStepFailure() {
        IOException boom = new IOException();
        Promise<Integer> r = Futures.loop(0, n -> true, n -> n == 5 ? Promise.failed(boom) : Promise.completed(n + 1));
        assertSame(boom, Promise.causeOf(r));
        Promise<Integer> nul = Futures.loop(0, n -> true, n -> null);
        assertInstanceOf(NullPointerException.class, Promise.causeOf(nul));
        assertNull(Futures.loop((Integer) null, n -> false, n -> Promise.completed(1)).join());
    }

    @Test
    void cancellingADelayRemovesItsTimerTask() {
        ManualTimer timer = new ManualTimer();
        Promise<Void> d = Futures.delay(Duration.ofSeconds(5), timer);
        assertTrue(d.cancel(false));
        assertEquals(0, timer.pendingCount());
    }
}
