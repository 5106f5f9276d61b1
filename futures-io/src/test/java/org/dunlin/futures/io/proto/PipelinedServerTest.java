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

    /** An echo server whose connections end after 200 ms without a request. */
    private PipelinedServer<String, String> idleEcho(Duration linger) {
        PipelinedServer.Builder<String, String> b = PipelinedServer.<String, String>builder(Promise::completed)
                .idleTimeout(Duration.ofMillis(200), rt.timer());
        if (linger != null) {
            b.linger(linger, rt.timer());
        }
        PipelinedServer<String, String> server = b.build();
        server.serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec())));
        return server;
    }

    /** A blocking client that reads one answer, then waits for the server to end its output. */
    private java.net.Socket clientSeeingTheIdleClose() throws Exception {
        java.net.Socket s = new java.net.Socket(listener.localAddress().getAddress(), listener.localAddress().getPort());
        s.setSoTimeout(10_000);
        s.getOutputStream().write("a\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.io.InputStream in = s.getInputStream();
        assertEquals('a', in.read());
        assertEquals('\n', in.read());
        assertEquals(-1, in.read(), "the idle timeout ends the server's output");
        return s;
    }

    private void awaitNoConnections(PipelinedServer<?, ?> server) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.activeConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, server.activeConnections());
    }

    @Test
    void afterAnIdleTimeoutTheServerReadsWhatStillArrivesSoTheConnectionEndsWithoutAReset() throws Exception {
        PipelinedServer<String, String> server = idleEcho(null);
        try (java.net.Socket s = clientSeeingTheIdleClose()) {
            java.io.OutputStream out = s.getOutputStream();
            // Requests sent after the server stopped reading: dropped, but read, so no reset comes back.
            for (int i = 0; i < 5; i++) {
                out.write("late\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(50);
            }
            assertEquals(1, server.activeConnections(), "still lingering while the client writes");
            s.shutdownOutput();
            awaitNoConnections(server); // the client's end ends the linger at once
        }
    }

    @Test
    void withoutLingerTheUnreadInputMakesTheKernelResetTheConnection() throws Exception {
        PipelinedServer<String, String> server = idleEcho(Duration.ZERO);
        try (java.net.Socket s = clientSeeingTheIdleClose()) {
            awaitNoConnections(server);
            java.io.OutputStream out = s.getOutputStream();
            java.io.IOException reset = null;
            for (int i = 0; i < 20 && reset == null; i++) {
                try {
                    out.write("late\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(50);
                } catch (java.io.IOException x) {
                    reset = x;
                }
            }
            assertTrue(reset != null, "writing to a closed server socket is answered with a reset");
        }
    }

    @Test
    void aLingerIsBoundedWhenThePeerNeitherSendsNorCloses() throws Exception {
        PipelinedServer<String, String> server = idleEcho(Duration.ofMillis(300));
        try (java.net.Socket s = clientSeeingTheIdleClose()) {
            long start = System.nanoTime();
            awaitNoConnections(server);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 200, "closed after the linger, not before: " + ms + " ms");
        }
    }
}
