package org.dunlin.futures;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * fold, forEach and collect: a {@link PullLoop} that owns the stream. It closes the stream when it ends
 * (end, failure, or cancel of its promise).
 */
final class Terminal<T, A> extends PullLoop<T> {
    private final Promise<Object> result = new Promise<>();
    private final BiFunction<Object, ? super T, Object> step;
    private final Function<Object, Object> finish;
    private Object acc;

    @SuppressWarnings("unchecked")
    private Terminal(AsyncStream<T> source, Object initial, BiFunction<?, ? super T, ?> step, Function<?, ?> finish) {
        super(source);
        this.acc = initial;
        this.step = (BiFunction<Object, ? super T, Object>) step;
        this.finish = (Function<Object, Object>) finish;
    }

    @SuppressWarnings("unchecked")
    static <T, R> Promise<R> fold(AsyncStream<T> source, R initial, BiFunction<? super R, ? super T, ? extends R> fn) {
        Terminal<T, R> t = new Terminal<>(source, initial, fn, Function.identity());
        return (Promise<R>) t.start();
    }

    @SuppressWarnings("unchecked")
    static <T, A, R> Promise<R> collect(AsyncStream<T> source, Collector<? super T, A, R> collector) {
        A container;
        try {
            container = collector.supplier().get();
        } catch (Throwable x) {
            source.close();
            return Promise.failed(x);
        }
        BiConsumer<A, ? super T> add = collector.accumulator();
        BiFunction<A, T, A> step = (a, item) -> {
            add.accept(a, item);
            return a;
        };
        Function<A, R> finish = collector.characteristics().contains(Collector.Characteristics.IDENTITY_FINISH)
                ? a -> (R) a : collector.finisher();
        Terminal<T, A> t = new Terminal<>(source, container, step, finish);
        return (Promise<R>) t.start();
    }

    private Promise<Object> start() {
        result.setUpstream(this);
        run(null);
        return result;
    }

    @Override
    boolean stopped() {
        return result.isDone();
    }

    @Override
    boolean onItem(T item) {
        acc = step.apply(acc, item);
        return true;
    }

    @Override
    void onEnd() {
        Object r;
        try {
            r = finish.apply(acc);
        } catch (Throwable x) {
            onFailure(x);
            return;
        }
        acc = null;
        source.close();
        result.settle(r, null);
    }

    @Override
    void onFailure(Throwable cause) {
        acc = null;
        source.close();
        result.settle(null, cause);
    }

    /** Cancelling a terminal operation closes the stream; items in flight no longer matter. */
    @Override
    Object acquireCancel() {
        return ALLOW;
    }

    @Override
    Object cancelSources() {
        source.close();
        return null;
    }
}
