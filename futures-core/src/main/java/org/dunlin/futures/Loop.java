package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The trampoline behind {@link Futures#loop}. Steps whose future is already complete run in a plain
 * {@code for} loop; a pending step registers this object as its callback and returns, and the callback
 * resumes the loop on the completing thread. A callback that fires while its registration is still on
 * the stack (the step completed in between) only records the outcome, and the registering frame carries
 * on: so the stack depth stays constant whatever mix of synchronous and asynchronous steps occurs.
 */
final class Loop<S> extends Link implements BiConsumer<S, Throwable> {
    private static final VarHandle PHASE;

    static {
        try {
            PHASE = MethodHandles.lookup().findVarHandle(Loop.class, "phase", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int REGISTERING = 1;
    private static final int FIRED_EARLY = 2;
    private static final int WAITING = 3;

    private final Promise<S> result = new Promise<>();
    private final Predicate<? super S> condition;
    private final Function<? super S, ? extends CompletionStage<S>> body;
    private volatile CompletionStage<S> current;
    @SuppressWarnings("unused") // via PHASE
    private volatile int phase;
    private S earlyValue;
    private Throwable earlyFailure;

    private Loop(Predicate<? super S> condition, Function<? super S, ? extends CompletionStage<S>> body) {
        this.condition = condition;
        this.body = body;
    }

    static <S> Promise<S> start(S initial, Predicate<? super S> condition,
            Function<? super S, ? extends CompletionStage<S>> body) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(body, "body");
        Loop<S> loop = new Loop<>(condition, body);
        loop.result.setUpstream(loop);
        loop.run(initial);
        return loop.result;
    }

    private void run(S state) {
        for (;;) {
            if (result.isDone()) {
                return;
            }
            CompletionStage<S> step;
            try {
                if (!condition.test(state)) {
                    current = null;
                    result.settle(state, null);
                    return;
                }
                step = body.apply(state);
            } catch (Throwable x) {
                current = null;
                result.settle(null, x);
                return;
            }
            if (step == null) {
                result.settle(null, new NullPointerException("loop body returned null"));
                return;
            }
            current = step;
            if (step instanceof CompletableFuture) {
                CompletableFuture<S> f = (CompletableFuture<S>) step;
                if (f.isDone() && !f.isCompletedExceptionally()) {
                    state = f.getNow(null);
                    continue;
                }
            }
            phase = REGISTERING;
            Promise.listenStage(step, this);
            if (PHASE.compareAndSet(this, REGISTERING, WAITING)) {
                return;
            }
            // The step completed during registration: continue here instead of nesting.
            Throwable x = earlyFailure;
            state = earlyValue;
            earlyValue = null;
            earlyFailure = null;
            if (x != null) {
                current = null;
                result.settle(null, x);
                return;
            }
        }
    }

    @Override
    public void accept(S value, Throwable failure) {
        earlyValue = value;
        earlyFailure = failure;
        if (PHASE.compareAndSet(this, REGISTERING, FIRED_EARLY)) {
            return;
        }
        earlyValue = null;
        earlyFailure = null;
        if (failure != null) {
            current = null;
            result.settle(null, failure);
        } else {
            run(value);
        }
    }

    @Override
    Object cancelSources() {
        Object c = current;
        current = null;
        Promise.cancelStage(c);
        return null;
    }

    @Override
    public String toString() {
        return "loop waiting on " + describe(current);
    }
}
