package org.dunlin.futures.io;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.dunlin.futures.Promise;
import org.junit.jupiter.api.Test;

/** The runtime owns its threads and sockets: named threads, callbacks where promised, nothing left after close. */
class IoRuntimeTest {

    @Test
    void leavesNoThreadBehindAfterClose() throws Exception {
        Set<Thread> before = Loopback.liveThreads();
        IoRuntime rt = IoRuntime.builder().name("leak-check").ioThreads(3).udpThreads(2).callbackThreads(2).build();
        // Exercise everything that may start a thread: TCP, UDP, the timer, the callback pool.
        TcpListener l = rt.bind(Loopback.any());
        Promise<TcpConnection> accepted = l.incoming().next();
        TcpConnection c = await(rt.connect(l.localAddress(), Duration.ofSeconds(10),
                TcpOptions.builder().idleTimeout(Duration.ofMinutes(5)).build()));
        await(accepted);
        UdpSocket a = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
        UdpSocket b = rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT);
        await(a.send(Loopback.bytes("x"), b.localAddress()));
        await(b.receive());
        // A peer outside the runtime, which stays open: the pending read can only end by the runtime's close.
        Promise<TcpConnection> acceptedOutsider = l.incoming().next();
        java.net.Socket outsider = new java.net.Socket(l.localAddress().getAddress(), l.localAddress().getPort());
        Promise<Integer> pendingRead = await(acceptedOutsider).reader().read(ByteBuffer.allocate(10));
        Promise<Datagram> pendingReceive = a.receive();
        Set<String> names = Loopback.liveThreads().stream().map(Thread::getName)
                .filter(n -> n.startsWith("leak-check")).collect(java.util.stream.Collectors.toSet());
        assertTrue(names.containsAll(Set.of("leak-check-io-1", "leak-check-io-2", "leak-check-io-3",
                "leak-check-udp-1", "leak-check-udp-2", "leak-check-timer", "leak-check-callback-1")), names.toString());

        rt.close();

        assertEquals(Set.of(), Loopback.threadsLeftOver(before, Duration.ofSeconds(10)));
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(pendingRead));
        assertTrue(x.getCause() instanceof ConnectionClosedException, x.getCause().toString());
        x = assertThrows(ExecutionException.class, () -> await(pendingReceive));
        assertTrue(x.getCause() instanceof ConnectionClosedException, x.getCause().toString());
        assertTrue(l.isClosed());
        assertTrue(!c.isOpen());
        assertEquals(0, rt.openResources());
        outsider.close();
        rt.close();   // idempotent
        assertThrows(ConnectionClosedException.class, () -> rt.bind(Loopback.any()));
        x = assertThrows(ExecutionException.class, () -> await(rt.connect(l.localAddress(), Duration.ofSeconds(1))));
        assertTrue(x.getCause() instanceof ConnectionClosedException);
    }

    @Test
    void closingFromACallbackThreadDoesNotDeadlock() throws Exception {
        Set<Thread> before = Loopback.liveThreads();
        IoRuntime rt = IoRuntime.builder().name("self-close").ioThreads(1).build();
        TcpListener l = rt.bind(Loopback.any());
        Promise<Void> closedFromInside = l.incoming().next().map(c -> {
            rt.close();
            return null;
        });
        try (java.net.Socket s = new java.net.Socket(l.localAddress().getAddress(), l.localAddress().getPort())) {
            await(closedFromInside);
        }
        assertTrue(rt.isClosed());
        assertEquals(Set.of(), Loopback.threadsLeftOver(before, Duration.ofSeconds(10)));
    }

    @Test
    void continuationsRunOnTheCallbackPoolByDefaultAndOnIoThreadsWhenAsked() throws Exception {
        assertEquals("pool-callback", threadOfAcceptContinuation(IoRuntime.builder().name("pool")));
        assertEquals("direct-io", threadOfAcceptContinuation(IoRuntime.builder().name("direct").callbacksOnIoThreads()));
        java.util.concurrent.ExecutorService mine = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "mine"));
        try {
            assertEquals("mine", threadOfAcceptContinuation(IoRuntime.builder().name("user").callbackExecutor(mine)));
        } finally {
            mine.shutdown();
        }
    }

    private static String threadOfAcceptContinuation(IoRuntime.Builder b) throws Exception {
        try (IoRuntime rt = b.ioThreads(1).build(); TcpListener l = rt.bind(Loopback.any())) {
            AtomicReference<String> thread = new AtomicReference<>();
            Promise<TcpConnection> accepted = l.incoming().next();
            Promise<Void> seen = accepted.map(c -> {
                thread.set(Thread.currentThread().getName().replaceAll("-\\d+$", ""));
                return null;
            });
            try (java.net.Socket s = new java.net.Socket(l.localAddress().getAddress(), l.localAddress().getPort())) {
                await(seen);
            }
            return thread.get();
        }
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> IoRuntime.builder().ioThreads(0));
        assertThrows(IllegalArgumentException.class, () -> IoRuntime.builder().udpThreads(-1));
        assertThrows(IllegalArgumentException.class, () -> IoRuntime.builder().callbackThreads(0));
        assertThrows(NullPointerException.class, () -> IoRuntime.builder().callbackExecutor(null));
    }

    @Test
    void aRuntimeWithoutUdpThreadsRefusesUdp() throws Exception {
        try (IoRuntime rt = IoRuntime.builder().udpThreads(0).ioThreads(1).build()) {
            assertThrows(UnsupportedOperationException.class, () -> rt.bindUdp(Loopback.any(), UdpOptions.DEFAULT));
        }
    }
}
