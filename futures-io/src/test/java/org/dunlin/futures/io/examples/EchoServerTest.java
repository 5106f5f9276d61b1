package org.dunlin.futures.io.examples;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.Loopback;
import org.dunlin.futures.io.TcpConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The echo server on loopback: exact echoes, and peers that vanish while it writes to them. */
class EchoServerTest {
    private IoRuntime server;
    private IoRuntime clients;
    private EchoServer echo;

    @BeforeEach
    void start() throws Exception {
        server = IoRuntime.builder().name("echo-server").ioThreads(2).build();
        clients = IoRuntime.builder().name("echo-clients").ioThreads(2).build();
        echo = EchoServer.start(server, Loopback.any());
    }

    @AfterEach
    void stop() {
        clients.close();
        echo.close();
        server.close();
    }

    /** Sends {@code data}, half-closes, and reads everything back until the server's end of stream. */
    private Promise<byte[]> polite(byte[] data) {
        return clients.connect(echo.address(), Duration.ofSeconds(30)).andThen(c -> {
            c.writer().write(ByteBuffer.wrap(data));
            c.writer().shutdown();
            ByteBuffer got = ByteBuffer.allocate(data.length + 1);
            return Futures.loop(0, n -> n >= 0, n -> c.reader().read(got.hasRemaining() ? got : ByteBuffer.allocate(1)))
                    .map(n -> {
                        c.close();
                        return java.util.Arrays.copyOf(got.array(), got.position());
                    });
        });
    }

    /**
     * Sends as much as the buffers take without ever reading, then resets the connection (SO_LINGER 0)
     * while the server is still writing the echo back. A plain SocketChannel: NIO.2 has no SO_LINGER.
     */
    private Promise<Void> rude() {
        return Promise.spawn(() -> {
            try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(echo.address())) {
                ch.setOption(StandardSocketOptions.SO_LINGER, 0);
                ch.configureBlocking(false);
                ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                long until = System.nanoTime() + 100_000_000L;
                while (System.nanoTime() < until) {
                    if (ch.write(chunk.clear()) == 0) {
                        Thread.sleep(5);
                    }
                }
            }
            return null;
        }, clients.callbackExecutor());
    }

    @Test
    void echoesExactlyAndEndsWhenThePeerEnds() throws Exception {
        byte[] data = new byte[1_000_000];
        new Random(7).nextBytes(data);
        assertArrayEquals(data, await(polite(data)));
        assertArrayEquals(new byte[0], await(polite(new byte[0])));
    }

    @Test
    void survivesPeersThatCloseMidWrite() throws Exception {
        List<Promise<byte[]>> polite = new ArrayList<>();
        List<Promise<Void>> rude = new ArrayList<>();
        byte[] data = new byte[200_000];
        new Random(8).nextBytes(data);
        for (int i = 0; i < 20; i++) {
            rude.add(rude());
            polite.add(polite(data));
        }
        await(Futures.joinAll(rude));
        for (Promise<byte[]> p : polite) {
            assertArrayEquals(data, await(p));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((echo.activeConnections() > 0 || echo.failedConnections() < 20) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, echo.activeConnections(), "every connection was closed");
        assertEquals(20, echo.failedConnections(), "each reset connection ended with an error");
        assertTrue(echo.completedConnections() >= 20);
        // And the server still serves.
        assertArrayEquals(data, await(polite(data)));
    }
}
