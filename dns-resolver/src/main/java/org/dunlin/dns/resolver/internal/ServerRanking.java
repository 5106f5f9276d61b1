package org.dunlin.dns.resolver.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Orders a resolver's name servers by smoothed round-trip time, as BIND does: each response folds its
 * RTT into the server's SRTT (7/10 old, 3/10 new); a timeout or error doubles it (capped), so a dead
 * server sinks; and every time a server is passed over its SRTT shrinks by 2 %, so a server that
 * recovered is tried again before long. Servers start in configured order (SRTT 0, 1, 2 µs...), so the
 * first {@code nameserver} is asked first until measurements say otherwise. With {@code rotate}
 * (resolv.conf) the order ignores SRTT and starts one further on each query.
 *
 * <p>Thread-safe: SRTTs are atomics updated without locks (a lost update only blurs an average).
 */
public final class ServerRanking {
    private static final long MAX_SRTT_MICROS = 30_000_000L;
    private static final List<Integer> ONLY = List.of(0);

    private final int size;
    private final boolean rotate;
    private final AtomicLongArray srttMicros;
    private final AtomicInteger next = new AtomicInteger();

    public ServerRanking(int size, boolean rotate) {
        this.size = size;
        this.rotate = rotate;
        this.srttMicros = new AtomicLongArray(size);
        for (int i = 0; i < size; i++) {
            srttMicros.set(i, i);
        }
    }

    /** The server indices in the order to try them for one query. */
    public List<Integer> order() {
        if (size == 1) {
            return ONLY;
        }
        List<Integer> out = new ArrayList<>(size);
        if (rotate) {
            int start = Math.floorMod(next.getAndIncrement(), size);
            for (int i = 0; i < size; i++) {
                out.add((start + i) % size);
            }
            return out;
        }
        for (int i = 0; i < size; i++) {
            out.add(i);
        }
        if (size > 1) {
            out.sort(Comparator.comparingLong(srttMicros::get));
            for (int i = 1; i < size; i++) {
                int s = out.get(i);
                long v = srttMicros.get(s);
                srttMicros.compareAndSet(s, v, v * 98 / 100);
            }
        }
        return out;
    }

    /** A response from server {@code i} after {@code rttNanos}. */
    public void answered(int i, long rttNanos) {
        long rtt = Math.max(1, rttNanos / 1000);
        long v = srttMicros.get(i);
        srttMicros.set(i, Math.min(MAX_SRTT_MICROS, (v * 7 + rtt * 3) / 10));
    }

    /** Server {@code i} timed out or failed after waiting {@code waitedNanos}. */
    public void failed(int i, long waitedNanos) {
        long v = srttMicros.get(i);
        srttMicros.set(i, Math.min(MAX_SRTT_MICROS, Math.max(v * 2, waitedNanos / 1000)));
    }

    /** The SRTT of server {@code i}, in microseconds (for tests and diagnostics). */
    public long srttMicros(int i) {
        return srttMicros.get(i);
    }
}
