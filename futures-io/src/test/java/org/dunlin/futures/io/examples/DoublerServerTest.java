package org.dunlin.futures.io.examples;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.Loopback;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.codec.Framed;
import org.dunlin.futures.io.codec.LineCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The doubler on real loopback sockets: many pipelining clients, bad input, stallers. */
class DoublerServerTest {
    private IoRuntime server;
    private IoRuntime clients;
    private DoublerServer doubler;

    @BeforeEach
    void start() throws Exception {
        server = IoRuntime.builder().name("doubler-server").ioThreads(2).build();
        clients = IoRuntime.builder().name("doubler-clients").ioThreads(2).callbacksOnIoThreads().build();
        doubler = DoublerServer.start(server, Loopback.any(), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        clients.close();
        doubler.close();
        server.close();
    }

    private Promise<Framed<String, String>> connect() {
        return clients.connect(doubler.address(), Duration.ofSeconds(30))
                .map(c -> Framed.of(c, new LineCodec()));
    }

    /** One client: sends all requests at once (pipelined), then reads every answer. */
    private Promise<List<String>> client(int id, int requests) {
        return connect().andThen(f -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < requests; i++) {
                sb.append(id * 1000L + i).append('\n');
            }
            f.connection().writer().write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII)));
            return f.reader().take(requests).toList().inspect(list -> f.close());
        });
    }

    @Test
    void thousandPipeliningClientsGetEveryAnswerInOrder() throws Exception {
        int clientsCount = 1000;
        int requests = 100;
        List<Promise<List<String>>> all = new ArrayList<>();
        for (int id = 0; id < clientsCount; id++) {
            all.add(client(id, requests));
        }
        List<List<String>> answers = await(Futures.joinAll(all));
        for (int id = 0; id < clientsCount; id++) {
            List<String> got = answers.get(id);
            assertEquals(requests, got.size(), "client " + id);
            for (int i = 0; i < requests; i++) {
                assertEquals(Long.toString(2 * (id * 1000L + i)), got.get(i), "client " + id + " answer " + i);
            }
        }
    }

    @Test
    void badInputGetsAnErrorAndTheConnectionStaysUsable() throws Exception {
        Framed<String, String> f = await(connect());
        for (String line : List.of("21", "abc", "", " -7 ", "12x", "123456789012345678901234567890", "+4")) {
            f.writer().send(line);
        }
        List<String> got = await(f.reader().take(7).toList());
        assertEquals(List.of("42", "ERR not an integer: abc", "ERR empty line, expected an integer", "-14",
                "ERR not an integer: 12x", new BigInteger("123456789012345678901234567890").shiftLeft(1).toString(), "8"), got);
        f.close();
    }

    @Test
    void aTooLongLineIsAnsweredThenTheConnectionIsClosed() throws Exception {
        Framed<String, String> f = await(connect());
        f.writer().send("5");
        f.writer().send("9".repeat(DoublerServer.MAX_LINE + 10));
        var reader = f.reader();
        assertEquals("10", await(reader.next()));
        assertEquals("ERR line too long (more than 8192 bytes)", await(reader.next()));
        assertNull(await(reader.next()), "the server closes after the error");
    }

    @Test
    void aClientStallingInTheMiddleOfALineIsDroppedWhileOthersAreServed() throws Exception {
        TcpConnection staller = await(clients.connect(doubler.address(), Duration.ofSeconds(30)));
        await(staller.writer().write(Loopback.bytes("12")));   // half a line, then nothing
        long start = System.nanoTime();
        // Meanwhile other clients keep being served, before and after the staller's deadline.
        for (int round = 0; round < 3; round++) {
            assertEquals(List.of("0", "2", "4"), await(client(0, 3)));
            Thread.sleep(300);
        }
        ByteBuffer b = ByteBuffer.allocate(64);
        assertEquals(-1, await(staller.reader().read(b)), "the staller is disconnected without an answer");
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited >= 400, "dropped after the idle timeout, not before (" + waited + " ms)");
        staller.close();
    }
}
