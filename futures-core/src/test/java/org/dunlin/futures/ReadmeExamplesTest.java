package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The snippets of futures-core/README.md, with small fakes around them, so the README stays true. */
class ReadmeExamplesTest {
    record Record(String name) {
    }

    record Message(List<Record> answers, boolean isAuthoritative) {
    }

    record DnskeySet(Duration ttl) {
    }

    record Zone(String origin) {
    }

    record Query(int id) {
    }

    /** A fake DNS client: answers from a script, or leaves queries pending. */
    static final class Client {
        final List<Promise<Message>> pending = new ArrayList<>();
        boolean answerAtOnce = true;

        Promise<Message> query(String question) {
            if (answerAtOnce) {
                return Promise.completed(new Message(List.of(new Record(question)), true));
            }
            Promise<Message> p = new Promise<>();
            pending.add(p);
            return p;
        }

        Promise<Message> query(String server, String question) {
            return query(server + "/" + question);
        }
    }

    /** A fake channel for the loop example: reads 3 chunks of 10 bytes, then the end. */
    static final class FakeChannel {
        int reads;

        Promise<Integer> read(ByteBuffer buffer) {
            return Promise.completed(reads++ < 3 ? 10 : -1);
        }
    }

    private final Client client = new Client();
    private final String question = "example.org. A";

    private Promise<List<Record>> validate(List<Record> records) {
        return Promise.completed(records);
    }

    @Test
    void promiseCombinators() {
        List<String> log = new ArrayList<>();
        Promise<Message> response = client.query(question);
        Promise<List<Record>> answers = response
                .map(Message::answers)
                .andThen(records -> validate(records))
                .recover(failure -> List.of())
                .inspect(records -> log.add(records.size() + " records"));
        assertEquals(List.of(new Record(question)), answers.join());
        assertEquals(List.of("1 records"), log);

        client.answerAtOnce = false;
        Promise<Message> pendingQuery = client.query(question);
        Promise<List<Record>> cancelled = pendingQuery.map(Message::answers).andThen(this::validate);
        cancelled.cancel(true);
        assertTrue(pendingQuery.isCancelled());
    }

    @Test
    void racingAndGathering() {
        Promise<Message> viaUdp = new Promise<>();
        Promise<Message> viaTcp = client.query(question);
        Selected<Message> first = Futures.selectAll(List.of(viaUdp, viaTcp)).join();
        assertEquals(1, first.index());
        assertTrue(first.outcome().isSuccess());
        first.cancelRest();
        assertTrue(viaUdp.isCancelled());

        List<Promise<Message>> queries = List.of(client.query("a"), client.query("b"));
        Promise<Selected<Message>> ok = Futures.selectOk(queries);
        Promise<List<Message>> all = Futures.joinAll(queries);
        Promise<Pair<Message, Message>> both = Futures.join(queries.get(0), queries.get(1));
        Promise<List<Outcome<Message>>> outcomes = Futures.settleAll(queries);
        assertEquals(0, ok.join().index());
        assertEquals(2, all.join().size());
        assertEquals(queries.get(1).join(), both.join().second());
        assertEquals(2, outcomes.join().size());
    }

    @Test
    void time() throws Exception {
        try (SingleThreadTimer timer = new SingleThreadTimer("resolver-timer")) {
            Promise<Message> answer = client.query(question).timeout(Duration.ofSeconds(2), timer);
            Promise<Void> pause = Futures.delay(Duration.ofMillis(50), timer);

            RetryPolicy policy = RetryPolicy.builder()
                    .maxAttempts(4)
                    .backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1))
                    .jitter(0.2, RandomGenerator.of("L64X128MixRandom"))
                    .deadline(Duration.ofSeconds(5))
                    .retryOn(x -> x instanceof IOException)
                    .build();
            Promise<Message> robust = Futures.retry(() -> client.query(question), policy, timer);
            assertTrue(answer.join().isAuthoritative());
            pause.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(robust.join().isAuthoritative());
        }

        ManualTimer timer = new ManualTimer();
        Promise<Message> pending = new Promise<>();
        Promise<Message> guarded = pending.timeout(Duration.ofSeconds(1), timer);
        timer.advance(Duration.ofSeconds(1));
        assertInstanceOf(TimeoutException.class, Promise.causeOf(guarded));
        assertTrue(pending.isCancelled());

        FakeChannel channel = new FakeChannel();
        ByteBuffer buffer = ByteBuffer.allocate(16);
        Promise<Long> total = Futures.loop(0L, n -> n >= 0,
                n -> channel.read(buffer).map(read -> read < 0 ? -1 : n + read));
        assertEquals(-1L, total.join());
    }

    @Test
    void sharing() {
        Promise<Zone> loading = new Promise<>();
        Shared<Zone> zone = Shared.lazy(() -> loading);
        Promise<Zone> a = zone.subscribe();
        Promise<Zone> b = zone.subscribe();
        a.cancel(true);
        loading.complete(new Zone("example."));
        assertEquals("example.", b.join().origin());

        ManualTimer timer = new ManualTimer();
        Memoizer<String, DnskeySet> dnskeys = Memoizer.builder((String zoneName) -> fetchDnskeys(zoneName))
                .ttl((zoneName, keys) -> keys.ttl())
                .cacheFailures(Duration.ofSeconds(5))
                .maxSize(10_000)
                .ticker(timer)
                .build();
        Promise<DnskeySet> keys = dnskeys.get("example.org.");
        assertEquals(Duration.ofHours(1), keys.join().ttl());
    }

    private Promise<DnskeySet> fetchDnskeys(String zone) {
        return Promise.completed(new DnskeySet(Duration.ofHours(1)));
    }

    @Test
    void streams() {
        ManualTimer timer = new ManualTimer();
        List<String> servers = List.of("a", "b", "c", "d", "e");
        AsyncStream<Message> answers = AsyncStream.fromIterable(servers)
                .bufferUnordered(4, server -> client.query(server, question))
                .filter(Message::isAuthoritative)
                .timeout(Duration.ofSeconds(2), timer, TimeoutAction.END)
                .take(3);
        Promise<List<Message>> firstThree = answers.toList();
        assertEquals(3, firstThree.join().size());
    }

    @Test
    void channels() {
        List<Query> answered = new ArrayList<>();
        Channel<Query> queue = Channels.mpsc(64);
        Query query = new Query(1);
        queue.sender().send(query).andThen(accepted -> Promise.completed(null));
        queue.sender().trySend(new Query(2));
        queue.sender().close();
        queue.receiver().forEach(answered::add);
        assertEquals(List.of(new Query(1), new Query(2)), answered);

        Oneshot<Message> reply = Channels.oneshot();
        Message message = new Message(List.of(), true);
        reply.send(message);
        Promise<Message> r = reply.receiver();
        assertEquals(message, r.join());
    }
}
