package org.dunlin.properties.futures;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dunlin.futures.Outcome;
import org.dunlin.futures.Promise;

/**
 * Functor and monad laws of {@link Promise#map} and {@link Promise#andThen}, over sources that are
 * completed before or after the combinator is applied, succeed or fail, and continuation functions that
 * return completed, pending or failed futures (and sometimes throw).
 */
class PromiseLawsProperties {

    /** A function under test: affine arithmetic that sometimes throws. */
    record Fn(int mul, int add, boolean throwsOnOdd) implements Function<Integer, Integer> {
        static final RuntimeException THROWN = new IllegalStateException("odd");

        @Override
        public Integer apply(Integer x) {
            if (throwsOnOdd && (x & 1) != 0) {
                throw THROWN;
            }
            return x * mul + add;
        }
    }

    /** A continuation: a future of {@code fn(x)}, completed now or a moment later, or failed. */
    record AsyncFn(Fn fn, int kind) implements Function<Integer, CompletionStage<Integer>> {
        static final Exception FAILED = new Exception("async failure");

        @Override
        public CompletionStage<Integer> apply(Integer x) {
            Integer y = fn.apply(x);
            switch (kind) {
                case 0:
                    return Promise.completed(y);
                case 1:
                    return Promise.failed(FAILED);
                default:
                    Promise<Integer> later = new Promise<>();
                    Thread t = new Thread(() -> later.complete(y));
                    t.start();
                    return later;
            }
        }
    }

    @Provide
    Arbitrary<Sources> sources() {
        return Sources.any();
    }

    @Provide
    Arbitrary<Fn> fns() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(-3, 3), Arbitraries.integers().between(-50, 50),
                Arbitraries.integers().between(0, 3)).as((m, a, t) -> new Fn(m, a, t == 0));
    }

    @Provide
    Arbitrary<AsyncFn> asyncFns() {
        return net.jqwik.api.Combinators.combine(fns(), Arbitraries.integers().between(0, 9))
                .as((f, k) -> new AsyncFn(f, k < 6 ? 0 : k < 8 ? 1 : 2));
    }

    private static <T> Outcome<T> settle(Promise<T> p) {
        p.handle((v, x) -> null).join();
        return Sources.outcome(p);
    }

    @Property
    boolean mapIdentity(@ForAll("sources") Sources s) {
        return settle(s.apply(p -> p.map(x -> x))).equals(settle(s.apply(p -> p)));
    }

    @Property
    boolean mapComposition(@ForAll("sources") Sources s, @ForAll("fns") Fn f, @ForAll("fns") Fn g) {
        Outcome<Integer> twoSteps = settle(s.apply(p -> p.map(f).map(g)));
        Outcome<Integer> composed = settle(s.apply(p -> p.map(f.andThen(g))));
        return twoSteps.equals(composed);
    }

    @Property
    boolean failureShortCircuitsMap(@ForAll("sources") Sources s, @ForAll("fns") Fn f) {
        AtomicInteger calls = new AtomicInteger();
        Sources failing = new Sources(s.completeFirst(), true, s.value());
        Outcome<Integer> out = settle(failing.apply(p -> p.map(x -> {
            calls.incrementAndGet();
            return f.apply(x);
        })));
        return calls.get() == 0 && out.equals(Outcome.failure(Sources.BOOM));
    }

    @Property
    boolean andThenLeftIdentity(@ForAll int a, @ForAll("asyncFns") AsyncFn f) {
        Outcome<Integer> bound = settle(Promise.completed(a).andThen(f));
        Outcome<Integer> direct;
        try {
            direct = settle(Promise.from(f.apply(a)));
        } catch (RuntimeException thrown) {
            direct = Outcome.failure(thrown);
        }
        return bound.equals(direct);
    }

    @Property
    boolean andThenRightIdentity(@ForAll("sources") Sources s) {
        return settle(s.apply(p -> p.andThen(Promise::completed))).equals(settle(s.apply(p -> p)));
    }

    @Property
    boolean andThenAssociativity(@ForAll("sources") Sources s, @ForAll("asyncFns") AsyncFn f, @ForAll("asyncFns") AsyncFn g) {
        Outcome<Integer> left = settle(s.apply(p -> p.andThen(f).andThen(g)));
        Outcome<Integer> right = settle(s.apply(p -> p.andThen(x -> Promise.from(f.apply(x)).andThen(g))));
        return left.equals(right);
    }

    @Property
    boolean mapIsAndThenOfCompleted(@ForAll("sources") Sources s, @ForAll("fns") Fn f) {
        Outcome<Integer> viaMap = settle(s.apply(p -> p.map(f)));
        Outcome<Integer> viaBind = settle(s.apply(p -> p.andThen(x -> Promise.completed(f.apply(x)))));
        return viaMap.equals(viaBind);
    }
}
