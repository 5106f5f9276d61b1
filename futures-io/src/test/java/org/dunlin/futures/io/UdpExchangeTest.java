package org.dunlin.futures.io;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.dunlin.futures.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link IoRuntime#exchangeUdp}: one request, one socket of its own, closed by whatever ends the exchange. */
class UdpExchangeTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private IoRuntime rt;
    private UdpSocket server;

    @BeforeEach
    void start() throws Exception {
        rt = IoRuntime.builder().name("exchange-test").ioThreads(1).udpThreads(1).callbacksOnIoThreads().build();
        server = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
    }

    @AfterEach
    void stop() {
        rt.close();
    }

    /** The reader's view of a datagram as text (it must copy: the buffer is the selector's). */
    private static String text(ByteBuffer b) {
        return Loopback.text(b);
    }

    @Test
    void theReadersValueCompletesTheExchangeAndTheSocketIsClosed() throws Exception {
        Promise<String> answer = rt.exchangeUdp(server.localAddress(), Loopback.bytes("ping"), LONG, b -> "got " + text(b));
        Datagram request = await(server.receive());
        assertEquals("ping", Loopback.text(request.data()));
        await(server.send(Loopback.bytes("pong"), request.sender()));
        assertEquals("got pong", await(answer));
        assertEquals(1, rt.openResources(), "only the server socket is left: the exchange closed its own");
        assertPortFreed(request.sender().getPort());
    }

    @Test
    void datagramsTheReaderRefusesAreSkippedUntilTheRightOne() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Promise<String> answer = rt.exchangeUdp(server.localAddress(), Loopback.bytes("q"), LONG, b -> {
            String t = text(b);
            seen.add(t);
            return t.equals("right") ? t : null;
        });
        InetSocketAddress client = await(server.receive()).sender();
        for (String s : List.of("wrong id", "wrong question", "right", "after")) {
            await(server.send(Loopback.bytes(s), client));
        }
        assertEquals("right", await(answer));
        assertEquals(List.of("wrong id", "wrong question", "right"), seen);
    }

    @Test
    void theKernelDropsDatagramsFromAnyoneButThePeer() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (UdpSocket stranger = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT)) {
            Promise<String> answer = rt.exchangeUdp(server.localAddress(), Loopback.bytes("q"), LONG, b -> {
                seen.add(text(b));
                return text(b).equals("real") ? "real" : null;
            });
            InetSocketAddress client = await(server.receive()).sender();
            await(stranger.send(Loopback.bytes("spoof"), client));
            Thread.sleep(50);
            await(server.send(Loopback.bytes("real"), client));
            assertEquals("real", await(answer));
            assertEquals(List.of("real"), seen, "the spoofed datagram never reached the reader");
        }
    }

    @Test
    void everyExchangeHasAPortOfItsOwn() throws Exception {
        List<Promise<String>> open = new ArrayList<>();
        Set<Integer> concurrent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            open.add(rt.exchangeUdp(server.localAddress(), Loopback.bytes("q" + i), LONG, b -> text(b)));
        }
        List<InetSocketAddress> senders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            senders.add(await(server.receive()).sender());
        }
        for (InetSocketAddress s : senders) {
            concurrent.add(s.getPort());
            await(server.send(Loopback.bytes("a"), s));
        }
        for (Promise<String> p : open) {
            assertEquals("a", await(p));
        }
        assertEquals(20, concurrent.size(), "exchanges in flight together never share a port");
        Set<Integer> sequential = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Promise<String> p = rt.exchangeUdp(server.localAddress(), Loopback.bytes("s"), LONG, b -> text(b));
            InetSocketAddress s = await(server.receive()).sender();
            sequential.add(s.getPort());
            await(server.send(Loopback.bytes("a"), s));
            await(p);
        }
        assertTrue(sequential.size() >= 10, "one after another, ports are drawn afresh, not reused: " + sequential);
    }

    @Test
    void aSilentPeerTimesOutAndTheSocketIsClosed() throws Exception {
        Promise<String> answer = rt.exchangeUdp(server.localAddress(), Loopback.bytes("q"), Duration.ofMillis(100), b -> "x");
        int port = await(server.receive()).sender().getPort();
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(answer));
        assertTrue(x.getCause() instanceof TimeoutException, x.getCause().toString());
        assertEquals(1, rt.openResources());
        assertPortFreed(port);
    }

    @Test
    void aClosedPortFailsTheExchangeAtOnce() throws Exception {
        InetSocketAddress nobody;
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.bind(Loopback.any());
            nobody = (InetSocketAddress) ch.getLocalAddress();
        }
        Promise<String> answer = rt.exchangeUdp(nobody, Loopback.bytes("anyone?"), LONG, b -> "x");
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(answer));
        assertTrue(x.getCause() instanceof PortUnreachableException, x.getCause().toString());
        assertEquals(1, rt.openResources());
    }

    @Test
    void cancellingFreesThePortAtOnce() throws Exception {
        Promise<String> answer = rt.exchangeUdp(server.localAddress(), Loopback.bytes("q"), LONG, b -> "x");
        int port = await(server.receive()).sender().getPort();
        assertTrue(answer.cancel(true));
        assertPortFreed(port);
        assertEquals(1, rt.openResources());
        assertThrows(CancellationException.class, answer::join);
    }

    @Test
    void aFailingReaderFailsTheExchangeWithItsException() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Promise<String> answer = rt.exchangeUdp(server.localAddress(), Loopback.bytes("q"), LONG, b -> {
            throw boom;
        });
        InetSocketAddress client = await(server.receive()).sender();
        await(server.send(Loopback.bytes("a"), client));
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(answer));
        assertSame(boom, x.getCause());
        assertPortFreed(client.getPort());
    }

    @Test
    void closingTheRuntimeFailsExchangesInFlightAndLeavesNoThread() throws Exception {
        Set<Thread> before = Loopback.liveThreads();
        IoRuntime other = IoRuntime.builder().name("exchange-close").ioThreads(1).udpThreads(1).build();
        Promise<String> answer = other.exchangeUdp(server.localAddress(), Loopback.bytes("q"), LONG, b -> "x");
        int port = await(server.receive()).sender().getPort();
        other.close();
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(answer));
        assertTrue(x.getCause() instanceof ConnectionClosedException, x.getCause().toString());
        assertEquals(0, other.openResources());
        assertPortFreed(port);
        assertEquals(Set.of(), Loopback.threadsLeftOver(before, Duration.ofSeconds(10)));
        ExecutionException late = assertThrows(ExecutionException.class,
                () -> await(other.exchangeUdp(server.localAddress(), Loopback.bytes("q"), LONG, b -> "x")));
        assertTrue(late.getCause() instanceof ConnectionClosedException);
    }

    @Test
    void inExecutorModeTheResultArrivesOnTheCallbackPool() throws Exception {
        try (IoRuntime pooled = IoRuntime.builder().name("exchange-pool").ioThreads(1).udpThreads(1).callbackThreads(1).build()) {
            AtomicReference<String> readOn = new AtomicReference<>();
            Promise<String> answer = pooled.exchangeUdp(server.localAddress(), Loopback.bytes("q"), LONG, b -> {
                readOn.set(Thread.currentThread().getName());
                return text(b);
            });
            Promise<String> thread = answer.map(a -> Thread.currentThread().getName());
            InetSocketAddress client = await(server.receive()).sender();
            await(server.send(Loopback.bytes("a"), client));
            assertEquals("exchange-pool-callback-1", await(thread));
            assertEquals("exchange-pool-udp-1", readOn.get(), "the reader itself runs on the selector thread");
        }
    }

    @Test
    void badArgumentsAreRefused() {
        InetSocketAddress to = server.localAddress();
        ByteBuffer q = Loopback.bytes("q");
        assertThrows(NullPointerException.class, () -> rt.exchangeUdp(null, q, LONG, b -> "x"));
        assertThrows(NullPointerException.class, () -> rt.exchangeUdp(to, null, LONG, b -> "x"));
        assertThrows(NullPointerException.class, () -> rt.exchangeUdp(to, q, LONG, null));
        assertThrows(IllegalArgumentException.class, () -> rt.exchangeUdp(to, q, Duration.ZERO, b -> "x"));
        Promise<String> unresolved = rt.exchangeUdp(InetSocketAddress.createUnresolved("nowhere.invalid", 53), q, LONG, b -> "x");
        assertTrue(unresolved.isCompletedExceptionally());
        assertFalse(q.position() > 0, "nothing was sent");
    }

    /**
     * Warm sockets hold no port while they wait: nothing can be sent to them and an off-path prober
     * cannot find them before the query. Each exchange gets its port when it connects, a different one
     * for each, and frees it when it ends.
     */
    @Test
    void warmSocketsHoldNoPortUntilAnExchangeConnectsThem() throws Exception {
        org.dunlin.futures.io.internal.SelectorLoop loop = new org.dunlin.futures.io.internal.SelectorLoop(
                r -> new Thread(r, "warm-test-loop"));
        WarmSockets warm = new WarmSockets(rt, loop, false);
        try {
            assertEquals(null, warm.take(), "nothing is opened before it is needed");
            waitFor(() -> warm.readyCount() == WarmSockets.TARGET);
            for (java.nio.channels.DatagramChannel ch : warm.idleChannels()) {
                assertTrue(ch.isOpen());
                assertNull(ch.getLocalAddress(), "an idle warm socket is not bound to any port");
            }
            int n = WarmSockets.TARGET;
            List<Promise<String>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(DatagramExchange.start(rt, loop, warm, null, server.localAddress(), Loopback.bytes("q"), LONG,
                        b -> text(b)));
            }
            Set<Integer> used = new HashSet<>();
            for (int i = 0; i < n; i++) {
                InetSocketAddress client = await(server.receive()).sender();
                used.add(client.getPort());
                await(server.send(Loopback.bytes("real"), client));
            }
            for (Promise<String> a : answers) {
                assertEquals("real", await(a));
            }
            assertEquals(n, used.size(), "each exchange on a port of its own: " + used);
            for (int port : used) {
                assertPortFreed(port);
            }
        } finally {
            warm.close();
            loop.shutdown();
            assertTrue(loop.await(10_000));
        }
    }

    @Test
    void closingTheRuntimeClosesItsWarmSockets() throws Exception {
        IoRuntime other = IoRuntime.builder().name("warm-close").ioThreads(1).udpThreads(1).callbacksOnIoThreads().build();
        Promise<String> first = other.exchangeUdp(server.localAddress(), Loopback.bytes("q"), LONG, b -> text(b));
        await(server.send(Loopback.bytes("a"), await(server.receive()).sender()));
        await(first);
        // the first exchange asked the loop for warm sockets
        WarmSockets warm = other.warmSockets(0, false);
        waitFor(() -> warm.readyCount() == WarmSockets.TARGET);
        List<java.nio.channels.DatagramChannel> channels = warm.idleChannels();
        other.close();
        assertEquals(0, warm.readyCount());
        for (java.nio.channels.DatagramChannel ch : channels) {
            assertFalse(ch.isOpen(), "every warm socket is closed with the runtime");
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in time");
            Thread.sleep(5);
        }
    }

    /**
     * The exchange's socket is gone once its port can be bound again (it was bound to the wildcard
     * address, so a bind to loopback on the same port fails while it lives). The selector releases the
     * descriptor on its next turn, which the close wakes it for: bounded polling, generous deadline.
     */
    private static void assertPortFreed(int port) throws Exception {
        long deadline = System.nanoTime() + LONG.toNanos();
        for (;;) {
            try (DatagramChannel ch = DatagramChannel.open()) {
                ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return;
            } catch (BindException inUse) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("port " + port + " is still in use", inUse);
                }
                Thread.sleep(5);
            }
        }
    }
}
