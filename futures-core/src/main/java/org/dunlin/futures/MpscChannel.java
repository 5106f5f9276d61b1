package org.dunlin.futures;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bounded multi-producer single-consumer channel behind {@link Channels#mpsc}.
 *
 * <p>Design: one lock guards the buffer (at most {@code capacity} accepted items), the queue of parked
 * sends (items waiting for room, in arrival order) and the receiver's waiting {@link Handoff}. Nobody's
 * continuation ever runs under the lock: a send that finds the receiver waiting claims its handoff under
 * the lock and completes it after; a receive that frees a slot moves the first parked item into the
 * buffer and completes that send's promise after. Handoffs make cancellation exact: a cancelled receive
 * never swallows an item and a cancelled send is either withdrawn or reported as not cancelled.
 *
 * <p>Order: items enter the buffer (or go to the receiver) in the order their sends took the lock, and a
 * send never overtakes a parked one, so each producer's items arrive in the order it sent them.
 */
final class MpscChannel<T> {
    private static final Promise<Void> SENT = Promise.completed(null);

    private final int capacity;
    private final Object lock = new Object();
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private final ArrayDeque<ParkedSend<T>> parked = new ArrayDeque<>();
    private Handoff<T> waiting;
    private boolean senderClosed;
    private boolean receiverClosed;

    final Sender<T> sender = new SenderEnd();
    final Receiver<T> receiver = new ReceiverEnd();

    MpscChannel(int capacity) {
        this.capacity = capacity;
    }

    /** {@code park}: send (wait for room) or trySend (give up); returns null when trySend gives up. */
    private Promise<Void> offer(T item, boolean park) {
        Objects.requireNonNull(item, "item");
        Handoff<T> to;
        synchronized (lock) {
            for (;;) {
                if (senderClosed || receiverClosed) {
                    return park ? Promise.failed(new ChannelClosedException(
                            receiverClosed ? "the receiver closed the channel" : "the sender closed the channel")) : null;
                }
                to = waiting;
                if (to != null) {
                    waiting = null;
                    if (to.claim()) {
                        break;
                    }
                    continue;
                }
                if (parked.isEmpty() && buffer.size() < capacity) {
                    buffer.addLast(item);
                    return SENT;
                }
                if (!park) {
                    return null;
                }
                ParkedSend<T> ps = new ParkedSend<>(this, item);
                parked.addLast(ps);
                return ps.promise;
            }
        }
        to.promise.settle(item, null);
        return SENT;
    }

    /** Takes the next item, or returns the receiver's handoff to wait on ({@code wait}), or null. */
    private Object receive(boolean wait) {
        T item;
        ParkedSend<T> accepted = null;
        Handoff<T> h = null;
        synchronized (lock) {
            if (waiting != null && waiting.isWaiting()) {
                throw new IllegalStateException("a receive is already pending");
            }
            item = buffer.pollFirst();
            while (!parked.isEmpty()) {
                ParkedSend<T> ps = parked.pollFirst();
                if (!ps.claim()) {
                    continue;
                }
                if (item == null) {
                    item = ps.item;
                } else {
                    buffer.addLast(ps.item);
                }
                accepted = ps;
                break;
            }
            if (item == null && wait && !senderClosed && !receiverClosed) {
                h = new Handoff<>(this::receiveCancelled);
                waiting = h;
            }
        }
        if (accepted != null) {
            accepted.promise.settle(null, null);
        }
        return item != null ? item : h;
    }

    private void receiveCancelled() {
        synchronized (lock) {
            if (waiting != null && !waiting.isWaiting()) {
                waiting = null;
            }
        }
    }

    private void sendCancelled(ParkedSend<T> ps) {
        synchronized (lock) {
            parked.remove(ps);
        }
    }

    private void closeSender() {
        Handoff<T> h = null;
        synchronized (lock) {
            if (senderClosed) {
                return;
            }
            senderClosed = true;
            if (waiting != null && buffer.isEmpty() && parked.isEmpty()) {
                h = waiting;
                waiting = null;
                if (!h.claim()) {
                    h = null;
                }
            }
        }
        if (h != null) {
            h.promise.settle(null, null);
        }
    }

    private void closeReceiver() {
        List<ParkedSend<T>> dropped;
        synchronized (lock) {
            receiverClosed = true;
            buffer.clear();
            dropped = new ArrayList<>(parked);
            parked.clear();
            waiting = null;
        }
        for (ParkedSend<T> ps : dropped) {
            if (ps.claim()) {
                ps.promise.settle(null, new ChannelClosedException("the receiver closed the channel"));
            }
        }
    }

    private String describe() {
        synchronized (lock) {
            return buffer.size() + "/" + capacity + " buffered, " + parked.size() + " sends waiting"
                    + (senderClosed ? ", sender closed" : "") + (receiverClosed ? ", receiver closed" : "");
        }
    }

    /** A send waiting for room. */
    private static final class ParkedSend<T> extends Handoff<Void> {
        final T item;

        private final MpscChannel<T> owner;

        ParkedSend(MpscChannel<T> owner, T item) {
            super(null);
            this.owner = owner;
            this.item = item;
        }

        @Override
        void onCancelled() {
            owner.sendCancelled(this);
        }
    }

    private final class SenderEnd implements Sender<T> {
        @Override
        public Promise<Void> send(T item) {
            return offer(item, true);
        }

        @Override
        public boolean trySend(T item) {
            return offer(item, false) != null;
        }

        @Override
        public void close() {
            closeSender();
        }

        @Override
        public boolean isClosed() {
            synchronized (lock) {
                return senderClosed || receiverClosed;
            }
        }

        @Override
        public String toString() {
            return "Sender[" + describe() + "]";
        }
    }

    private final class ReceiverEnd extends AbstractAsyncStream<T> implements Receiver<T> {
        @Override
        @SuppressWarnings("unchecked")
        protected Promise<T> pull() {
            Object r = receive(true);
            if (r instanceof Handoff) {
                return ((Handoff<T>) r).promise;
            }
            return r == null ? endOfStream() : Promise.completed((T) r);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T tryReceive() {
            Object r = receive(false);
            return r instanceof Handoff ? null : (T) r;
        }

        @Override
        public int size() {
            synchronized (lock) {
                return buffer.size();
            }
        }

        @Override
        protected void onClose() {
            closeReceiver();
        }

        @Override
        public String toString() {
            return "Receiver[" + describe() + "]";
        }
    }
}
