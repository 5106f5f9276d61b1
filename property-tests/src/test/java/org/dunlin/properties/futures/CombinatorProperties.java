package org.dunlin.properties.futures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Outcome;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Selected;
import org.dunlin.futures.Shared;

/** Laws of select, joinAll, shared and loop, over every completion order. */
class CombinatorProperties {

    /** n futures completed in a given order; each with a value or a failure. */
    record Race(List<Integer> order, List<Boolean> fails) {
        int size() {
            return order.size();
        }
    }

    @Provide
    Arbitrary<Race> races() {
        return Arbitraries.integers().between(1, 12).flatMap(n -> {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                indices.add(i);
            }
            return net.jqwik.api.Combinators.combine(Arbitraries.shuffle(indices),
                    Arbitraries.integers().between(0, 3).map(x -> x == 0).list().ofSize(n)).as(Race::new);
        });
    }

    private static final Exception[] CAUSES = new Exception[16];

    static {
        for (int i = 0; i < CAUSES.length; i++) {
            CAUSES[i] = new Exception("input " + i);
        }
    }

    private static void complete(Promise<Integer> p, int index, boolean fail) {
        if (fail) {
            p.completeExceptionally(CAUSES[index]);
        } else {
            p.complete(index * 10);
        }
    }

    private static List<Promise<Integer>> inputs(int n) {
        List<Promise<Integer>> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            in.add(new Promise<>());
        }
        return in;
    }

    @Property
    boolean selectReturnsTheFirstCompletionForEveryOrder(@ForAll("races") Race race) {
        List<Promise<Integer>> in = inputs(race.size());
        Promise<Selected<Integer>> sel = Futures.selectAll(in);
        int first = race.order().get(0);
        for (int i : race.order()) {
            complete(in.get(i), i, race.fails().get(i));
        }
        Selected<Integer> s = sel.join();
        Outcome<Integer> expected = race.fails().get(first) ? Outcome.failure(CAUSES[first]) : Outcome.success(first * 10);
        List<Promise<Integer>> rest = new ArrayList<>(in);
        rest.remove(first);
        return s.index() == first && s.outcome().equals(expected) && s.rest().equals(rest)
                && in.stream().noneMatch(Promise::isCancelled);
    }

    @Property
    boolean selectOkReturnsTheFirstSuccessOrAllCauses(@ForAll("races") Race race) {
        List<Promise<Integer>> in = inputs(race.size());
        Promise<Selected<Integer>> sel = Futures.selectOk(in);
        int firstOk = -1;
        for (int i : race.order()) {
            if (firstOk < 0 && !race.fails().get(i)) {
                firstOk = i;
            }
            complete(in.get(i), i, race.fails().get(i));
        }
        if (firstOk >= 0) {
            return sel.join().index() == firstOk && sel.join().value() == firstOk * 10;
        }
        Outcome<Selected<Integer>> out = Sources.outcome(sel);
        org.dunlin.futures.AllFailedException all =
                (org.dunlin.futures.AllFailedException) ((Outcome.Failure<Selected<Integer>>) out).cause();
        for (int i = 0; i < race.size(); i++) {
            if (all.causes().get(i) != CAUSES[i]) {
                return false;
            }
        }
        return true;
    }

    @Property
    boolean joinAllKeepsOrderFailsFastAndCancelsTheRest(@ForAll("races") Race race) {
        List<Promise<Integer>> in = inputs(race.size());
        Promise<List<Integer>> all = Futures.joinAll(in);
        for (int step = 0; step < race.size(); step++) {
            int i = race.order().get(step);
            if (all.isDone()) {
                // after a failure every other input was cancelled
                if (!in.get(i).isCancelled()) {
                    return false;
                }
                continue;
            }
            boolean fail = race.fails().get(i);
            complete(in.get(i), i, fail);
            if (fail) {
                if (!Sources.outcome(all).equals(Outcome.failure(CAUSES[i]))) {
                    return false;
                }
            } else if (all.isDone() != (step == race.size() - 1)) {
                return false;
            }
        }
        if (race.fails().stream().anyMatch(f -> f)) {
            return all.isCompletedExceptionally();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < race.size(); i++) {
            expected.add(i * 10);
        }
        return all.join().equals(expected);
    }

    /** What each subscriber does: subscribe before completion, after it, or subscribe and cancel at once. */
    enum Sub { BEFORE, AFTER, CANCEL }

    /**
     * Model: the source starts with the first subscriber and is cancelled exactly when a cancel leaves no
     * subscriber waiting; every subscriber that did not cancel sees the same outcome (the same cause
     * instance), and the source runs at most once.
     */
    @Property
    boolean sharedRunsOnceAndEverySubscriberSeesTheSameOutcome(
            @ForAll("subscribers") List<Sub> subs, @ForAll boolean fail) {
        AtomicInteger runs = new AtomicInteger();
        Promise<Integer> source = new Promise<>();
        Shared<Integer> shared = Shared.lazy(() -> {
            runs.incrementAndGet();
            return source;
        });
        List<Promise<Integer>> live = new ArrayList<>();
        int waiting = 0;
        boolean modelCancelled = false;
        boolean started = false;
        for (Sub s : subs) {
            if (s == Sub.BEFORE) {
                live.add(shared.subscribe());
                started = true;
                waiting++;
            } else if (s == Sub.CANCEL) {
                shared.subscribe().cancel(false);
                started = true;
                if (waiting == 0) {
                    modelCancelled = true;
                }
            }
            if (source.isCancelled() != modelCancelled) {
                return false;
            }
        }
        if (!modelCancelled) {
            if (fail) {
                source.completeExceptionally(Sources.BOOM);
            } else {
                source.complete(7);
            }
        }
        for (Sub s : subs) {
            if (s == Sub.AFTER) {
                live.add(shared.subscribe());
                started = true;
            }
        }
        if (runs.get() != (started ? 1 : 0)) {
            return false;
        }
        Outcome<Integer> first = null;
        for (Promise<Integer> p : live) {
            Outcome<Integer> o = Sources.outcome(p);
            if (first == null) {
                first = o;
            }
            if (!o.equals(first)) {
                return false;
            }
        }
        Outcome<Integer> expected = fail ? Outcome.failure(Sources.BOOM) : Outcome.success(7);
        return first == null || (modelCancelled ? !first.isSuccess() : first.equals(expected));
    }

    @Provide
    Arbitrary<List<Sub>> subscribers() {
        return Arbitraries.of(Sub.class).list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 20)
    boolean loopIsStackSafe(@ForAll @IntRange(min = 100_000, max = 1_000_000) int steps, @ForAll @IntRange(min = 0, max = 3) int asyncEvery) {
        List<Promise<Integer>> parked = new ArrayList<>();
        Promise<Integer> r = Futures.loop(0, n -> n < steps, n -> {
            if (asyncEvery > 0 && n % (asyncEvery * 50_000) == 0) {
                Promise<Integer> p = new Promise<>();
                parked.add(p);
                return p.map(x -> n + 1);
            }
            return Promise.completed(n + 1);
        });
        while (!r.isDone()) {
            parked.remove(0).complete(0);
        }
        return r.join() == steps;
    }

    /** A step that completes while its completion callback is being registered (the race a trampoline must absorb). */
    static final class CompletesDuringRegistration extends java.util.concurrent.CompletableFuture<Integer> {
        private final int value;

        CompletesDuringRegistration(int value) {
            this.value = value;
        }

        @Override
        public java.util.concurrent.CompletableFuture<Integer> whenComplete(
                java.util.function.BiConsumer<? super Integer, ? super Throwable> action) {
            complete(value);
            return super.whenComplete(action);
        }
    }

    @Property(tries = 10)
    boolean loopIsStackSafeWhenStepsCompleteDuringRegistration(@ForAll @IntRange(min = 100_000, max = 1_000_000) int steps) {
        Promise<Integer> r = Futures.loop(0, n -> n < steps, n -> new CompletesDuringRegistration(n + 1));
        return r.join() == steps;
    }
}
