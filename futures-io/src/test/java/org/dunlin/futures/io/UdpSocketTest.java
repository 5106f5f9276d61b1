package org.dunlin.futures.io;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** UDP through the selector bridge, on real loopback sockets. */
class UdpSocketTest {
    private IoRuntime rt;

    @BeforeEach
    void start() throws Exception {
        rt = IoRuntime.builder().name("udp-test").ioThreads(1).udpThreads(2).build();
    }

    @AfterEach
    void stop() {
        rt.close();
    }

    @Test
    void roundTripWithSenderAddress() throws Exception {
        try (UdpSocket server = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
                UdpSocket client = rt.connectUdp(server.localAddress(), UdpOptions.DEFAULT)) {
            await(client.send(Loopback.bytes("query")));
            Datagram d = await(server.receive());
            assertEquals("query", Loopback.text(d.data()));
            assertEquals(client.localAddress().getPort(), d.sender().getPort());
            await(server.send(Loopback.bytes("answer"), d.sender()));
            Datagram r = await(client.receive());
            assertEquals("answer", Loopback.text(r.data()));
            assertEquals(server.localAddress(), r.sender());
        }
    }

    @Test
    void aConnectedSocketOnlySeesItsPeer() throws Exception {
        try (UdpSocket server = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
                UdpSocket stranger = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
                UdpSocket client = rt.connectUdp(server.localAddress(), UdpOptions.DEFAULT)) {
            await(stranger.send(Loopback.bytes("spoof"), client.localAddress()));
            await(server.send(Loopback.bytes("real"), client.localAddress()));
            assertEquals("real", Loopback.text(await(client.receive()).data()));
            Promise<Datagram> more = client.receive();
            Thread.sleep(100);
            assertFalse(more.isDone(), "the stranger's datagram was filtered by the kernel");
        }
    }

