package org.dunlin.dns.resolver;

import static org.dunlin.dns.resolver.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.TxtRdata;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.ConnectionClosedException;
import org.dunlin.futures.io.IoRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-server client against scripted servers: spoofing resistance, TC to TCP, EDNS fallback, limits, cleanup. */
class DnsClientTest {
    private static final Record WWW = Record.of("www.example.test.", 300, ARdata.of("192.0.2.1"));

    private IoRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        runtime = IoRuntime.builder().name("client-test").ioThreads(1).callbackThreads(2).build();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private static Message query(String name, RRType type) {
        return Message.builder().question(Question.of(name, type)).flags(Flag.RD).edns(Edns.DEFAULT).build();
    }

    @Test
    void ignoresAWrongIdAndAWrongQuestionAndAcceptsTheRightResponse() throws Exception {
        // RFC 5452 §9.1: a reply with the wrong ID, then one for another question, then the real one
        try (FakeServer server = FakeServer.start((q, t) -> {
            byte[] wrongId = FakeServer.answer(q, Record.of("www.example.test.", 300, ARdata.of("203.0.113.66")));
            int id = (q.id() + 1) & 0xFFFF;
            wrongId[0] = (byte) (id >> 8);
            wrongId[1] = (byte) id;
            Message other = q.toBuilder().clearQuestions().question(Question.of("evil.example.test", RRType.A)).build();
            byte[] wrongQuestion = FakeServer.answer(other, Record.of("evil.example.test.", 300, ARdata.of("203.0.113.67")));
            return List.of(wrongId, wrongQuestion, FakeServer.answer(q, WWW));
        }); DnsClient client = DnsClient.create(runtime, server.address())) {
            Message m = await(client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(10)));
            assertEquals(List.of(WWW), m.answer());
            ClientStats stats = client.stats();
            assertEquals(2, stats.ignoredResponses(), stats.toString());
            assertEquals(1, stats.responses());
            assertEquals(1, stats.udpQueries());
        }
    }

    @Test
    void with0x20AResponseThatDoesNotEchoTheCaseIsIgnored() throws Exception {
        // a long name: 2^-40 chance that random case equals the lower-case spelling the fake echoes
        String name = "abcdefghij.klmnopqrst.uvwxyzabcd.efghijklmn.example.test";
        try (FakeServer server = FakeServer.start((q, t) -> {
            Question asked = q.question().get(0);
            Message lowered = q.toBuilder().clearQuestions()
                    .question(new Question(asked.name().toLowerCase(), asked.type(), asked.rrClass())).build();
            Record rec = Record.of(name + ".", 60, ARdata.of("192.0.2.9"));
            return List.of(FakeServer.answer(lowered, rec), FakeServer.answer(q, rec));
        }); DnsClient client = DnsClient.create(runtime, server.address(),
                ClientOptions.builder().randomizeCase(true).build())) {
            Message m = await(client.exchange(query(name, RRType.A), Duration.ofSeconds(10)));
            assertEquals(1, client.stats().ignoredResponses());
            // the caller sees its own spelling, not the random one
            assertTrue(m.question().get(0).name().equalsExactly(Name.of(name)), m.question().toString());
            assertTrue(m.answer().get(0).owner().equalsExactly(Name.of(name)), m.answer().toString());
            Name sent = server.queries().get(0).question().get(0).name();
            assertEquals(Name.of(name), sent);
            assertFalse(sent.equalsExactly(Name.of(name)), "no letter changed case (chance 2^-40): " + sent);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheDeadline() throws Exception {
        try (FakeServer server = FakeServer.start((q, t) -> List.of());
                DnsClient client = DnsClient.create(runtime, server.address())) {
            long start = System.nanoTime();
            ExecutionException x = assertThrows(ExecutionException.class,
                    () -> await(client.exchange(query("www.example.test", RRType.A), Duration.ofMillis(400))));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(TimeoutException.class, x.getCause());
            assertTrue(elapsedMs >= 390, "timed out early: " + elapsedMs + " ms");
            assertTrue(elapsedMs < 5_000, "timed out late: " + elapsedMs + " ms");
            assertEquals(1, client.stats().timeouts());
            assertEquals(0, client.inFlight());
            waitForNoOpenResources();
        }
    }

    @Test
    void aTruncatedUdpResponseIsRetriedOverTcpWithinTheDeadline() throws Exception {
        List<Record> big = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            big.add(Record.of("big.example.test.", 300, TxtRdata.of("record number " + i + " with some padding to be long")));
        }
        try (FakeServer server = FakeServer.start((q, t) -> t == Transport.UDP
                ? List.of(Message.responseTo(q).flags(Flag.TC, Flag.RA).build().toWire())
                : List.of(FakeServer.answer(q, big.toArray(new Record[0]))));
                DnsClient client = DnsClient.create(runtime, server.address())) {
            Reply r = await(client.send(query("big.example.test", RRType.TXT), Duration.ofSeconds(10)));
            assertEquals(Transport.TCP, r.transport());
            assertTrue(r.truncatedOverUdp());
            assertEquals(big, r.message().answer());
            assertEquals(List.of(Transport.UDP, Transport.TCP), server.transports());
            ClientStats s = client.stats();
            assertEquals(1, s.truncated());
            assertEquals(1, s.tcpQueries());
            assertEquals(1, s.tcpConnections());
        }
    }

    @Test
    void anOldServerAnsweringFormerrToEdnsGetsTheQueryAgainWithoutEdnsAndIsRemembered() throws Exception {
        try (FakeServer server = FakeServer.start((q, t) -> q.edns().isPresent()
                ? List.of(Message.responseTo(q).rcode(Rcode.FORMERR).build().toWire())
                : List.of(FakeServer.answer(q, WWW)));
                DnsClient client = DnsClient.create(runtime, server.address())) {
            Message m = await(client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(10)));
            assertEquals(List.of(WWW), m.answer());
            assertEquals(1, client.stats().ednsFallbacks());
            // the next query leaves EDNS out from the start
            await(client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(10)));
            List<Message> qs = server.queries();
            assertEquals(3, qs.size());
            assertTrue(qs.get(0).edns().isPresent());
            assertTrue(qs.get(1).edns().isEmpty());
            assertTrue(qs.get(2).edns().isEmpty());
            assertEquals(1, client.stats().ednsFallbacks());
        }
    }

    @Test
    void badversToAHigherEdnsVersionRetriesWithTheServersVersion() throws Exception {
        try (FakeServer server = FakeServer.start((q, t) -> q.edns().get().version() > 0
                ? List.of(Message.responseTo(q).rcode(Rcode.BADVERS).edns(Edns.DEFAULT).build().toWire())
                : List.of(FakeServer.answer(q, WWW)));
                DnsClient client = DnsClient.create(runtime, server.address())) {
            Message q = Message.builder().question(Question.of("www.example.test", RRType.A))
                    .edns(new Edns(1232, 1, 0, List.of())).build();
            Message m = await(client.exchange(q, Duration.ofSeconds(10)));
            assertEquals(List.of(WWW), m.answer());
            assertEquals(0, server.queries().get(1).edns().get().version());
        }
    }

    @Test
    void tcpQueriesShareOneConnectionAndResponsesMayComeInAnyOrder() throws Exception {
        List<Message> held = new ArrayList<>();
        try (FakeServer server = FakeServer.start((q, t) -> {
            synchronized (held) {
                held.add(q);
                if (held.size() < 2) {
                    return List.of();
                }
                // answer the second query first, then the first one
                return List.of(FakeServer.answer(held.get(1), rec(held.get(1))), FakeServer.answer(held.get(0), rec(held.get(0))));
            }
        }); DnsClient client = DnsClient.create(runtime, server.address(), ClientOptions.builder().tcpOnly(true).build())) {
            Promise<Message> a = client.exchange(query("a.example.test", RRType.A), Duration.ofSeconds(10));
            Promise<Message> b = client.exchange(query("b.example.test", RRType.A), Duration.ofSeconds(10));
            assertEquals(Name.of("a.example.test"), await(a).answer().get(0).owner());
            assertEquals(Name.of("b.example.test"), await(b).answer().get(0).owner());
            assertEquals(1, server.tcpConnections());
            assertEquals(1, client.stats().tcpConnections());
        }
    }

    private static Record rec(Message q) {
        return Record.of(q.question().get(0).name(), 60, ARdata.of("192.0.2.2"));
    }

    @Test
    void anIdleTcpConnectionIsClosedAndReopenedOnDemand() throws Exception {
        try (FakeServer server = FakeServer.start((q, t) -> List.of(FakeServer.answer(q, WWW)));
                DnsClient client = DnsClient.create(runtime, server.address(),
                        ClientOptions.builder().tcpOnly(true).tcpIdleTimeout(Duration.ofMillis(200)).build())) {
            await(client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(10)));
            await(client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(10)));
            assertEquals(1, client.stats().tcpConnections());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.hasTcpConnection() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(client.hasTcpConnection(), "idle connection still open");
            await(client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(10)));
            assertEquals(2, client.stats().tcpConnections());
            assertEquals(2, server.tcpConnections());
        }
    }

    @Test
    void cancellingAQueryClosesItsSocketAtOnce() throws Exception {
        try (FakeServer server = FakeServer.start((q, t) -> List.of());
                DnsClient client = DnsClient.create(runtime, server.address())) {
            Promise<Message> p = client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.queryCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, runtime.openResources());
            assertTrue(p.cancel(true));
            waitForNoOpenResources();
            assertEquals(0, client.inFlight());
        }
    }

    @Test
    void queriesBeyondTheInFlightLimitWaitForASlot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeServer server = FakeServer.start((q, t) -> {
            release.await(20, TimeUnit.SECONDS);
            return List.of(FakeServer.answer(q, rec(q)));
        }); DnsClient client = DnsClient.create(runtime, server.address(), ClientOptions.builder().maxInFlight(2).build())) {
            List<Promise<Message>> ps = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ps.add(client.exchange(query("q" + i + ".example.test", RRType.A), Duration.ofSeconds(20)));
            }
            Thread.sleep(300);
            assertEquals(2, client.inFlight());
            assertTrue(server.queryCount() <= 2, "sent " + server.queryCount());
            release.countDown();
            for (int i = 0; i < 5; i++) {
                assertEquals(Name.of("q" + i + ".example.test"), await(ps.get(i)).answer().get(0).owner());
            }
            assertEquals(5, server.queryCount());
        }
    }

    @Test
    void aClosedPortFailsFastWithPortUnreachable() throws Exception {
        InetSocketAddress nobody;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
        try (DnsClient client = DnsClient.create(runtime, nobody)) {
            ExecutionException x = assertThrows(ExecutionException.class,
                    () -> await(client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(20))));
            assertInstanceOf(PortUnreachableException.class, x.getCause());
        }
    }

    @Test
    void closingTheClientFailsExchangesInFlight() throws Exception {
        try (FakeServer server = FakeServer.start((q, t) -> List.of())) {
            DnsClient client = DnsClient.create(runtime, server.address());
            Promise<Message> udp = client.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(30));
            DnsClient tcpClient = DnsClient.create(runtime, server.address(), ClientOptions.builder().tcpOnly(true).build());
            Promise<Message> tcp = tcpClient.exchange(query("www.example.test", RRType.A), Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.queryCount() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            client.close();
            tcpClient.close();
            assertInstanceOf(ConnectionClosedException.class, assertThrows(ExecutionException.class, () -> await(udp)).getCause());
            assertInstanceOf(ConnectionClosedException.class, assertThrows(ExecutionException.class, () -> await(tcp)).getCause());
            assertInstanceOf(ConnectionClosedException.class, assertThrows(ExecutionException.class,
                    () -> await(client.exchange(query("x.test", RRType.A), Duration.ofSeconds(1)))).getCause());
            waitForNoOpenResources();
        }
    }

    @Test
    void aQueryWithoutExactlyOneQuestionIsRefused() {
        try (DnsClient client = DnsClient.create(runtime, new InetSocketAddress(InetAddress.getLoopbackAddress(), 53))) {
            assertThrows(IllegalArgumentException.class, () -> client.exchange(Message.builder().build(), Duration.ofSeconds(1)));
        }
    }

    private void waitForNoOpenResources() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runtime.openResources() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, runtime.openResources(), "sockets left open");
    }
}
