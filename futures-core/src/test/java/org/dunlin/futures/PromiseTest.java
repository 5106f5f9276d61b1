package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PromiseTest {

    @Test
    void mapOnPendingAndCompletedSources() {
        Promise<Integer> p = new Promise<>();
        Promise<String> m = p.map(x -> "v" + x);
        assertFalse(m.isDone());
        p.complete(7);
        assertEquals("v7", m.join());
        assertEquals("v8", Promise.completed(8).map(x -> "v" + x).join());
    }

    @Test
    void failureShortCircuitsMapWithoutCallingTheFunction() {
        IOException boom = new IOException("boom");
        List<Object> calls = new ArrayList<>();
        Promise<Integer> failedNow = Promise.failed(boom);
        Promise<Integer> p = new Promise<>();
        Promise<Integer> later = p.map(x -> {
            calls.add(x);
            return x;
        });
        p.completeExceptionally(boom);
        Promise<Integer> now = failedNow.map(x -> {
            calls.add(x);
            return x;
        });
        assertTrue(calls.isEmpty());
        assertSame(boom, Promise.causeOf(later));
        assertSame(boom, Promise.causeOf(now));
    }

    @Test
    void functionExceptionFailsTheResultWithThatException() throws Exception {
        IllegalStateException bad = new IllegalStateException("bad");
        Promise<Integer> p = new Promise<>();
        Promise<Integer> m = p.map(x -> {
            throw bad;
        });
        p.complete(1);
        ExecutionException e = assertThrows(ExecutionException.class, m::get);
        assertSame(bad, e.getCause());
        assertSame(bad, Promise.causeOf(Promise.completed(1).map(x -> {
            throw bad;
        })));
    }

    @Test
    void andThenComposesPendingAndCompletedInnerFutures() {
        Promise<Integer> p = new Promise<>();
        Promise<Integer> inner = new Promise<>();
        Promise<Integer> r = p.andThen(x -> inner);
        p.complete(1);
        assertFalse(r.isDone());
        inner.complete(41);
        assertEquals(41, r.join());
        assertEquals(3, Promise.completed(1).andThen(x -> CompletableFuture.completedFuture(x + 2)).join());
        CompletableFuture<Integer> slow = new CompletableFuture<>();
        Promise<Integer> viaCf = Promise.completed(1).andThen(x -> slow);
        slow.complete(5);
        assertEquals(5, viaCf.join());
    }

    @Test
    void andThenNullReturnFailsWithNullPointerException() {
        Promise<Integer> p = new Promise<>();
        Promise<Integer> r = p.andThen(x -> null);
        p.complete(1);
        assertInstanceOf(NullPointerException.class, Promise.causeOf(r));
        assertInstanceOf(NullPointerException.class, Promise.causeOf(Promise.completed(1).andThen(x -> null)));
    }

    @Test
    void callbacksSeeTheOriginalExceptionNeverAWrapper() {
        IOException boom = new IOException("boom");
        Promise<Integer> p = new Promise<>();
        // a chain deep enough that the JDK would wrap the cause in CompletionException
        Promise<Integer> chained = p.map(x -> x + 1).andThen(x -> Promise.completed(x)).map(x -> x);
        List<Throwable> seen = new ArrayList<>();
        chained.orElse(x -> {
            seen.add(x);
            return Promise.completed(0);
        });
        chained.recover(x -> {
            seen.add(x);
            return 0;
        });
        chained.mapError(x -> {
            seen.add(x);
            return x;
        });
        chained.inspectError(seen::add);
        chained.handle((v, x) -> seen.add(x));
        chained.whenComplete((v, x) -> seen.add(x));
        chained.exceptionally(x -> {
            seen.add(x);
            return 0;
        });
        chained.exceptionallyCompose(x -> {
            seen.add(x);
            return Promise.completed(0);
        });
        p.completeExceptionally(boom);
        assertEquals(8, seen.size());
        for (Throwable x : seen) {
            assertSame(boom, x);
        }
    }

    @Test
    void getAndJoinCarryTheOriginalCause() {
        IOException boom = new IOException("boom");
        Promise<Integer> p = new Promise<>();
        Promise<Integer> m = p.map(x -> x);
        p.completeExceptionally(boom);
        ExecutionException e = assertThrows(ExecutionException.class, m::get);
        assertSame(boom, e.getCause());
        CompletionException c = assertThrows(CompletionException.class, m::join);
        assertSame(boom, c.getCause());
    }

    @Test
    void unwrapStripsNestedWrappers() {
        IOException boom = new IOException();
        assertSame(boom, Promise.unwrap(new CompletionException(new ExecutionException(new CompletionException(boom)))));
        CompletionException bare = new CompletionException("no cause", null);
        assertSame(bare, Promise.unwrap(bare));
    }

    @Test
    void recoverMapErrorAndOrElse() {
        Promise<Integer> p = new Promise<>();
        Promise<Integer> recovered = p.recover(x -> -1);
        Promise<Integer> translated = p.mapError(x -> new IllegalArgumentException("translated", x));
        Promise<Integer> other = p.orElse(x -> Promise.completed(99));
        p.completeExceptionally(new IOException("down"));
        assertEquals(-1, recovered.join());
        Throwable t = Promise.causeOf(translated);
        assertInstanceOf(IllegalArgumentException.class, t);
        assertInstanceOf(IOException.class, t.getCause());
        assertEquals(99, other.join());
        Promise<Integer> ok = Promise.completed(5);
        assertSame(ok, ok.recover(x -> 0));
        assertSame(ok, ok.orElse(x -> Promise.completed(0)));
        assertSame(ok, ok.mapError(x -> x));
    }

    @Test
    void inspectSeesValuesAndErrorsAndPassesThemOn() {
        List<Object> seen = new ArrayList<>();
        Promise<Integer> p = new Promise<>();
        Promise<Integer> i = p.inspect(seen::add).inspectError(seen::add);
        p.complete(3);
        assertEquals(3, i.join());
        assertEquals(List.of(3), seen);
        IOException boom = new IOException();
        Promise<Integer> q = new Promise<>();
        Promise<Integer> j = q.inspect(seen::add).inspectError(seen::add);
        q.completeExceptionally(boom);
        assertSame(boom, Promise.causeOf(j));
        assertEquals(List.of(3, boom), seen);
    }

    @Test
    void obtrudeIsRefused() {
        Promise<Integer> p = Promise.completed(1);
        assertThrows(UnsupportedOperationException.class, () -> p.obtrudeValue(2));
        assertThrows(UnsupportedOperationException.class, () -> p.obtrudeException(new IOException()));
        assertEquals(1, p.join());
    }

    @Test
    void derivedStagesArePromises() {
        Promise<Integer> p = new Promise<>();
        assertInstanceOf(Promise.class, p.thenApply(x -> x));
        assertInstanceOf(Promise.class, p.thenCompose(x -> Promise.completed(x)));
        assertInstanceOf(Promise.class, p.thenCombine(Promise.completed(1), Integer::sum));
        assertInstanceOf(Promise.class, p.copy());
        assertSame(p, p.toCompletableFuture());
    }

    @Test
    void asyncMethodsWithoutExecutorNeverUseTheCommonPool() {
        AtomicReference<Thread> ran = new AtomicReference<>();
        Promise<Integer> p = new Promise<>();
        Promise<Integer> r = (Promise<Integer>) p.thenApplyAsync(x -> {
            ran.set(Thread.currentThread());
            return x + 1;
        });
        p.complete(1);
        assertEquals(2, r.join());
        assertSame(Thread.currentThread(), ran.get());
        assertFalse(p.defaultExecutor() == ForkJoinPool.commonPool());
        Promise<Integer> q = new Promise<>();
        q.completeAsync(() -> {
            ran.set(Thread.currentThread());
            return 5;
        });
        assertEquals(5, q.join());
        assertSame(Thread.currentThread(), ran.get());
    }

    @Test
    void onMovesCompletionToTheExecutor() throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> new Thread(r, "promise-test-exec"));
        try {
            Promise<Integer> p = new Promise<>();
            AtomicReference<String> thread = new AtomicReference<>();
            Promise<Integer> r = p.on(ex).map(x -> {
                thread.set(Thread.currentThread().getName());
                return x;
            });
            p.complete(4);
            assertEquals(4, r.get(10, TimeUnit.SECONDS));
            assertEquals("promise-test-exec", thread.get());
        } finally {
            ex.shutdownNow();
            assertTrue(ex.awaitTermination(10, TimeUnit.SECONDS));
        }
        Promise<Integer> rejected = Promise.completed(1).on(task -> {
            throw new RejectedExecutionException("full");
        });
        assertInstanceOf(RejectedExecutionException.class, Promise.causeOf(rejected));
    }

    @Test
    void spawnRunsOnTheExecutorAndSkipsCancelledTasks() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Promise<Integer> p = Promise.spawn(() -> 42, queued::add);
        assertFalse(p.isDone());
        queued.remove(0).run();
        assertEquals(42, p.join());
        List<String> ran = new ArrayList<>();
        Promise<Integer> c = Promise.spawn(() -> {
            ran.add("ran");
            return 1;
        }, queued::add);
        c.cancel(false);
        queued.remove(0).run();
        assertTrue(ran.isEmpty());
        Promise<Integer> failing = Promise.spawn(() -> {
            throw new IOException("io");
        }, Runnable::run);
        assertInstanceOf(IOException.class, Promise.causeOf(failing));
    }

    @Test
    void fromAdaptsForeignFuturesAndKeepsPromises() {
        Promise<Integer> p = new Promise<>();
        assertSame(p, Promise.from(p));
        CompletableFuture<Integer> cf = new CompletableFuture<>();
        Promise<Integer> adapted = Promise.from(cf);
        cf.completeExceptionally(new CompletionException(new IOException("x")));
        assertInstanceOf(IOException.class, Promise.causeOf(adapted));
        CompletableFuture<Integer> running = new CompletableFuture<>();
        Promise.from(running).cancel(true);
        assertTrue(running.isCancelled());
    }

    @Test
    void toStringShowsIdentityAndState() {
        Promise<Integer> p = new Promise<>();
        Promise<Integer> m = p.map(x -> x);
        String pending = m.toString();
        assertTrue(pending.matches("Promise@[0-9a-f]+\\[pending, upstream=map of Promise@[0-9a-f]+]"), pending);
        assertTrue(p.toString().matches("Promise@[0-9a-f]+\\[pending, 1 dependent]"), p.toString());
        p.complete(1);
        assertTrue(m.toString().endsWith("[completed normally]"), m.toString());
        assertTrue(Promise.failed(new IOException("nope")).toString().endsWith("[failed: java.io.IOException: nope]"));
        Promise<Integer> c = new Promise<>();
        c.cancel(false);
        assertTrue(c.toString().endsWith("[cancelled]"));
    }

    @Test
    void completedValueMayBeNull() {
        Promise<String> p = new Promise<>();
        Promise<String> m = p.map(x -> x == null ? "was null" : x);
        p.complete(null);
        assertEquals("was null", m.join());
        assertNull(Promise.completed(null).join());
    }
}
