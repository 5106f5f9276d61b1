package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedTest {

    @Test
    void lazySourceRunsOnceForEverySubscriberBeforeAndAfterCompletion() {
        AtomicInteger runs = new AtomicInteger();
        Promise<String> source = new Promise<>();
        Shared<String> shared = Shared.lazy(() -> {
            runs.incrementAndGet();
            return source;
        });
        assertEquals(0, runs.get());
        List<Promise<String>> subs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subs.add(shared.subscribe());
        }
        assertEquals(1, runs.get());
        assertEquals(5, shared.waitingCount());
        source.complete("v");
        subs.add(shared.subscribe());
        for (Promise<String> s : subs) {
            assertEquals("v", s.join());
        }
        assertEquals(1, runs.get());
        assertTrue(shared.isDone());
    }

    @Test
    void everySubscriberSeesTheSameCauseInstance() {
        Promise<String> source = new Promise<>();
        Shared<String> shared = source.shared();
        Promise<String> before = shared.subscribe();
        IOException boom = new IOException("boom");
        source.completeExceptionally(boom);
        Promise<String> after = shared.subscribe();
        assertSame(boom, Promise.causeOf(before));
        assertSame(boom, Promise.causeOf(after));
    }

    @Test
    void sourceIsCancelledOnlyWhenEveryWaitingSubscriberCancelled() {
        Promise<String> source = new Promise<>();
        Shared<String> shared = Shared.of(source);
        Promise<String> a = shared.subscribe();
        Promise<String> b = shared.subscribe();
        Promise<String> c = shared.subscribe();
        a.cancel(false);
        b.cancel(false);
        assertFalse(source.isCancelled());
        assertFalse(c.isDone());
        source.complete("still");
        assertEquals("still", c.join());
        assertTrue(a.isCancelled());

        Promise<String> source2 = new Promise<>();
        Shared<String> shared2 = Shared.of(source2);
        shared2.subscribe().cancel(false);
        assertTrue(source2.isCancelled());
        assertTrue(shared2.subscribe().isCancelled() || shared2.subscribe().isCompletedExceptionally());
    }

    @Test
    void supplierFailureIsTheSharedOutcome() {
        AtomicInteger runs = new AtomicInteger();
        Shared<String> shared = Shared.lazy(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("cannot start");
        });
        Throwable first = Promise.causeOf(shared.subscribe());
        Throwable second = Promise.causeOf(shared.subscribe());
        assertSame(first, second);
        assertEquals(1, runs.get());
    }
}
