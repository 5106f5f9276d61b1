package org.dunlin.futures.io.proto;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.Loopback;
import org.dunlin.futures.io.TcpListener;
import org.dunlin.futures.io.codec.Framed;
import org.dunlin.futures.io.codec.LineCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipelined server: concurrency, ordering, limits, errors. */
class PipelinedServerTest {
    private IoRuntime rt;
    private TcpListener listener;

    @BeforeEach
    void start() throws Exception {
        rt = IoRuntime.builder().name("pipeline-test").ioThreads(2).build();
        listener = rt.bind(Loopback.any());
    }

    @AfterEach
    void stop() {
        rt.close();
    }

    private Framed<String, String> client() throws Exception {
        return Framed.of(await(rt.connect(listener.localAddress(), Duration.ofSeconds(10))), new LineCodec());
    }

    /** A handler that answers "N" after N milliseconds, counting how many run at once. */
    private static PipelinedServer.Builder<String, String> slow(IoRuntime rt, AtomicInteger now, AtomicInteger peak) {
        return PipelinedServer.<String, String>builder(line -> {
            int running = now.incrementAndGet();
            peak.accumulateAndGet(running, Math::max);
            return Futures.delay(Duration.ofMillis(Integer.parseInt(line)), rt.timer()).map(v -> {
                now.decrementAndGet();
                return line;
            });
        });
    }

    @Test
    void requestOrderIsKeptWhileRequestsRunConcurrentlyUpToTheLimit() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        slow(rt, now, peak).maxInFlight(4).build()
                .serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec())));
        Framed<String, String> c = client();
        List<String> sent = List.of("80", "10", "60", "5", "40", "1", "30", "2");
        sent.forEach(c.writer()::send);
        assertEquals(sent, await(c.reader().take(sent.size()).toList()));
        assertEquals(4, peak.get(), "four at a time, no more");
    }

    @Test
    void completionOrderLetsFastAnswersOvertake() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        slow(rt, now, peak).maxInFlight(8).order(PipelinedServer.Order.COMPLETION_ORDER).build()
                .serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec())));
        Framed<String, String> c = client();
        List.of("400", "1", "200").forEach(c.writer()::send);
        assertEquals(List.of("1", "200", "400"), await(c.reader().take(3).toList()));
    }

    @Test
    void aFailingHandlerGetsTheErrorResponseAndTheConnectionGoesOn() throws Exception {
        PipelinedServer.<String, String>builder(line -> line.equals("boom")
                        ? Promise.failed(new IllegalStateException("kaput")) : Promise.completed(line.toUpperCase()))
                .onHandlerError((req, x) -> "ERR " + x.getMessage())
                .build()
                .serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec())));
        Framed<String, String> c = client();
        List.of("a", "boom", "b").forEach(c.writer()::send);
        assertEquals(List.of("A", "ERR kaput", "B"), await(c.reader().take(3).toList()));
    }

    @Test
    void withoutAnErrorResponseAFailingHandlerClosesTheConnectionAfterEarlierAnswers() throws Exception {
        PipelinedServer<String, String> server = PipelinedServer.<String, String>builder(line -> line.equals("boom")
                ? Futures.delay(Duration.ofMillis(50), rt.timer()).andThen(v -> Promise.<String>failed(new IllegalStateException()))
                : Promise.completed(line)).build();
        server.serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec())));
        Framed<String, String> c = client();
        List.of("a", "boom").forEach(c.writer()::send);
        assertEquals("a", await(c.reader().next()));
        assertNull(await(c.reader().next().recover(x -> null)), "closed");
    }

    @Test
    void aClientThatDoesNotReadPausesTheServerInsteadOfGrowingItsQueue() throws Exception {
        AtomicInteger handled = new AtomicInteger();
        PipelinedServer.<String, String>builder(line -> {
                    handled.incrementAndGet();
                    return Promise.completed("x".repeat(10_000));
                })
                .maxQueuedBytes(64 * 1024)
                .build()
                .serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec(20_000, "\n"))));
        Framed<String, String> c = Framed.of(await(rt.connect(listener.localAddress(), Duration.ofSeconds(10))),
                new LineCodec(20_000, "\n"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("q\n");
        }
        c.connection().writer().write(Loopback.bytes(many.toString()));
        Thread.sleep(500);
        int paused = handled.get();
        assertTrue(paused < 2_000, "the server stopped reading while its answers were not read: " + paused);
        Thread.sleep(200);
        assertEquals(paused, handled.get(), "and stays paused");
        assertEquals(20_000, await(c.reader().take(20_000).fold(0, (n, s) -> n + 1)), "then everything is answered");
    }

    @Test
    void manyConnectionsAreServedAndCounted() throws Exception {
        PipelinedServer<String, String> server = PipelinedServer.<String, String>builder(Promise::completed).build();
        server.serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec())));
        List<Framed<String, String>> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Framed<String, String> c = client();
            c.writer().send("hi " + i);
            clients.add(c);
        }
        for (int i = 0; i < 20; i++) {
            assertEquals("hi " + i, await(clients.get(i).reader().next()));
        }
        assertEquals(20, server.activeConnections());
        clients.forEach(c -> c.writer().close());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.activeConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, server.activeConnections(), "each connection ends when its client ends");
    }
}
