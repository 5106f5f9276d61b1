package org.dunlin.properties.futures;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.dunlin.futures.Channel;
import org.dunlin.futures.Channels;
import org.dunlin.futures.Promise;

/**
 * {@link Channels#mpsc} under any interleaving of sends (waiting for back-pressure or not), non-blocking
 * sends, receives, and cancellations of sends and receives: each sender's items arrive in the order it
 * sent them, no withdrawn item ever arrives, no accepted item is lost or duplicated, and the channel never
 * holds more accepted-but-unreceived items than its capacity.
 */
class MpscProperties {

    enum Kind { SEND, SEND_EAGER, TRY_SEND, RECEIVE, CANCEL_RECEIVE, CANCEL_SEND }

    record Action(Kind kind, int sender) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        return net.jqwik.api.Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 3))
                .as(Action::new).list().ofMinSize(1).ofMaxSize(120);
    }

    private static final class SenderState {
        int nextSeq;
        final ArrayDeque<Object[]> pending = new ArrayDeque<>(); // {seq, Promise<Void>}
        final Set<Integer> withdrawn = new HashSet<>();
        final Set<Integer> accepted = new HashSet<>();
    }

    @Property
    boolean perSenderFifoAndNeverOverCapacity(@ForAll @IntRange(min = 0, max = 4) int capacity,
            @ForAll @IntRange(min = 1, max = 4) int senders, @ForAll("actions") List<Action> actions) {
        Channel<int[]> ch = Channels.mpsc(capacity);
        SenderState[] state = new SenderState[senders];
        for (int i = 0; i < senders; i++) {
            state[i] = new SenderState();
        }
        List<int[]> received = new ArrayList<>();
        Promise<int[]> pendingReceive = null;
        for (Action a : actions) {
            SenderState s = state[a.sender() % senders];
            int id = a.sender() % senders;
            switch (a.kind()) {
                case SEND:
                case SEND_EAGER: {
                    boolean waiting = !s.pending.isEmpty() && !((Promise<?>) s.pending.peekLast()[1]).isDone();
                    if (a.kind() == Kind.SEND && waiting) {
                        break;
                    }
                    int seq = s.nextSeq++;
                    s.pending.addLast(new Object[] {seq, ch.sender().send(new int[] {id, seq})});
                    break;
                }
                case TRY_SEND: {
                    int seq = s.nextSeq;
                    if (ch.sender().trySend(new int[] {id, seq})) {
                        s.nextSeq++;
                        s.accepted.add(seq);
                    }
                    break;
                }
                case RECEIVE:
                    if (pendingReceive == null) {
                        pendingReceive = ch.receiver().next();
                    }
                    break;
                case CANCEL_RECEIVE:
                    if (pendingReceive != null) {
                        pendingReceive.cancel(false);
                    }
                    break;
                default: {
                    Object[] oldest = s.pending.peekFirst();
                    if (oldest != null && ((Promise<?>) oldest[1]).cancel(false)) {
                        s.withdrawn.add((Integer) oldest[0]);
                        s.pending.removeFirst();
                    }
                    break;
                }
            }
            if (pendingReceive != null && pendingReceive.isDone()) {
                if (!pendingReceive.isCancelled()) {
                    received.add(pendingReceive.join());
                }
                pendingReceive = null;
            }
            int acceptedNotReceived = 0;
            for (SenderState st : state) {
                while (!st.pending.isEmpty() && ((Promise<?>) st.pending.peekFirst()[1]).isDone()) {
                    Object[] done = st.pending.removeFirst();
                    Promise<?> p = (Promise<?>) done[1];
                    if (p.isCompletedExceptionally()) {
                        return false;
                    }
                    st.accepted.add((Integer) done[0]);
                }
                acceptedNotReceived += st.accepted.size();
            }
            acceptedNotReceived -= received.size();
            if (acceptedNotReceived > capacity || ch.receiver().size() > capacity) {
                return false;
            }
        }
        // Drain: everything sent before the close arrives, waiting sends included.
        if (pendingReceive != null) {
            pendingReceive.cancel(false);
            if (pendingReceive.isDone() && !pendingReceive.isCancelled()) {
                received.add(pendingReceive.join());
            }
        }
        ch.sender().close();
        received.addAll(ch.receiver().toList().join());
        int[] last = new int[senders];
        java.util.Arrays.fill(last, -1);
        Set<Long> seen = new HashSet<>();
        for (int[] item : received) {
            if (item[1] <= last[item[0]] || !seen.add(((long) item[0] << 32) | item[1])
                    || state[item[0]].withdrawn.contains(item[1])) {
                return false;
            }
            last[item[0]] = item[1];
        }
        int expected = 0;
        for (SenderState st : state) {
            expected += st.nextSeq - st.withdrawn.size();
        }
        return received.size() == expected;
    }
}
