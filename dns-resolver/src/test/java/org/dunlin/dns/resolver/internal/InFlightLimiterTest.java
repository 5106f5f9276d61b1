package org.dunlin.dns.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.dunlin.futures.ManualTimer;
import org.dunlin.futures.Promise;
import org.junit.jupiter.api.Test;

/** Permits in order, waiting callers time out or cancel without leaking a permit (virtual time). */
class InFlightLimiterTest {
    private final ManualTimer timer = new ManualTimer();
    private final InFlightLimiter limiter = new InFlightLimiter(2, timer, Runnable::run);

    @Test
    void grantsUpToTheLimitThenQueuesInOrder() {
        assertTrue(limiter.acquire(Duration.ofSeconds(1)).isDone());
        assertTrue(limiter.acquire(Duration.ofSeconds(1)).isDone());
        Promise<Void> third = limiter.acquire(Duration.ofSeconds(5));
        Promise<Void> fourth = limiter.acquire(Duration.ofSeconds(5));
        assertFalse(third.isDone());
        limiter.release();
        assertTrue(third.isDone());
        assertFalse(fourth.isDone());
        limiter.release();
        assertTrue(fourth.isDone());
        assertEquals(2, limiter.inUse());
    }

    @Test
    void aWaiterTimesOutAndItsPermitIsNotLost() {
        limiter.acquire(Duration.ofSeconds(1));
        limiter.acquire(Duration.ofSeconds(1));
        Promise<Void> late = limiter.acquire(Duration.ofSeconds(2));
        timer.advance(Duration.ofSeconds(2));
        CompletionException x = assertThrows(CompletionException.class, late::join);
        assertInstanceOf(TimeoutException.class, x.getCause());
        limiter.release();
        limiter.release();
        assertEquals(0, limiter.inUse());
        assertEquals(0, limiter.waiting());
    }

    @Test
    void aCancelledWaiterHandsThePermitOn() {
        limiter.acquire(Duration.ofSeconds(1));
        limiter.acquire(Duration.ofSeconds(1));
        Promise<Void> cancelled = limiter.acquire(Duration.ofSeconds(5));
        Promise<Void> next = limiter.acquire(Duration.ofSeconds(5));
        cancelled.cancel(true);
        limiter.release();
        assertTrue(next.isDone() && !next.isCompletedExceptionally());
        assertEquals(2, limiter.inUse());
        assertEquals(0, timer.pendingCount(), "timeout tasks of granted waiters are cancelled");
    }
}
