package org.dunlin.futures.io;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import jdk.net.ExtendedSocketOptions;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Futures;
import org.dunlin.futures.ManualTimer;
import org.dunlin.futures.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TCP connections on real loopback sockets. */
class TcpConnectionTest {
    private IoRuntime rt;
    private TcpListener listener;

    @BeforeEach
    void start() throws Exception {
        rt = IoRuntime.builder().name("tcp-test").ioThreads(2).build();
        listener = rt.bind(Loopback.any());
    }

    @AfterEach
    void stop() {
        rt.close();
    }

    private TcpConnection[] pair(TcpOptions clientOptions) throws Exception {
        Promise<TcpConnection> s = listener.incoming().next();
        TcpConnection c = await(rt.connect(listener.localAddress(), Duration.ofSeconds(10), clientOptions));
        return new TcpConnection[] {await(s), c};
    }

    private static Promise<byte[]> readAll(ReadHalf r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        return Futures.loop(0, n -> n >= 0, n -> r.read(buf.clear()).map(k -> {
            if (k > 0) {
                out.write(buf.array(), 0, k);
            }
            return k;
        })).map(n -> out.toByteArray());
    }

    @Test
    void writesFromManyThreadsArriveWholeAndInEachWritersOrder() throws Exception {
        TcpConnection[] p = pair(TcpOptions.DEFAULT);
        int writers = 8;
        int perWriter = 500;
        Promise<byte[]> received = readAll(p[0].reader());
        List<Thread> threads = new ArrayList<>();
        List<Promise<Void>> writes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perWriter; i++) {
                    // a record: writer id, sequence, then a body whose length varies (up to 3000 bytes)
                    int len = 8 + (i * 37 % 3000);
                    ByteBuffer b = ByteBuffer.allocate(len);
                    b.putInt(len).putShort((short) id).putShort((short) i);
                    while (b.hasRemaining()) {
                        b.put((byte) id);
                    }
                    writes.add(p[1].writer().write(b.flip()));
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        await(Futures.joinAll(writes));
        assertEquals(0, p[1].writer().queuedBytes());
        await(p[1].writer().shutdown());
        ByteBuffer all = ByteBuffer.wrap(await(received));
        int[] next = new int[writers];
        while (all.hasRemaining()) {
            int len = all.getInt();
            int id = all.getShort();
            int seq = all.getShort();
            assertEquals(next[id]++, seq, "writer " + id + " in order");
            for (int i = 8; i < len; i++) {
                assertEquals((byte) id, all.get(), "bytes of two writes never interleave");
            }
        }
        for (int w = 0; w < writers; w++) {
            assertEquals(perWriter, next[w]);
        }
    }

    @Test
    void aBigWriteIsWrittenWholeWhileThePeerReadsSlowly() throws Exception {
        TcpConnection[] p = pair(TcpOptions.DEFAULT);
        byte[] big = new byte[8 << 20];
        new Random(3).nextBytes(big);
        Promise<Void> w = p[1].writer().write(ByteBuffer.wrap(big));
        Thread.sleep(100);
        assertFalse(w.isDone(), "the kernel cannot take 8 MiB at once: the write waits for the reader");
        p[1].writer().shutdown();
        assertArrayEquals(big, await(readAll(p[0].reader())));
        await(w);
    }

    @Test
    void endOfStreamIsMinusOneAndHalfCloseKeepsTheOtherDirection() throws Exception {
        TcpConnection[] p = pair(TcpOptions.DEFAULT);
        Connection.Halves server = p[0].split();
        Connection.Halves client = p[1].split();
        await(client.writer().write(Loopback.bytes("question")));
        client.writer().close();   // half-close: FIN after the queued bytes
        assertEquals("question", new String(await(readAll(server.reader()))));
        assertTrue(server.reader().isClosed());
        assertEquals(-1, await(server.reader().read(ByteBuffer.allocate(4))), "stays at the end");
        assertTrue(p[0].isOpen(), "the server can still answer");
        await(server.writer().write(Loopback.bytes("answer")));
        await(server.writer().shutdown());
        assertEquals("answer", new String(await(readAll(client.reader()))));
        await(p[0].closed());
        await(p[1].closed());
        assertNull(p[0].closeCause(), "both halves closed: a graceful close");
        ExecutionException late = assertThrows(ExecutionException.class, () -> await(p[1].writer().write(Loopback.bytes("late"))));
        assertTrue(late.getCause() instanceof ConnectionClosedException, "the connection is closed: " + late.getCause());
    }

    @Test
    void theChunkStreamEndsAtEndOfStreamAndKeepsDataOfACancelledNext() throws Exception {
        TcpConnection[] p = pair(TcpOptions.DEFAULT);
        AsyncStream<ByteBuffer> chunks = p[0].reader().stream(1024);
        Promise<ByteBuffer> first = chunks.next();
        assertTrue(first.cancel(true), "nothing arrived yet: the call is given up");
        await(p[1].writer().write(Loopback.bytes("kept")));
        assertEquals("kept", Loopback.text(await(chunks.next())), "the read stayed in flight; nothing lost");
        assertTrue(p[0].isOpen(), "cancelling a stream's next() keeps the connection");
        p[1].writer().shutdown();
        assertNull(await(chunks.next()));
    }

