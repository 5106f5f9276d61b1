package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimerTest {

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count();
    }

    @Test
    void singleThreadTimerStartsItsThreadLazilyAndEndsItOnClose() throws Exception {
        String name = "timer-test-lazy";
        SingleThreadTimer timer = new SingleThreadTimer(name);
        assertEquals(0, threadsNamed(name));
        CountDownLatch ran = new CountDownLatch(1);
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        timer.schedule(Duration.ofMillis(1), () -> {
            threads.add(Thread.currentThread().getName());
            ran.countDown();
        });
        assertTrue(ran.await(30, TimeUnit.SECONDS));
        assertEquals(List.of(name), threads);
        assertEquals(1, threadsNamed(name));
        timer.close();
        assertEquals(0, threadsNamed(name));
        assertThrows(RejectedExecutionException.class, () -> timer.schedule(Duration.ZERO, () -> { }));
        timer.close();
    }

    @Test
    void singleThreadTimerRunsTasksInDeadlineOrder() throws Exception {
        try (SingleThreadTimer timer = new SingleThreadTimer("timer-test-order")) {
            // Deadlines 200 ms apart, scheduled latest first, so only a stall of more than 200 ms between
            // two schedule() calls could change their order.
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(3);
            for (int i = 3; i >= 1; i--) {
                int n = i;
                timer.schedule(Duration.ofMillis(200L * i), () -> {
                    order.add(n);
                    done.countDown();
                });
            }
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals(List.of(1, 2, 3), order);
        }
    }

    @Test
    void cancelledTasksNeverRunAndAreRemovedAtOnce() throws Exception {
        try (SingleThreadTimer timer = new SingleThreadTimer("timer-test-cancel")) {
            AtomicInteger ran = new AtomicInteger();
            List<Cancellable> handles = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                handles.add(timer.schedule(Duration.ofMinutes(10), ran::incrementAndGet));
            }
            for (Cancellable c : handles) {
                assertTrue(c.cancel());
                assertFalse(c.cancel());
            }
            assertEquals(0, timer.pendingCount());
            // a short task cancelled in time must not run (and if it was too late, cancel says so)
            AtomicInteger shortRan = new AtomicInteger();
            Cancellable shortTask = timer.schedule(Duration.ofMillis(50), shortRan::incrementAndGet);
            boolean cancelled = shortTask.cancel();
            CountDownLatch marker = new CountDownLatch(1);
            timer.schedule(Duration.ofMillis(100), marker::countDown);
            assertTrue(marker.await(30, TimeUnit.SECONDS));
            assertEquals(cancelled ? 0 : 1, shortRan.get());
            assertEquals(0, ran.get());
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheTimer() throws Exception {
        try (SingleThreadTimer timer = new SingleThreadTimer("timer-test-failing")) {
            CountDownLatch after = new CountDownLatch(1);
            timer.schedule(Duration.ZERO, () -> {
                Thread.currentThread().setUncaughtExceptionHandler((t, e) -> { });
                throw new IllegalStateException("task failure");
            });
            timer.schedule(Duration.ofMillis(10), after::countDown);
            assertTrue(after.await(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void closeFromATaskDoesNotDeadlock() throws Exception {
        SingleThreadTimer timer = new SingleThreadTimer("timer-test-self-close");
        CountDownLatch closed = new CountDownLatch(1);
        timer.schedule(Duration.ZERO, () -> {
            timer.close();
            closed.countDown();
        });
        assertTrue(closed.await(30, TimeUnit.SECONDS));
        for (int i = 0; i < 3000 && threadsNamed("timer-test-self-close") > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, threadsNamed("timer-test-self-close"));
    }

    @Test
    void manualTimerRunsTasksInVirtualTimeOrder() {
        ManualTimer timer = new ManualTimer();
        List<String> log = new ArrayList<>();
        timer.schedule(Duration.ofSeconds(3), () -> log.add("3s@" + timer.nanoTime()));
        timer.schedule(Duration.ofSeconds(1), () -> {
            log.add("1s@" + timer.nanoTime());
            timer.schedule(Duration.ofSeconds(1), () -> log.add("nested@" + timer.nanoTime()));
        });
        timer.schedule(Duration.ZERO, () -> log.add("now"));
        assertTrue(log.isEmpty());
        assertEquals(1, timer.runDue());
        assertEquals(2, timer.advance(Duration.ofMillis(2500)));
        assertEquals(List.of("now", "1s@1000000000", "nested@2000000000"), log);
        assertEquals(2_500_000_000L, timer.nanoTime());
        assertEquals(Duration.ofMillis(500), timer.nextDeadline());
        timer.advance(Duration.ofSeconds(1));
        assertEquals("3s@3000000000", log.get(3));
        assertThrows(IllegalArgumentException.class, () -> timer.advance(Duration.ofSeconds(-1)));
    }

    @Test
    void timerHeapKeepsOrderUnderRandomCancellation() {
        ManualTimer timer = new ManualTimer();
        java.util.Random random = new java.util.Random(42);
        List<Long> fired = new ArrayList<>();
        List<Cancellable> handles = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long ms = random.nextInt(10_000);
            handles.add(timer.schedule(Duration.ofMillis(ms), () -> fired.add(timer.nanoTime())));
            expected.add(ms * 1_000_000);
        }
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            if (random.nextBoolean()) {
                assertTrue(handles.get(i).cancel());
            } else {
                kept.add(expected.get(i));
            }
        }
        timer.advance(Duration.ofSeconds(10));
        Collections.sort(kept);
        assertEquals(kept, fired);
    }
}
