package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SequentialSchedulerTest {

    @Test
    void signalsFromInsideTheTaskDoNotRecurse() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger maxDepth = new AtomicInteger();
        AtomicInteger depth = new AtomicInteger();
        SequentialScheduler[] holder = new SequentialScheduler[1];
        holder[0] = new SequentialScheduler(() -> {
            maxDepth.accumulateAndGet(depth.incrementAndGet(), Math::max);
            if (runs.incrementAndGet() < 100_000) {
                holder[0].signal();
            }
            depth.decrementAndGet();
        });
        holder[0].signal();
        assertEquals(100_000, runs.get());
        assertEquals(1, maxDepth.get());
    }

    @Test
    void neverRunsConcurrentlyAndEverySignalIsFollowedByARun() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger processed = new AtomicInteger();
        SequentialScheduler s = new SequentialScheduler(() -> {
            if (active.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            processed.addAndGet(pending.getAndSet(0));
            active.decrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch done = new CountDownLatch(4);
            for (int t = 0; t < 4; t++) {
                pool.execute(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        pending.incrementAndGet();
                        s.signal();
                    }
                    done.countDown();
                });
            }
            assertTrue(done.await(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        assertEquals(0, overlaps.get());
        assertEquals(80_000, processed.get());
    }

    @Test
    void serialExecutorRunsTasksInOrderOnTheDelegate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            List<Integer> order = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(1);
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                serial.execute(() -> order.add(n));
            }
            serial.execute(done::countDown);
            assertTrue(done.await(60, TimeUnit.SECONDS));
            for (int i = 0; i < 10_000; i++) {
                assertEquals(i, order.get(i));
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void serialExecutorQueuesTasksSubmittedFromATask() {
        SerialExecutor serial = new SerialExecutor();
        List<String> log = new ArrayList<>();
        serial.execute(() -> {
            serial.execute(() -> log.add("inner"));
            log.add("outer");
        });
        assertEquals(List.of("outer", "inner"), log);
    }
}
