package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A promise that a producer claims before completing it, so that handing over an item and cancelling the
 * promise cannot both win. The producer calls {@link #claim()} (under its own lock, typically) and then
 * completes {@link #promise} outside the lock; once claimed, the promise's {@code cancel} returns
 * {@code false} — through any chain of derived promises — and the item arrives. Once cancelled,
 * {@code claim()} fails and the producer keeps the item. Used by channel receivers, parked sends and the
 * buffering stream operators.
 */
class Handoff<T> extends Link {
    private static final VarHandle STATE = FieldHandles.of(MethodHandles.lookup(), Handoff.class, "state", int.class);

    private static final int WAITING = 0;
    private static final int CLAIMED = 1;
    private static final int CANCELLED = 2;

    final Promise<T> promise = new Promise<>();
    private final Runnable onCancel;
    @SuppressWarnings("unused") // via STATE
    private volatile int state;

    /** {@code onCancel} runs (on the cancelling thread) after a successful cancel, to forget this handoff. */
    Handoff(Runnable onCancel) {
        this.onCancel = onCancel;
        promise.setUpstream(this);
    }

    /** Takes the right to complete the promise; {@code false} if it was cancelled first. */
    final boolean claim() {
        return STATE.compareAndSet(this, WAITING, CLAIMED);
    }

    /** Whether it is still waiting (neither claimed nor cancelled). */
    final boolean isWaiting() {
        return state == WAITING;
    }

    @Override
    final Object acquireCancel() {
        if (STATE.compareAndSet(this, WAITING, CANCELLED)) {
            return ALLOW;
        }
        return state == CANCELLED ? ALLOW : VETO;
    }

    @Override
    final Object cancelSources() {
        onCancelled();
        return null;
    }

    /** Forgets this handoff after a successful cancel; runs the constructor's callback by default. */
    void onCancelled() {
        if (onCancel != null) {
            onCancel.run();
        }
    }

    @Override
    public String toString() {
        return "handoff[" + (state == WAITING ? "waiting" : state == CLAIMED ? "claimed" : "cancelled") + "]";
    }
}
