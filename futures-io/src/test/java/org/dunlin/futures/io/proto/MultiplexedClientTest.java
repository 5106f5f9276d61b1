package org.dunlin.futures.io.proto;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.ConnectionClosedException;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.Loopback;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.TcpListener;
import org.dunlin.futures.io.codec.Framed;
import org.dunlin.futures.io.codec.LengthPrefixedCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The multiplexed client against a scripted server speaking 2-byte-length-prefixed frames whose first two
 * bytes are an ID (the shape of DNS over TCP). The server answers each request after the delay (in ms)
 * the request's third byte gives; 255 means never.
 */
class MultiplexedClientTest {
    private IoRuntime rt;
    private TcpListener listener;
    private final Set<Integer> idsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static final MultiplexedClient.Tagging<ByteBuffer, ByteBuffer> BY_ID = MultiplexedClient.Tagging.of(
            (req, id) -> {
                ByteBuffer copy = ByteBuffer.allocate(req.remaining()).put(req.duplicate()).flip();
                copy.putShort(0, (short) (int) id);
                return copy;
            },
            resp -> Short.toUnsignedInt(resp.getShort(0)));

    @BeforeEach
    void start() throws Exception {
        rt = IoRuntime.builder().name("mux-test").ioThreads(2).build();
        listener = rt.bind(Loopback.any());
        listener.incoming().forEach(c -> {
            Framed<ByteBuffer, ByteBuffer> f = Framed.of(c, new LengthPrefixedCodec());
            f.reader().forEach(req -> {
                idsSeen.add(Short.toUnsignedInt(req.getShort(0)));
                int delay = Byte.toUnsignedInt(req.get(2));
                if (delay == 255) {
                    return;
                }
                if (delay == 254) {   // a response nobody asked for, then the real one
                    f.writer().send(ByteBuffer.wrap(new byte[] {(byte) 0xFF, (byte) 0xFE, 0}));
                    delay = 0;
                }
                Futures.delay(Duration.ofMillis(delay), rt.timer()).map(v -> f.writer().send(req));
            });
        });
    }

    @AfterEach
    void stop() {
        rt.close();
    }

    private MultiplexedClient<ByteBuffer, ByteBuffer> client(MultiplexedClient.Builder<ByteBuffer, ByteBuffer> b) throws Exception {
        TcpConnection c = await(rt.connect(listener.localAddress(), Duration.ofSeconds(10)));
        return b.build(Framed.of(c, new LengthPrefixedCodec()));
    }

    private static ByteBuffer request(int delay, int marker) {
        return ByteBuffer.wrap(new byte[] {0, 0, (byte) delay, (byte) marker});
    }

    @Test
    void responsesInAnyOrderReachTheirCallers() throws Exception {
        MultiplexedClient<ByteBuffer, ByteBuffer> client = client(MultiplexedClient.builder(BY_ID).random(new Random(1)));
        List<Promise<ByteBuffer>> calls = new ArrayList<>();
        int[] delays = {90, 10, 50, 0, 70, 30, 20, 60};
        for (int i = 0; i < delays.length; i++) {
            calls.add(client.call(request(delays[i], i)));
        }
        for (int i = 0; i < delays.length; i++) {
            assertEquals(i, await(calls.get(i)).get(3), "call " + i + " got its own response");
        }
        assertEquals(delays.length, idsSeen.size(), "every request in flight had its own ID");
        assertEquals(0, client.inFlight());
    }

    @Test
    void aSlowRequestTimesOutAloneAndTheConnectionCarriesOn() throws Exception {
        MultiplexedClient<ByteBuffer, ByteBuffer> client = client(MultiplexedClient.builder(BY_ID)
                .requestTimeout(Duration.ofMillis(200), rt.timer()));
        Promise<ByteBuffer> lost = client.call(request(255, 1));
        Promise<ByteBuffer> ok = client.call(request(5, 2));
        assertEquals(2, await(ok).get(3));
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(lost));
        assertTrue(x.getCause() instanceof TimeoutException);
        assertEquals(0, client.inFlight(), "the timed-out ID was freed");
        assertEquals(3, await(client.call(request(0, 3))).get(3));
    }

    @Test
    void theInFlightLimitMakesCallsWaitAndTheWaitingQueueIsBounded() throws Exception {
        MultiplexedClient<ByteBuffer, ByteBuffer> client = client(MultiplexedClient.builder(BY_ID).maxInFlight(2).maxWaiting(2));
        List<Promise<ByteBuffer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(client.call(request(100, i)));
        }
        assertEquals(2, client.inFlight());
        assertEquals(2, client.waiting());
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(client.call(request(0, 9))));
        assertTrue(x.getCause() instanceof RejectedExecutionException);
        for (int i = 0; i < 4; i++) {
            assertEquals(i, await(calls.get(i)).get(3));
        }
        Set<Integer> ids = new HashSet<>(idsSeen);
        assertTrue(ids.size() >= 2);
    }

    @Test
    void unmatchedResponsesAreDroppedAndCounted() throws Exception {
        MultiplexedClient<ByteBuffer, ByteBuffer> client = client(MultiplexedClient.builder(BY_ID).idSpace(1000));
        assertEquals(7, await(client.call(request(254, 7))).get(3));
        assertEquals(1, client.unmatchedResponses());
    }

    @Test
    void whenTheConnectionEndsEveryPendingCallFails() throws Exception {
        MultiplexedClient<ByteBuffer, ByteBuffer> client = client(MultiplexedClient.builder(BY_ID));
        Promise<ByteBuffer> a = client.call(request(255, 1));
        Promise<ByteBuffer> b = client.call(request(255, 2));
        listener.close();
        rt.close();
        for (Promise<ByteBuffer> p : List.of(a, b)) {
            ExecutionException x = assertThrows(ExecutionException.class, () -> await(p));
            assertTrue(x.getCause() instanceof ConnectionClosedException, x.getCause().toString());
        }
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(client.call(request(0, 3))));
        assertTrue(x.getCause() instanceof ConnectionClosedException);
    }
}
