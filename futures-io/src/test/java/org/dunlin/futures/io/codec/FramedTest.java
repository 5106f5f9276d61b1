package org.dunlin.futures.io.codec;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.TimeoutAction;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.Loopback;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.TcpListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Framed connections over loopback TCP: frames across reads, many senders, idle guards. */
class FramedTest {
    private IoRuntime rt;
    private TcpConnection server;
    private TcpConnection client;

    @BeforeEach
    void start() throws Exception {
        rt = IoRuntime.builder().name("framed-test").ioThreads(2).build();
        try (TcpListener l = rt.bind(Loopback.any())) {
            Promise<TcpConnection> s = l.incoming().next();
            client = await(rt.connect(l.localAddress(), Duration.ofSeconds(10)));
            server = await(s);
        }
    }

    @AfterEach
    void stop() {
        rt.close();
    }

    @Test
    void framesTrickledByteByByteAreDecodedWhole() throws Exception {
        Framed<ByteBuffer, ByteBuffer> in = Framed.of(server, new LengthPrefixedCodec());
        byte[] wire = {0, 3, 'a', 'b', 'c', 0, 0, 0, 2, 'x'};
        for (byte b : wire) {
            await(client.writer().write(ByteBuffer.wrap(new byte[] {b})));
        }
        AsyncStream<ByteBuffer> r = in.reader();
        assertEquals("abc", Loopback.text(await(r.next())));
        assertEquals(0, await(r.next()).remaining());
        Promise<ByteBuffer> incomplete = r.next();
        client.writer().shutdown();
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(incomplete));
        assertTrue(x.getCause() instanceof CodecException, "the stream ended inside a frame: " + x.getCause());
    }

    @Test
    void nextCallsCancelledAtRandomNeverLoseOrReorderFrames() throws Exception {
        Framed<String, String> out = Framed.of(client, new LineCodec());
        Framed<String, String> in = Framed.of(server, new LineCodec());
        int lines = 20_000;
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < lines; i++) {
                    if (i % 50 < 45) {
                        // mostly one line per write, so most next() calls wait for a read to deliver
                        await(out.writer().send(Integer.toString(i)));
                    } else {
                        out.writer().send(Integer.toString(i));
                    }
                }
                out.writer().close();
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        }, "line-writer");
        writer.start();
        java.util.Random random = new java.util.Random(9);
        AsyncStream<String> r = in.reader();
        int expected = 0;
        for (int calls = 0; calls < 10_000_000; calls++) {
            Promise<String> next = r.next();
            if (random.nextInt(3) == 0) {
                for (int spin = random.nextInt(200); spin > 0; spin--) {
                    Thread.onSpinWait(); // let the cancel race the delivery
                }
                if (next.cancel(true)) {
                    continue; // given up: the frame comes with a later call
                }
            }
            String line = await(next);
            if (line == null) {
                break;
            }
            assertEquals(Integer.toString(expected), line, "frames in order, none lost");
            expected++;
        }
        writer.join(10_000);
        assertEquals(lines, expected);
    }

    @Test
    void framesSentFromManyThreadsArriveWhole() throws Exception {
        Framed<ByteBuffer, ByteBuffer> out = Framed.of(client, new LengthPrefixedCodec());
        Framed<ByteBuffer, ByteBuffer> in = Framed.of(server, new LengthPrefixedCodec());
        int senders = 6;
        int each = 300;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < senders; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    ByteBuffer f = ByteBuffer.allocate(3 + (i % 700));
                    f.put((byte) id).putShort((short) i);
                    out.writer().send(f.rewind());
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        out.writer().close();
        int[] next = new int[senders];
        List<ByteBuffer> frames = await(in.reader().toList());
        assertEquals(senders * each, frames.size());
        for (ByteBuffer f : frames) {
            int id = f.get(0);
            assertEquals(next[id]++, f.getShort(1));
            assertEquals(3 + (f.getShort(1) % 700), f.remaining());
        }
    }

    @Test
    void theIdleGuardCatchesAPeerTricklingAFrameThatNeverEnds() throws Exception {
        Framed<String, String> in = Framed.of(server, new LineCodec());
        AsyncStream<String> guarded = in.reader().timeout(Duration.ofMillis(300), rt.timer(), TimeoutAction.FAIL);
        client.writer().write(Loopback.bytes("first\n"));
        assertEquals("first", await(guarded.next()));
        Promise<String> second = guarded.next();
        for (int i = 0; i < 8; i++) {   // a byte every 100 ms: never idle at the byte level, never a line
            await(client.writer().write(Loopback.bytes("x")));
            Thread.sleep(100);
            if (second.isDone()) {
                break;
            }
        }
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(second));
        assertTrue(x.getCause() instanceof TimeoutException, x.getCause().toString());
        assertTrue(server.reader().isClosed(), "the guard closed the reader (and so the input)");
    }

    @Test
    void aCancelledNextLosesNoFrame() throws Exception {
        Framed<String, String> in = Framed.of(server, new LineCodec());
        AsyncStream<String> r = in.reader();
        Promise<String> gaveUp = r.next();
        assertTrue(gaveUp.cancel(true));
        await(client.writer().write(Loopback.bytes("kept\nalso\n")));
        assertEquals("kept", await(r.next()));
        assertEquals("also", await(r.next()));
        client.writer().shutdown();
        assertNull(await(r.next()));
    }

    @Test
    void anUnencodableFrameFailsOnlyItsSend() throws Exception {
        Framed<ByteBuffer, ByteBuffer> out = Framed.of(client, new LengthPrefixedCodec(4));
        Framed<ByteBuffer, ByteBuffer> in = Framed.of(server, new LengthPrefixedCodec(4));
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(out.writer().send(ByteBuffer.allocate(5))));
        assertTrue(x.getCause() instanceof FrameTooLongException);
        await(out.writer().send(ByteBuffer.wrap(new byte[] {1, 2})));
        assertEquals(2, await(in.reader().next()).remaining());
        await(Futures.delay(Duration.ofMillis(1), rt.timer()));
    }
}