    @Test
    void nextCallsCancelledAtRandomNeverLoseOrReorderBytes() throws Exception {
        TcpConnection[] p = pair(TcpOptions.DEFAULT);
        AsyncStream<ByteBuffer> chunks = p[0].reader().stream(16);
        Random random = new Random(3);
        byte[] sent = new byte[300_000];
        random.nextBytes(sent);
        Thread writer = new Thread(() -> {
            Random sizes = new Random(5);
            try {
                for (int at = 0; at < sent.length; ) {
                    int n = Math.min(sent.length - at, 1 + sizes.nextInt(100));
                    await(p[1].writer().write(ByteBuffer.wrap(sent, at, n)));
                    at += n;
                }
                p[1].writer().shutdown();
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        }, "chunk-writer");
        writer.start();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        for (int calls = 0; calls < 1_000_000; calls++) {
            Promise<ByteBuffer> next = chunks.next();
            if (random.nextInt(3) == 0) {
                for (int spin = random.nextInt(200); spin > 0; spin--) {
                    Thread.onSpinWait(); // let the cancel race the read's completion
                }
                if (next.cancel(true)) {
                    continue; // given up: its bytes come with a later call
                }
            }
            ByteBuffer b = await(next);
            if (b == null) {
                break;
            }
            got.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        }
        writer.join(10_000);
        assertArrayEquals(sent, got.toByteArray(), "every byte, in order");
        assertNull(p[0].closeCause(), "cancelled next() calls never broke the connection");
    }

    @Test
    void cancellingARawReadClosesTheConnection() throws Exception {
        TcpConnection[] p = pair(TcpOptions.DEFAULT);
        Promise<Integer> read = p[0].reader().read(ByteBuffer.allocate(16));
        Promise<Integer> guarded = read.timeout(Duration.ofMillis(50), rt.timer());
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(guarded));
        assertTrue(x.getCause() instanceof TimeoutException);
        await(p[0].closed());
        assertTrue(p[0].closeCause() instanceof ConnectionClosedException);
        assertEquals(-1, await(p[1].reader().read(ByteBuffer.allocate(16))), "the peer sees the close");
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        TcpConnection[] p = pair(TcpOptions.builder().idleTimeout(Duration.ofMillis(300)).build());
        long start = System.nanoTime();
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(p[1].reader().read(ByteBuffer.allocate(8))));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(x.getCause() instanceof ConnectionClosedException, x.getCause().toString());
        assertTrue(p[1].closeCause().getCause() instanceof TimeoutException, String.valueOf(p[1].closeCause()));
        assertTrue(ms >= 250, "not before the timeout: " + ms + " ms");
    }

    @Test
    void idleTimeoutOnVirtualTime() throws Exception {
        ManualTimer timer = new ManualTimer();
        try (IoRuntime virtual = IoRuntime.builder().name("virtual").ioThreads(1).timer(timer).build();
                TcpListener l = virtual.bind(Loopback.any())) {
            Promise<TcpConnection> s = l.incoming().next();
            TcpConnection c = await(virtual.connect(l.localAddress(), Duration.ofHours(1),
                    TcpOptions.builder().idleTimeout(Duration.ofSeconds(30)).build()));
            TcpConnection server = await(s);
            timer.advance(Duration.ofSeconds(20));
            await(server.writer().write(Loopback.bytes("ping")));
            await(c.reader().read(ByteBuffer.allocate(8)));   // activity at t=20s
            timer.advance(Duration.ofSeconds(20));
            assertTrue(c.isOpen(), "t=40s: idle only 20 s");
            timer.advance(Duration.ofSeconds(11));
            await(c.closed());
            assertTrue(c.closeCause().getMessage().contains("idle"), c.closeCause().getMessage());
        }
    }

    @Test
    void aPeerThatStopsReadingTripsTheWriteTimeout() throws Exception {
        TcpConnection[] p = pair(TcpOptions.builder().writeTimeout(Duration.ofMillis(300)).sendBufferSize(64 * 1024).build());
        Promise<Void> w = p[1].writer().write(ByteBuffer.allocate(32 << 20));   // the server never reads
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(w));
        assertTrue(x.getCause() instanceof ConnectionClosedException);
        assertTrue(p[1].closeCause().getMessage().contains("no progress"), p[1].closeCause().getMessage());
    }

    @Test
    void tooMuchQueuedClosesTheConnection() throws Exception {
        TcpConnection[] p = pair(TcpOptions.builder().maxQueuedWriteBytes(1 << 20).build());
        for (int i = 0; i < 8; i++) {
            p[1].writer().write(ByteBuffer.allocate(1 << 20));
        }
        await(p[1].closed());
        assertTrue(p[1].closeCause() instanceof WriteQueueFullException, String.valueOf(p[1].closeCause()));
    }

    @Test
    void socketOptionsAreApplied() throws Exception {
        TcpOptions o = TcpOptions.builder().noDelay(true)
                .keepAlive(Duration.ofSeconds(7), Duration.ofSeconds(3), 4).build();
        TcpConnection c = pair(o)[1];
        assertTrue(c.getOption(StandardSocketOptions.TCP_NODELAY));
        assertTrue(c.getOption(StandardSocketOptions.SO_KEEPALIVE));
        if (c.getOption(StandardSocketOptions.SO_KEEPALIVE) && supportsKeepAliveTuning()) {
            assertEquals(7, c.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
            assertEquals(3, c.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
            assertEquals(4, c.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
        }
    }

    private static boolean supportsKeepAliveTuning() throws Exception {
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open()) {
            return ch.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE);
        }
    }

    @Test
    void aRefusedConnectFailsWithConnectException() throws Exception {
        InetSocketAddress closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(rt.connect(closedPort, Duration.ofSeconds(10))));
        assertTrue(x.getCause() instanceof ConnectException, x.getCause().toString());
    }

    @Test
    void aConnectThatTakesTooLongTimesOutAndReleasesItsSocket() throws Exception {
        ManualTimer timer = new ManualTimer();
        try (IoRuntime virtual = IoRuntime.builder().name("connect-timeout").ioThreads(1).timer(timer).build()) {
            // A listener whose backlog is full and never accepts: further SYNs are dropped, the connect hangs.
            try (java.net.ServerSocket full = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                InetSocketAddress a = new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
                List<java.net.Socket> fillers = new ArrayList<>();
                Promise<TcpConnection> hanging = null;
                try {
                    for (int i = 0; i < 8 && hanging == null; i++) {
                        Promise<TcpConnection> c = virtual.connect(a, Duration.ofSeconds(5));
                        Thread.sleep(200);
                        if (!c.isDone()) {
                            hanging = c;
                        }
                    }
                    org.junit.jupiter.api.Assumptions.assumeTrue(hanging != null, "the kernel accepted every connect");
                    timer.advance(Duration.ofSeconds(5));
                    Promise<TcpConnection> h = hanging;
                    ExecutionException x = assertThrows(ExecutionException.class, () -> await(h));
                    assertTrue(x.getCause() instanceof TimeoutException, x.getCause().toString());
                    assertEquals(0, virtual.openResources() - countOpen(virtual), "no half-open socket left");
                } finally {
                    for (java.net.Socket s : fillers) {
                        s.close();
                    }
                }
            }
        }
    }

    private static int countOpen(IoRuntime rt) {
        return rt.openResources();
    }

    @Test
    void listenerLimitsTotalAndPerAddress() throws Exception {
        try (TcpListener limited = rt.bind(Loopback.any(), ListenerOptions.builder()
                .maxConnections(3).maxConnectionsPerAddress(2).build())) {
            AsyncStream<TcpConnection> in = limited.incoming();
            List<TcpConnection> served = new ArrayList<>();
            InetSocketAddress two = new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0);
            // Two from 127.0.0.1 are admitted, a third from it is refused (an accept is pending meanwhile:
            // accepting is pull-based).
            for (int i = 0; i < 2; i++) {
                await(rt.connect(limited.localAddress(), Duration.ofSeconds(10)));
                served.add(await(in.next()));
            }
            Promise<TcpConnection> pending = in.next();
            TcpConnection third = await(rt.connect(limited.localAddress(), Duration.ofSeconds(10)));
            assertEquals(-1, await(third.reader().read(ByteBuffer.allocate(1))), "refused: closed at once");
            assertFalse(pending.isDone(), "a refused connection is not handed out");
            // One from 127.0.0.2 fits the total of 3; a second does not.
            TcpOptions from2 = TcpOptions.builder().localAddress(two).build();
            TcpConnection ok = await(rt.connect(limited.localAddress(), Duration.ofSeconds(10), from2));
            served.add(await(pending));
            pending = in.next();
            TcpConnection over = await(rt.connect(limited.localAddress(), Duration.ofSeconds(10), from2));
            assertEquals(-1, await(over.reader().read(ByteBuffer.allocate(1))));
            assertEquals(3, limited.activeConnections());
            assertEquals(2, limited.rejectedCount());
            // Closing one frees its slot.
            served.get(0).close();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (limited.activeConnections() > 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            await(rt.connect(limited.localAddress(), Duration.ofSeconds(10)));
            assertEquals(limited.localAddress().getPort(), await(pending).localAddress().getPort());
            ok.close();
        }
    }

    @Test
    void closingTheListenerEndsTheIncomingStream() throws Exception {
        Promise<TcpConnection> next = listener.incoming().next();
        listener.close();
        assertNull(await(next));
    }
}
