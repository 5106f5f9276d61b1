package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * The stack-safe callback protocol shared by {@link Loop} and {@link PullLoop}. A driver runs the steps
 * whose outcome is ready in a plain loop; for a pending one it calls {@link #register}, which makes this
 * object the stage's callback. A callback that fires while its registration is still on the stack (the
 * stage completed in between) only records the outcome, and {@code register} hands it to the registering
 * frame, which carries on in its loop instead of nesting. A callback that fires later calls
 * {@link #resume} on the completing thread. So the stack depth stays constant whatever mix of synchronous
 * and asynchronous steps occurs.
 *
 * <p>One registration at a time: a driver registers again only after the previous stage's outcome was
 * taken (from {@code register} or in {@code resume}). The phase CAS orders the recorded outcome before
 * the registering frame reads it.
 */
abstract class Trampoline<V> extends Link implements BiConsumer<V, Throwable> {
    private static final VarHandle PHASE =
            FieldHandles.of(MethodHandles.lookup(), Trampoline.class, "phase", int.class);

    private static final int REGISTERING = 1;
    private static final int FIRED_EARLY = 2;
    private static final int WAITING = 3;

    @SuppressWarnings("unused") // via PHASE
    private volatile int phase;
    private V earlyValue;
    private Throwable earlyFailure;

    /**
     * Makes this object {@code stage}'s callback. Returns {@code false} if the stage is still pending: the
     * caller must return, and {@link #resume} runs when the stage completes. Returns {@code true} if the
     * stage completed during the registration: {@code resume} will not run, and the caller carries on
     * with the outcome, taken by {@link #takeEarlyValue()} and {@link #takeEarlyFailure()}.
     */
    final boolean register(CompletionStage<V> stage) {
        phase = REGISTERING;
        Promise.listenStage(stage, this);
        return !PHASE.compareAndSet(this, REGISTERING, WAITING);
    }

    /** After {@link #register} returned {@code true}: the value the stage completed with; forgets it. */
    final V takeEarlyValue() {
        V v = earlyValue;
        earlyValue = null;
        return v;
    }

    /**
     * After {@link #register} returned {@code true}: the (possibly wrapped) cause the stage failed with,
     * or {@code null} if it succeeded; forgets it.
     */
    final Throwable takeEarlyFailure() {
        Throwable x = earlyFailure;
        earlyFailure = null;
        return x;
    }

    /**
     * The stage of a {@link #register} that returned {@code false} completed: carry on, on the completing
     * thread. {@code failure} is as the callback received it (possibly wrapped), {@code null} on success.
     */
    abstract void resume(V value, Throwable failure);

    @Override
    public final void accept(V value, Throwable failure) {
        earlyValue = value;
        earlyFailure = failure;
        if (PHASE.compareAndSet(this, REGISTERING, FIRED_EARLY)) {
            return;
        }
        earlyValue = null;
        earlyFailure = null;
        resume(value, failure);
    }
}