    @Test
    void aClosedPortFailsAConnectedReceive() throws Exception {
        InetSocketAddress nobody;
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.bind(Loopback.any());
            nobody = (InetSocketAddress) ch.getLocalAddress();
        }
        try (UdpSocket client = rt.connectUdp(nobody, UdpOptions.DEFAULT)) {
            Promise<Datagram> r = client.receive();
            await(client.send(Loopback.bytes("anyone?")));
            ExecutionException x = assertThrows(ExecutionException.class, () -> await(r));
            assertTrue(x.getCause() instanceof PortUnreachableException, x.getCause().toString());
            assertTrue(client.isOpen(), "an ICMP error fails the receive, not the socket");
        }
    }

    @Test
    void aFullReceiveQueueDropsAndCounts() throws Exception {
        try (UdpSocket server = rt.bindUdp(Loopback.any(), UdpOptions.builder().receiveQueueCapacity(10)
                        .receiveBufferSize(1 << 20).build());
                UdpSocket client = rt.connectUdp(server.localAddress(), UdpOptions.DEFAULT)) {
            for (int i = 0; i < 200; i++) {
                await(client.send(ByteBuffer.allocate(4).putInt(0, i)));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (server.receivedCount() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(200, server.receivedCount(), "loopback with a 1 MiB buffer loses nothing in the kernel");
            assertEquals(10, server.queuedDatagrams(), "the queue is bounded");
            assertEquals(190, server.receiveDrops(), "and every drop is counted");
            for (int i = 0; i < 10; i++) {
                assertEquals(i, await(server.receive()).data().getInt(0), "the oldest are kept, in order");
            }
        }
    }

    @Test
    void aCancelledReceiveDoesNotLoseTheDatagram() throws Exception {
        try (UdpSocket server = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
                UdpSocket client = rt.connectUdp(server.localAddress(), UdpOptions.DEFAULT)) {
            Promise<Datagram> timedOut = server.receive(Duration.ofMillis(20));
            ExecutionException x = assertThrows(ExecutionException.class, () -> await(timedOut));
            assertTrue(x.getCause() instanceof TimeoutException);
            await(client.send(Loopback.bytes("late")));
            assertEquals("late", Loopback.text(await(server.receive()).data()));
        }
    }

    @Test
    void aCancelledReceiveHandsTheDatagramToTheNextOne() throws Exception {
        try (UdpSocket server = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
                UdpSocket client = rt.connectUdp(server.localAddress(), UdpOptions.DEFAULT)) {
            Promise<Datagram> first = server.receive();
            Promise<Datagram> second = server.receive();
            assertTrue(first.cancel(true));
            await(client.send(Loopback.bytes("one")));
            assertEquals("one", Loopback.text(await(second).data()));
        }
    }

    @Test
    void reusePortLetsTwoSocketsShareAPort() throws Exception {
        UdpOptions reuse = UdpOptions.builder().reusePort(true).build();
        try (UdpSocket a = rt.bindUdp(Loopback.any(), reuse)) {
            try (UdpSocket b = rt.bindUdp(a.localAddress(), reuse)) {
                assertEquals(a.localAddress(), b.localAddress());
                assertTrue(b.getOption(StandardSocketOptions.SO_REUSEPORT));
                // The kernel spreads senders (by their address) over the two: each datagram reaches one.
                AtomicLong got = new AtomicLong();
                a.incoming().forEach(d -> got.incrementAndGet());
                b.incoming().forEach(d -> got.incrementAndGet());
                for (int i = 0; i < 20; i++) {
                    try (UdpSocket c = rt.connectUdp(a.localAddress(), UdpOptions.DEFAULT)) {
                        await(c.send(Loopback.bytes("hi")));
                    }
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (got.get() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(20, got.get());
            }
        }
    }

    @Test
    void theStreamEndsWhenTheSocketIsClosed() throws Exception {
        UdpSocket s = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
        Promise<Datagram> next = s.incoming().next();
        s.close();
        assertNull(await(next));
        await(s.closed());
    }

    @Test
    void closingFailsAWaitingReceiveWithConnectionClosedException() throws Exception {
        UdpSocket s = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
        Promise<Datagram> waiting = s.receive();
        s.close();
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(waiting));
        assertTrue(x.getCause() instanceof ConnectionClosedException, x.getCause().toString());
        x = assertThrows(ExecutionException.class, () -> await(s.receive()));
        assertTrue(x.getCause() instanceof ConnectionClosedException, "a receive after close fails at once");
        x = assertThrows(ExecutionException.class, () -> await(s.send(Loopback.bytes("late"), s.localAddress())));
        assertTrue(x.getCause() instanceof ConnectionClosedException, "and so does a send");
        assertFalse(s.isOpen());
        await(s.closed());
    }

    @Test
    void aClosedRuntimeFailsAWaitingReceiveSayingWhy() throws Exception {
        IoRuntime other = IoRuntime.builder().name("udp-abort").ioThreads(1).udpThreads(1).build();
        UdpSocket s = other.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
        Promise<Datagram> waiting = s.receive();
        Promise<Datagram> streamed = s.incoming().next();
        other.close();
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(waiting));
        assertTrue(x.getCause() instanceof ConnectionClosedException, x.getCause().toString());
        assertTrue(x.getCause().getMessage().contains("udp-abort"), x.getCause().getMessage());
        x = assertThrows(ExecutionException.class, () -> await(streamed));
        assertTrue(x.getCause() instanceof ConnectionClosedException, "the stream fails: the socket did not end by choice");
    }

    @Test
    void closingAnIdleConnectedSocketFreesItsPortAtOnce() throws Exception {
        try (UdpSocket server = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT)) {
            UdpSocket client = rt.connectUdp(server.localAddress(), UdpOptions.DEFAULT);
            int port = client.localAddress().getPort();
            assertTrue(port > 0, "connect bound the socket to an ephemeral port");
            client.close();
            long deadline = System.nanoTime() + Loopback.DEADLINE.toNanos();
            for (;;) {
                try (DatagramChannel ch = DatagramChannel.open()) {
                    ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    break;
                } catch (java.net.BindException inUse) {
                    assertTrue(System.nanoTime() < deadline, "port " + port + " still in use");
                    Thread.sleep(5);
                }
            }
        }
    }

    /**
     * Under load: 20 clients each keep 16 requests in flight against an echo server whose receive queue is
     * small; every request is either answered or accounted for as dropped.
     */
    @Test
    void roundTripsUnderLoadWithDropsCounted() throws Exception {
        try (IoRuntime clients = IoRuntime.builder().name("udp-clients").ioThreads(1).udpThreads(1).callbacksOnIoThreads().build();
                UdpSocket server = rt.bindUdp(Loopback.any(), UdpOptions.builder().receiveQueueCapacity(32)
                        .receiveBufferSize(4 << 20).build())) {
            AtomicLong answered = new AtomicLong();
            AtomicLong late = new AtomicLong();
            List<UdpSocket> sockets = new ArrayList<>();
            server.incoming().forEach(d -> server.send(d.data(), d.sender()));
            int clientCount = 20;
            int perClient = 2_000;
            int window = 16;
            List<Promise<Long>> runs = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                UdpSocket s = clients.connectUdp(server.localAddress(), UdpOptions.builder().receiveBufferSize(1 << 20).build());
                sockets.add(s);
                runs.add(loadClient(clients, s, perClient, window, answered, late));
            }
            long lost = 0;
            for (Promise<Long> r : runs) {
                lost += await(r);
            }
            long sent = (long) clientCount * perClient;
            long serverDrops = server.receiveDrops();
            long clientDrops = sockets.stream().mapToLong(UdpSocket::receiveDrops).sum();
            assertEquals(sent, answered.get() + lost, "every request answered or lost");
            assertTrue(lost <= serverDrops + clientDrops + server.sendDrops() + (sent - server.receivedCount()) + late.get(),
                    "each loss is a counted drop, a datagram the kernel dropped, or an answer after the client gave up"
                            + " (lost " + lost + ", server drops " + serverDrops + ", client drops " + clientDrops
                            + ", received " + server.receivedCount() + " of " + sent + ", late " + late.get() + ")");
            assertTrue(serverDrops > 0, "the small queue did overflow: the drops are real and counted");
            assertTrue(answered.get() > sent / 2, "most requests were answered: " + answered.get() + " of " + sent);
        }
    }

    /** Sends {@code total} numbered requests keeping {@code window} in flight; returns how many were lost. */
    private static Promise<Long> loadClient(IoRuntime rt, UdpSocket s, int total, int window, AtomicLong answered, AtomicLong late) {
        Set<Integer> outstanding = new HashSet<>();
        long[] nextSeq = {0};
        long[] lost = {0};
        return Futures.loop(0, done -> done < total, done -> {
            synchronized (outstanding) {
                while (outstanding.size() < window && nextSeq[0] < total) {
                    int seq = (int) nextSeq[0]++;
                    outstanding.add(seq);
                    s.send(ByteBuffer.allocate(64).putInt(0, seq));
                }
            }
            return s.receive(Duration.ofMillis(500)).map(d -> {
                synchronized (outstanding) {
                    if (outstanding.remove(d.data().getInt(0))) {
                        answered.incrementAndGet();
                        return done + 1;
                    }
                }
                late.incrementAndGet();
                return done;
            }).recover(x -> {
                // nothing for 500 ms: whatever is outstanding was dropped
                synchronized (outstanding) {
                    int n = outstanding.size();
                    lost[0] += n;
                    outstanding.clear();
                    return done + n;
                }
            });
        }).map(done -> {
            s.close();
            return lost[0];
        });
    }
}
