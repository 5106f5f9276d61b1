package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncStreamTest {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toList());
    }

    /** A stream whose items the test releases one by one. */
    private static final class Scripted extends AbstractAsyncStream<Integer> {
        final List<Promise<Integer>> pulls = new ArrayList<>();
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        protected Promise<Integer> pull() {
            Promise<Integer> p = new Promise<>();
            pulls.add(p);
            return p;
        }

        @Override
        protected void onClose() {
            closed.set(true);
        }

        Promise<Integer> last() {
            return pulls.get(pulls.size() - 1);
        }
    }

    @Test
    void endOfStreamIsNullAndTerminal() {
        AsyncStream<Integer> s = AsyncStream.of(1, 2);
        assertEquals(1, s.next().join());
        assertEquals(2, s.next().join());
        Promise<Integer> end = s.next();
        assertNull(end.join());
        assertSame(end, s.next());
        assertNull(AsyncStream.empty().next().join());
    }

    @Test
    void failureIsTerminalAndRepeated() {
        IOException boom = new IOException();
        AsyncStream<Integer> s = AsyncStream.failed(boom);
        Promise<Integer> f = s.next();
        assertSame(boom, Promise.causeOf(f));
        assertSame(f, s.next());
    }

    @Test
    void overlappingNextIsRefused() {
        Scripted src = new Scripted();
        src.next();
        assertInstanceOf(IllegalStateException.class, Promise.causeOf(src.next()));
    }

    @Test
    void closeCancelsThePendingNextAndClosesUpstream() {
        Scripted src = new Scripted();
        AsyncStream<String> mapped = src.map(x -> "v" + x);
        Promise<String> pending = mapped.next();
        mapped.close();
        assertTrue(pending.isCancelled());
        assertTrue(src.last().isCancelled());
        assertTrue(src.closed.get());
        assertInstanceOf(CancellationException.class, Promise.causeOf(mapped.next()));
    }

    @Test
    void cancellingOneNextIsNotTerminal() {
        Scripted src = new Scripted();
        Promise<Integer> first = src.next();
        first.cancel(false);
        Promise<Integer> second = src.next();
        second.complete(5);
        assertEquals(5, second.join());
    }

    @Test
    void mapFilterTakeFoldAndCollect() {
        assertEquals(List.of("0", "2", "4"), AsyncStream.fromIterable(range(10))
                .filter(x -> x % 2 == 0).map(String::valueOf).take(3).toList().join());
        assertEquals(45, AsyncStream.fromIterable(range(10)).fold(0, Integer::sum).join());
        assertEquals(Set.of(1, 2), AsyncStream.of(1, 2, 2, 1).collect(Collectors.toSet()).join());
        List<Integer> seen = new ArrayList<>();
        assertNull(AsyncStream.of(3, 4).forEach(seen::add).join());
        assertEquals(List.of(3, 4), seen);
        assertEquals(List.of(), AsyncStream.of(1, 2).take(0).toList().join());
    }

    /**
     * Regression: an item that arrived between filter's "is it ready" checks (another thread completing
     * the pull) was passed on without being tested. Here the pull completes at the moment filter first
     * asks whether it is done, which is the window that race hit.
     */
    @Test
    void filterTestsAnItemThatArrivesWhileItLooks() {
        final class CompletesWhenAsked extends Promise<Integer> {
            private boolean asked;

            @Override
            public boolean isDone() {
                if (!asked) {
                    asked = true;
                    boolean before = super.isDone();
                    complete(1); // as if another thread completed it just now
                    return before;
                }
                return super.isDone();
            }
        }
        AsyncStream<Integer> upstream = new AbstractAsyncStream<>() {
            private int n;

            @Override
            protected Promise<Integer> pull() {
                n++;
                return n == 1 ? new CompletesWhenAsked() : n == 2 ? Promise.completed(2) : endOfStream();
            }
        };
        assertEquals(List.of(2), upstream.filter(x -> x % 2 == 0).toList().join(), "1 is odd: the filter must drop it");
    }

    @Test
    void aMillionSynchronousItemsRunInConstantStackDepth() {
        AsyncStream<Integer> big = AsyncStream.fromIterable(() -> IntStream.range(0, 1_000_000).iterator());
        long sum = big.filter(x -> x % 1000 == 0).map(x -> (long) x).fold(0L, Long::sum).join();
        assertEquals(499_500_000L, sum);
        AsyncStream<Integer> allFiltered = AsyncStream.fromIterable(() -> IntStream.range(0, 1_000_000).iterator());
        assertNull(allFiltered.filter(x -> false).next().join());
    }

    @Test
    void asynchronousItemsAreFoldedAsTheyArrive() {
        Scripted src = new Scripted();
        Promise<Integer> sum = src.fold(0, Integer::sum);
        for (int i = 1; i <= 3; i++) {
            src.last().complete(i);
        }
        assertFalse(sum.isDone());
        src.last().complete(null);
        assertEquals(6, sum.join());
        assertTrue(src.closed.get(), "terminal operations close the stream");
    }

    @Test
    void cancellingAFoldClosesTheStream() {
        Scripted src = new Scripted();
        Promise<Integer> sum = src.fold(0, Integer::sum);
        sum.cancel(false);
        assertTrue(src.closed.get());
        assertTrue(src.last().isCancelled());
    }

    @Test
    void mapAsyncRunsOneAtATimeInOrder() {
        List<Promise<String>> inflight = new ArrayList<>();
        AsyncStream<String> s = AsyncStream.of(1, 2).mapAsync(x -> {
            Promise<String> p = new Promise<>();
            inflight.add(p);
            return p;
        });
        Promise<String> first = s.next();
        assertEquals(1, inflight.size());
        inflight.get(0).complete("one");
        assertEquals("one", first.join());
        Promise<String> second = s.next();
        inflight.get(1).complete("two");
        assertEquals("two", second.join());
        assertNull(s.next().join());
    }

    @Test
    void bufferedKeepsOrderAndBoundsConcurrency() {
        List<Promise<Integer>> inflight = new ArrayList<>();
        AtomicInteger started = new AtomicInteger();
        AsyncStream<Integer> s = AsyncStream.fromIterable(range(10)).buffered(3, x -> {
            started.incrementAndGet();
            Promise<Integer> p = new Promise<>();
            inflight.add(p);
            return p.map(v -> x * 100 + v);
        });
        assertEquals(0, started.get(), "nothing starts before the first next()");
        Promise<Integer> first = s.next();
        assertEquals(3, started.get());
        inflight.get(2).complete(2);
        inflight.get(1).complete(1);
        assertFalse(first.isDone());
        assertEquals(3, started.get(), "finished results still hold their slot until consumed");
        inflight.get(0).complete(0);
        assertEquals(0, first.join());
        assertEquals(4, started.get());
        assertEquals(101, s.next().join());
        assertEquals(202, s.next().join());
        for (int i = 3; i < 10; i++) {
            Promise<Integer> n = s.next();
            inflight.get(i).complete(i);
            assertEquals(i * 101, n.join());
        }
        assertNull(s.next().join());
    }

    /** {@code bufferUnordered(3)} over 0, 1, 2; each item's future is a new pending promise, put in {@code inflight}. */
    private static AsyncStream<Integer> unorderedOverPending(List<Promise<Integer>> inflight) {
        return AsyncStream.of(0, 1, 2).bufferUnordered(3, x -> {
            Promise<Integer> p = new Promise<>();
            inflight.add(p);
            return p;
        });
    }

    @Test
    void bufferUnorderedYieldsInCompletionOrder() {
        List<Promise<Integer>> inflight = new ArrayList<>();
        AsyncStream<Integer> s = unorderedOverPending(inflight);
        Promise<Integer> first = s.next();
        inflight.get(2).complete(20);
        assertEquals(20, first.join());
        inflight.get(0).complete(0);
        inflight.get(1).complete(10);
        assertEquals(0, s.next().join());
        assertEquals(10, s.next().join());
        assertNull(s.next().join());
    }

    @Test
    void bufferedFailureFailsTheStreamAndCancelsWorkInFlight() {
        List<Promise<Integer>> inflight = new ArrayList<>();
        AsyncStream<Integer> s = unorderedOverPending(inflight);
        Promise<Integer> first = s.next();
        IOException boom = new IOException();
        inflight.get(1).completeExceptionally(boom);
        assertSame(boom, Promise.causeOf(first));
        assertTrue(inflight.get(0).isCancelled());
        assertTrue(inflight.get(2).isCancelled());
    }

    @Test
    void mergeInterleavesAsItemsArriveAndEndsWhenAllEnd() {
        Scripted a = new Scripted();
        Scripted b = new Scripted();
        AsyncStream<Integer> m = a.merge(b);
        Promise<Integer> n1 = m.next();
        b.last().complete(2);
        assertEquals(2, n1.join());
        a.last().complete(1);
        assertEquals(1, m.next().join());
        Promise<Integer> n3 = m.next();
        a.last().complete(null);
        assertFalse(n3.isDone());
        b.last().complete(3);
        assertEquals(3, n3.join());
        Promise<Integer> end = m.next();
        b.last().complete(null);
        assertNull(end.join());
        assertEquals(Set.of(1, 2, 3, 4), new HashSet<>(AsyncStream.mergeAll(List.of(AsyncStream.of(1, 2),
                AsyncStream.of(3), AsyncStream.of(4))).toList().join()));
    }

    @Test
    void closingAMergeClosesEverySource() {
        Scripted a = new Scripted();
        Scripted b = new Scripted();
        AsyncStream<Integer> m = a.merge(b);
        m.next();
        m.close();
        assertTrue(a.closed.get() && b.closed.get());
        assertTrue(a.last().isCancelled() && b.last().isCancelled());
    }

    @Test
    void chunksGroupsItemsAndDeliversThePartialGroupBeforeAFailure() {
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6)),
                AsyncStream.fromIterable(range(7)).chunks(3).toList().join());
        Scripted src = new Scripted();
        AsyncStream<List<Integer>> c = src.chunks(3);
        Promise<List<Integer>> first = c.next();
        src.last().complete(1);
        src.last().complete(2);
        IOException boom = new IOException();
        src.last().completeExceptionally(boom);
        assertEquals(List.of(1, 2), first.join());
        assertSame(boom, Promise.causeOf(c.next()));
    }

    @Test
    void cancellingAChunkKeepsItsItemsForTheNextCall() {
        Scripted src = new Scripted();
        AsyncStream<List<Integer>> c = src.chunks(3);
        Promise<List<Integer>> first = c.next();
        src.last().complete(1);
        first.cancel(false);
        Promise<List<Integer>> second = c.next();
        src.last().complete(2);
        src.last().complete(3);
        assertEquals(List.of(1, 2, 3), second.join());
    }

    @Test
    void generateEndsWhenTheSupplierYieldsNull() {
        AtomicInteger n = new AtomicInteger();
        AsyncStream<Integer> g = AsyncStream.generate(() -> Promise.completed(n.get() < 3 ? n.incrementAndGet() : null));
        assertEquals(List.of(1, 2, 3), g.toList().join());
    }

    @Test
    void timeoutFailsWhenAGapReachesTheLimitAndResetsOnEveryItem() {
        ManualTimer timer = new ManualTimer();
        Channel<String> ch = Channels.mpsc(8);
        AsyncStream<String> guarded = ch.receiver().timeout(Duration.ofSeconds(1), timer, TimeoutAction.FAIL);
        for (int i = 0; i < 5; i++) {
            Promise<String> n = guarded.next();
            timer.advance(Duration.ofMillis(999));
            assertFalse(n.isDone());
            ch.sender().trySend("item" + i);
            assertEquals("item" + i, n.join());
        }
        Promise<String> late = guarded.next();
        timer.advance(Duration.ofMillis(1000));
        assertInstanceOf(TimeoutException.class, Promise.causeOf(late));
        assertTrue(ch.sender().isClosed(), "the timeout closes the upstream");
        assertTrue(timer.pendingCount() <= 1);
    }

    @Test
    void timeoutWithEndActionEndsTheStream() {
        ManualTimer timer = new ManualTimer();
        Channel<String> ch = Channels.mpsc(8);
        AsyncStream<String> guarded = ch.receiver().timeout(Duration.ofSeconds(1), timer, TimeoutAction.END);
        Promise<String> n = guarded.next();
        timer.advance(Duration.ofSeconds(1));
        assertNull(n.join());
        assertNull(guarded.next().join());
    }

    @Test
    void timeoutDeliversAnItemThatIsAlreadyThereEvenIfTheConsumerIsLate() {
        ManualTimer timer = new ManualTimer();
        Channel<String> ch = Channels.mpsc(8);
        AsyncStream<String> guarded = ch.receiver().timeout(Duration.ofSeconds(1), timer, TimeoutAction.FAIL);
        ch.sender().trySend("early");
        timer.advance(Duration.ofSeconds(5));
        assertEquals("early", guarded.next().join());
        Promise<String> n = guarded.next();
        assertFalse(n.isDone(), "the clock restarted with the delivered item");
        timer.advance(Duration.ofSeconds(1));
        assertInstanceOf(TimeoutException.class, Promise.causeOf(n));
    }

    @Test
    void takeClosesTheUpstreamAsSoonAsTheLastItemIsDelivered() {
        Scripted src = new Scripted();
        AsyncStream<Integer> two = src.take(2);
        Promise<Integer> a = two.next();
        src.last().complete(1);
        assertEquals(1, a.join());
        assertFalse(src.closed.get());
        Promise<Integer> b = two.next();
        src.last().complete(2);
        assertEquals(2, b.join());
        assertTrue(src.closed.get());
        assertNull(two.next().join());
    }

    @Test
    void closingATimeoutStreamCancelsItsTimerTask() {
        ManualTimer timer = new ManualTimer();
        Scripted src = new Scripted();
        AsyncStream<Integer> guarded = src.timeout(Duration.ofSeconds(1), timer, TimeoutAction.FAIL);
        guarded.next();
        assertEquals(1, timer.pendingCount());
        guarded.close();
        assertEquals(0, timer.pendingCount());
        assertTrue(src.closed.get());
    }

    @Test
    void operatorFunctionsThatThrowFailTheStream() {
        IllegalStateException bad = new IllegalStateException("bad item");
        AsyncStream<Integer> s = AsyncStream.of(1, 2).map(x -> {
            throw bad;
        });
        assertSame(bad, Promise.causeOf(s.next()));
        assertInstanceOf(NullPointerException.class, Promise.causeOf(AsyncStream.of(1).map(x -> null).next()));
        assertSame(bad, Promise.causeOf(AsyncStream.of(1).filter(x -> {
            throw bad;
        }).next()));
        assertSame(bad, Promise.causeOf(AsyncStream.of(1, 2).fold(0, (acc, x) -> {
            throw bad;
        })));
    }
}
