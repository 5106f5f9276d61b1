package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cancellation racing completion on two real threads, many times: whichever wins, the outcome is
 * consistent and nothing is lost or left pending.
 */
class RaceTest {

    private static void race(Runnable a, Runnable b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        Thread t = new Thread(() -> {
            try {
                start.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            a.run();
        });
        t.start();
        start.await(30, TimeUnit.SECONDS);
        b.run();
        t.join(30_000);
        assertFalse(t.isAlive());
    }

    @Test
    void cancelRacingCompletionThroughMapAndAndThen() throws Exception {
        for (int i = 0; i < 2000; i++) {
            Promise<Integer> source = new Promise<>();
            Promise<Integer> inner = new Promise<>();
            java.util.concurrent.atomic.AtomicBoolean innerStarted = new java.util.concurrent.atomic.AtomicBoolean();
            Promise<Integer> derived = source.map(x -> x + 1).andThen(x -> {
                innerStarted.set(true);
                return inner;
            });
            boolean[] cancelled = new boolean[1];
            race(() -> source.complete(1), () -> cancelled[0] = derived.cancel(false));
            assertTrue(derived.isDone() || !cancelled[0]);
            if (cancelled[0]) {
                assertTrue(derived.isCancelled());
                // the work was stopped wherever it was: the source was cancelled, or the inner future
                // was never started, or it was started and then cancelled
                assertTrue(source.isCancelled() || !innerStarted.get() || inner.isCancelled(), "iteration " + i);
            } else {
                // the cancel lost: the source completed and the inner future is what remains
                assertFalse(inner.isDone());
                inner.complete(5);
                assertEquals(5, derived.join());
            }
        }
    }

    @Test
    void sendsReceivesAndCancelsRacingLoseNothing() throws Exception {
        for (int round = 0; round < 200; round++) {
            Channel<Integer> ch = Channels.mpsc(1);
            List<Promise<Void>> sends = Collections.synchronizedList(new ArrayList<>());
            List<Integer> received = Collections.synchronizedList(new ArrayList<>());
            boolean[] cancelledSend = new boolean[20];
            race(() -> {
                for (int i = 0; i < 20; i++) {
                    sends.add(ch.sender().send(i));
                }
                for (int i = 0; i < 20; i += 3) {
                    cancelledSend[i] = sends.get(i).cancel(false);
                }
            }, () -> {
                for (int i = 0; i < 10; i++) {
                    Promise<Integer> next = ch.receiver().next();
                    if (i % 4 == 3) {
                        next.cancel(false);
                    }
                    if (next.isDone() && !next.isCancelled()) {
                        received.add(next.join());
                    } else if (!next.isCancelled()) {
                        received.add(next.orTimeout(30, TimeUnit.SECONDS).join());
                    }
                }
            });
            ch.sender().close();
            received.addAll(ch.receiver().toList().orTimeout(30, TimeUnit.SECONDS).join());
            Set<Integer> expected = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                if (!cancelledSend[i]) {
                    expected.add(i);
                    assertTrue(sends.get(i).isDone() && !sends.get(i).isCompletedExceptionally(), "send " + i);
                }
            }
            assertEquals(expected.size(), received.size(), "round " + round + ": " + received);
            assertEquals(expected, new HashSet<>(received));
            List<Integer> sorted = new ArrayList<>(received);
            Collections.sort(sorted);
            assertEquals(sorted, received, "single sender order");
        }
    }
}
