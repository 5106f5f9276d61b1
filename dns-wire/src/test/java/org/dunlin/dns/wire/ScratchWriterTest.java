package org.dunlin.dns.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.edns.Edns;
import org.junit.jupiter.api.Test;

/**
 * {@link Message#toWire()} reuses a per-thread scratch writer: nothing of one message may leak into
 * the next (buffer contents, compression entries, recent-name cache), a writer that grew for a large
 * message is not kept, a failed encode does not poison the thread's writer, and threads never share
 * one.
 */
class ScratchWriterTest {

    private static Message small(int id) throws Exception {
        return Message.builder().id(id).question(Name.of("host1.sub1.zone.example"), RRType.MX)
                .answer(Record.fromText("host1.sub1.zone.example. 60 IN MX 1 mail1.zone.example."))
                .edns(Edns.DEFAULT).build();
    }

    @Test
    void consecutiveMessagesOnOneThreadEncodeAsAFreshEncoderWould() throws Exception {
        Message big = MessageEncoderTest.big();
        Message other = Message.builder().id(9).question(Name.of("zone.example"), RRType.NS)
                .answer(Record.fromText("zone.example. 60 IN NS ns.sub3.zone.example.")).build();
        for (Message m : List.of(small(1), big, small(2), other, small(3))) {
            byte[] wire = m.toWire();
            assertArrayEquals(new MessageEncoder().encode(m), wire);
            assertEquals(m, Message.fromWire(wire));
            byte[] cut = m.toWire(512);
            assertArrayEquals(new MessageEncoder().encode(m, 512), cut);
            ByteBuffer target = ByteBuffer.allocate(700);
            target.put((byte) 0x55);
            int n = m.toWire(target, 512);
            assertEquals(1 + n, target.position());
            assertArrayEquals(cut, java.util.Arrays.copyOfRange(target.array(), 1, 1 + n));
        }
    }

    @Test
    void theWriterIsReusedButNotAfterGrowingForALargeMessage() throws Exception {
        Message small = small(4);
        WireWriter first = ScratchWriter.acquire(small);
        ScratchWriter.release(first);
        assertSame(first, ScratchWriter.acquire(small), "kept for the next call on this thread");
        ScratchWriter.release(first);

        Message big = MessageEncoderTest.big();
        assertTrue(big.toWire().length > ScratchWriter.MAX_RETAINED);
        WireWriter after = ScratchWriter.acquire(small);
        assertNotSame(first, after, "the grown writer was dropped");
        assertTrue(after.capacity() <= ScratchWriter.MAX_RETAINED);
        ScratchWriter.release(after);
    }

    @Test
    void aFailedEncodeLeavesTheThreadsWriterUsable() throws Exception {
        Message m = small(5);
        byte[] expected = m.toWire();
        assertThrows(IllegalArgumentException.class, () -> m.toWire(11));
        assertThrows(IllegalArgumentException.class, () -> m.toWire(20));
        assertArrayEquals(expected, m.toWire());
    }

    @Test
    void threadsEncodeIndependently() throws Exception {
        Message big = MessageEncoderTest.big();
        byte[] bigWire = new MessageEncoder().encode(big, 4000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    Message mine = small(100 + id);
                    byte[] expected = new MessageEncoder().encode(mine);
                    for (int i = 0; i < 300; i++) {
                        if (!java.util.Arrays.equals(expected, mine.toWire())
                                || !java.util.Arrays.equals(bigWire, big.toWire(4000))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
