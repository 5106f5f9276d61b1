package org.dunlin.properties.futures;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Channel;
import org.dunlin.futures.Channels;
import org.dunlin.futures.ManualTimer;
import org.dunlin.futures.Promise;
import org.dunlin.futures.TimeoutAction;

/**
 * {@link AsyncStream#timeout} on virtual time: for any sequence of gaps between items, the stream times
 * out exactly at the first gap that reaches {@code d}, at the very nanosecond the gap reaches it, and
 * never earlier — however long the stream has been running (the clock restarts with every item).
 */
class StreamTimeoutProperties {

    @Provide
    Arbitrary<List<Long>> gapFractions() {
        // each gap as a fraction of d in per-mille: mostly below d (0..999), sometimes at or past it
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(17, Arbitraries.longs().between(0, 999)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1000, 1999)))
                .list().ofMinSize(1).ofMaxSize(40);
    }

    @Property
    boolean timeoutFiresExactlyWhenAGapReachesTheLimit(@ForAll @IntRange(min = 1, max = 5000) int dMillis,
            @ForAll("gapFractions") List<Long> gapPerMille, @ForAll boolean endInsteadOfFail) {
        long d = Duration.ofMillis(dMillis).toNanos();
        ManualTimer timer = new ManualTimer(123_456_789L);
        Channel<Integer> ch = Channels.mpsc(4);
        AsyncStream<Integer> guarded = ch.receiver().timeout(Duration.ofNanos(d), timer,
                endInsteadOfFail ? TimeoutAction.END : TimeoutAction.FAIL);
        for (int i = 0; i < gapPerMille.size(); i++) {
            long gap = d * gapPerMille.get(i) / 1000;
            Promise<Integer> next = guarded.next();
            if (gap < d) {
                timer.advance(Duration.ofNanos(gap));
                if (next.isDone()) {
                    return false;
                }
                ch.sender().trySend(i);
                if (next.join() != i) {
                    return false;
                }
            } else {
                timer.advance(Duration.ofNanos(d - 1));
                if (next.isDone()) {
                    return false;
                }
                timer.advance(Duration.ofNanos(1));
                if (!next.isDone()) {
                    return false;
                }
                boolean right = endInsteadOfFail ? next.join() == null
                        : Promise.unwrap(causeOf(next)) instanceof TimeoutException;
                return right && ch.sender().isClosed() && guarded.next() == next;
            }
        }
        guarded.close();
        return timer.pendingCount() == 0;
    }

    private static Throwable causeOf(Promise<?> p) {
        return p.handle((v, x) -> x).join();
    }
}
