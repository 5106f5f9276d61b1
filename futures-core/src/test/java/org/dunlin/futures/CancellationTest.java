package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Cancellation flows upstream through every combinator, and completed promises let go of their inputs. */
class CancellationTest {

    @Test
    void cancellingAMapCancelsItsSource() {
        Promise<Integer> source = new Promise<>();
        Promise<Integer> derived = source.map(x -> x + 1).inspect(x -> { }).recover(x -> 0).mapError(x -> x);
        assertTrue(derived.cancel(false));
        assertTrue(source.isCancelled());
        assertTrue(derived.isCancelled());
    }

    @Test
    void cancellingAnAndThenReachesTheInnerFuture() {
        Promise<Integer> source = new Promise<>();
        Promise<Integer> inner = new Promise<>();
        Promise<Integer> derived = source.andThen(x -> inner);
        source.complete(1);
        assertTrue(derived.cancel(false));
        assertTrue(inner.isCancelled());
        Promise<Integer> pendingSource = new Promise<>();
        Promise<Integer> d2 = pendingSource.andThen(x -> inner);
        d2.cancel(false);
        assertTrue(pendingSource.isCancelled());
    }

    @Test
    void cancelDuringTheComposeFunctionCancelsTheInnerFutureItReturns() {
        Promise<Integer> source = new Promise<>();
        Promise<Integer> inner = new Promise<>();
        List<Promise<Integer>> holder = new ArrayList<>();
        Promise<Integer> derived = source.andThen(x -> {
            holder.get(0).cancel(false);
            return inner;
        });
        holder.add(derived);
        source.complete(1);
        assertTrue(derived.isCancelled());
        assertTrue(inner.isCancelled());
    }

    @Test
    void cancellingAnOrElseReachesTheRecoveryFuture() {
        Promise<Integer> source = new Promise<>();
        Promise<Integer> fallback = new Promise<>();
        Promise<Integer> derived = source.orElse(x -> fallback);
        source.completeExceptionally(new RuntimeException());
        derived.cancel(false);
        assertTrue(fallback.isCancelled());
    }

    @Test
    void cancellingAForeignCompletableFutureThroughFrom() {
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        Promise.from(cf).map(x -> x).cancel(false);
        assertTrue(cf.isCancelled());
    }

    @Test
    void jdkThenApplyKeepsItsOwnSemantics() {
        Promise<Integer> source = new Promise<>();
        CompletableFuture<Integer> legacy = source.thenApply(x -> x);
        legacy.cancel(false);
        assertFalse(source.isCancelled());
    }

    @Test
    void aLongChainIsCancelledWithoutRecursion() {
        Promise<Integer> source = new Promise<>();
        Promise<Integer> tail = source;
        for (int i = 0; i < 200_000; i++) {
            tail = tail.map(x -> x);
        }
        assertTrue(tail.cancel(false));
        assertTrue(source.isCancelled());
    }

    @Test
    void cancelIsRefusedWhenTheResultIsAlreadyOnItsWay() {
        // A receiver's pending next() that a sender has claimed cannot be cancelled, even through a map:
        // the item arrives instead of being lost.
        Channel<String> ch = Channels.mpsc(1);
        Promise<String> next = ch.receiver().next();
        Promise<String> mapped = next.map(String::toUpperCase);
        Handoff<?> handoff = (Handoff<?>) next.upstream();
        assertTrue(handoff.claim());
        assertFalse(mapped.cancel(false));
        assertFalse(next.isCancelled());
        next.complete("late");
        assertEquals("LATE", mapped.join());
    }

    @Test
    void cancellingAJoinOrSelectCancelsEveryInput() {
        Promise<Integer> a = new Promise<>();
        Promise<Integer> b = new Promise<>();
        Futures.joinAll(List.of(a, b)).cancel(false);
        assertTrue(a.isCancelled() && b.isCancelled());
        Promise<Integer> c = new Promise<>();
        Promise<Integer> d = new Promise<>();
        Futures.selectAll(List.of(c, d)).cancel(false);
        assertTrue(c.isCancelled() && d.isCancelled());
        Promise<Integer> e = new Promise<>();
        Promise<Integer> f = new Promise<>();
        Futures.settleAll(List.of(e, f)).cancel(false);
        assertTrue(e.isCancelled() && f.isCancelled());
        Promise<Integer> g = new Promise<>();
        Promise<String> h = new Promise<>();
        Futures.join(g, h).cancel(false);
        assertTrue(g.isCancelled() && h.isCancelled());
    }

    @Test
    void cancellingATimeoutCancelsTheSourceAndTheTimerTask() {
        ManualTimer timer = new ManualTimer();
        Promise<Integer> source = new Promise<>();
        Promise<Integer> guarded = source.timeout(Duration.ofSeconds(1), timer);
        assertEquals(1, timer.pendingCount());
        guarded.cancel(false);
        assertTrue(source.isCancelled());
        assertEquals(0, timer.pendingCount());
    }

    @Test
    void cancellingALoopCancelsTheCurrentStepAndStops() {
        List<Promise<Integer>> steps = new ArrayList<>();
        Promise<Integer> loop = Futures.loop(0, n -> true, n -> {
            Promise<Integer> step = new Promise<>();
            steps.add(step);
            return step;
        });
        steps.get(0).complete(1);
        assertEquals(2, steps.size());
        loop.cancel(false);
        assertTrue(steps.get(1).isCancelled());
        assertEquals(2, steps.size());
    }

    @Test
    void completedPromisesReleaseTheirInputs() throws InterruptedException {
        Promise<byte[]> source = new Promise<>();
        Promise<Integer> small = source.map(bytes -> bytes.length);
        byte[] big = new byte[1 << 20];
        WeakReference<byte[]> ref = new WeakReference<>(big);
        WeakReference<Promise<byte[]>> sourceRef = new WeakReference<>(source);
        source.complete(big);
        big = null;
        source = null;
        for (int i = 0; i < 50 && (ref.get() != null || sourceRef.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(ref.get(), "the source's value is still reachable from the derived promise");
        assertNull(sourceRef.get(), "the source is still reachable from the derived promise");
        assertEquals(1 << 20, small.join());
    }

    @Test
    void sharedSubscribersCancelIndependently() {
        Promise<Integer> source = new Promise<>();
        Shared<Integer> shared = source.shared();
        Promise<Integer> a = shared.subscribe();
        Promise<Integer> b = shared.subscribe();
        a.cancel(false);
        assertFalse(source.isCancelled());
        b.cancel(false);
        assertTrue(source.isCancelled());
    }
}
