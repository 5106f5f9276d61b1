package org.dunlin.futures;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The trampoline behind {@link Futures#loop}. Steps whose future is already complete run in a plain
 * {@code for} loop; a pending step registers this object as its callback and returns, and the callback
 * resumes the loop on the completing thread. A callback that fires while its registration is still on
 * the stack (the step completed in between) only records the outcome, and the registering frame carries
 * on: so the stack depth stays constant whatever mix of synchronous and asynchronous steps occurs (the
 * protocol is {@link Trampoline}'s).
 */
final class Loop<S> extends Trampoline<S> {
    private final Promise<S> result = new Promise<>();
    private final Predicate<? super S> condition;
    private final Function<? super S, ? extends CompletionStage<S>> body;
    private volatile CompletionStage<S> current;

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
            if (!register(step)) {
                return;
            }
            // The step completed during registration: continue here instead of nesting.
            Throwable x = takeEarlyFailure();
            state = takeEarlyValue();
            if (x != null) {
                current = null;
                result.settle(null, x);
                return;
            }
        }
    }

    @Override
    void resume(S value, Throwable failure) {
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
