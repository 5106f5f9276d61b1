package org.dunlin.futures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    @Test
    void sendCompletesAtOnceWhileThereIsRoomThenWaitsForTheReceiver() {
        Channel<Integer> ch = Channels.mpsc(2);
        assertTrue(ch.sender().send(1).isDone());
        assertTrue(ch.sender().send(2).isDone());
        Promise<Void> third = ch.sender().send(3);
        assertFalse(third.isDone());
        assertEquals(2, ch.receiver().size());
        assertFalse(ch.sender().trySend(4), "trySend never overtakes a waiting send");
        assertEquals(1, ch.receiver().next().join());
        assertTrue(third.isDone());
        assertEquals(2, ch.receiver().size());
        assertEquals(2, ch.receiver().next().join());
        assertEquals(3, ch.receiver().next().join());
    }

    @Test
    void aWaitingReceiverGetsTheItemDirectly() {
        Channel<String> ch = Channels.mpsc(1);
        Promise<String> next = ch.receiver().next();
        assertTrue(ch.sender().trySend("x"));
        assertEquals("x", next.join());
        assertEquals(0, ch.receiver().size());
    }

    @Test
    void closeLetsTheReceiverDrainEverythingSentBefore() {
        Channel<Integer> ch = Channels.mpsc(1);
        ch.sender().send(1);
        Promise<Void> waiting = ch.sender().send(2);
        ch.sender().close();
        assertInstanceOf(ChannelClosedException.class, Promise.causeOf(ch.sender().send(3)));
        assertFalse(ch.sender().trySend(4));
        assertEquals(List.of(1, 2), ch.receiver().toList().join());
        assertTrue(waiting.isDone() && !waiting.isCompletedExceptionally());
    }

    @Test
    void closeWakesAWaitingReceiverWithTheEnd() {
        Channel<Integer> ch = Channels.mpsc(1);
        Promise<Integer> next = ch.receiver().next();
        ch.sender().close();
        assertNull(next.join());
    }

    @Test
    void closingTheReceiverFailsWaitingSends() {
        Channel<Integer> ch = Channels.mpsc(0);
        Promise<Void> parked = ch.sender().send(1);
        ch.receiver().close();
        assertInstanceOf(ChannelClosedException.class, Promise.causeOf(parked));
        assertTrue(ch.sender().isClosed());
    }

    @Test
    void cancellingAWaitingSendWithdrawsItsItem() {
        Channel<Integer> ch = Channels.mpsc(1);
        ch.sender().send(1);
        Promise<Void> two = ch.sender().send(2);
        Promise<Void> three = ch.sender().send(3);
        assertTrue(two.cancel(false));
        assertEquals(1, ch.receiver().next().join());
        assertTrue(three.isDone());
        assertEquals(3, ch.receiver().next().join());
    }

    @Test
    void cancellingAnAcceptedSendIsRefused() {
        Channel<Integer> ch = Channels.mpsc(0);
        Promise<Void> send = ch.sender().send(1);
        Promise<Integer> got = ch.receiver().next();
        assertEquals(1, got.join());
        assertFalse(send.cancel(false));
        assertTrue(send.isDone() && !send.isCancelled());
    }

    @Test
    void cancellingAPendingReceiveLosesNoItem() {
        Channel<Integer> ch = Channels.mpsc(4);
        Promise<Integer> first = ch.receiver().next();
        first.cancel(false);
        ch.sender().trySend(7);
        assertEquals(7, ch.receiver().next().join());
    }

    @Test
    void rendezvousChannelHandsItemsOverOneByOne() {
        Channel<Integer> ch = Channels.mpsc(0);
        assertFalse(ch.sender().trySend(1));
        Promise<Void> s = ch.sender().send(1);
        assertFalse(s.isDone());
        assertEquals(1, ch.receiver().tryReceive());
        assertTrue(s.isDone());
        assertNull(ch.receiver().tryReceive());
    }

    @Test
    void manyThreadsKeepPerSenderOrderAndNeverExceedCapacity() throws Exception {
        int senders = 4;
        int perSender = 5_000;
        int capacity = 8;
        Channel<int[]> ch = Channels.mpsc(capacity);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int id = s;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perSender; i++) {
                    try {
                        ch.sender().send(new int[] {id, i}).get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }, "mpsc-sender-" + s);
            threads.add(t);
            t.start();
        }
        int[] nextExpected = new int[senders];
        int maxSize = 0;
        for (int n = 0; n < senders * perSender; n++) {
            maxSize = Math.max(maxSize, ch.receiver().size());
            int[] item = ch.receiver().next().get(60, TimeUnit.SECONDS);
            assertEquals(nextExpected[item[0]], item[1], "sender " + item[0] + " out of order");
            nextExpected[item[0]]++;
        }
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertTrue(maxSize <= capacity, "held " + maxSize);
        ch.sender().close();
        assertNull(ch.receiver().next().join());
    }

    @Test
    void oneshotDeliversOneValueAndReportsCancellation() {
        Oneshot<String> o = Channels.oneshot();
        assertTrue(o.send("v"));
        assertFalse(o.send("w"));
        assertEquals("v", o.receiver().join());
        Oneshot<String> closed = Channels.oneshot();
        closed.close();
        assertInstanceOf(ChannelClosedException.class, Promise.causeOf(closed.receiver()));
        Oneshot<String> abandoned = Channels.oneshot();
        abandoned.receiver().cancel(false);
        assertTrue(abandoned.isCancelled());
        assertFalse(abandoned.send("too late"));
    }

    @Test
    void tryReceiveWhileANextIsPendingIsRefused() {
        Channel<Integer> ch = Channels.mpsc(1);
        ch.receiver().next();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> ch.receiver().tryReceive());
    }
}
