package org.dunlin.futures;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Asynchronous memoization keyed by {@code K}: {@link #get} returns a promise of the loader's value for
 * the key, and concurrent requests for the same key share one computation (they are
 * {@linkplain Shared subscribers} of it: one caller's cancel does not disturb the others; the computation
 * is cancelled, and forgotten, when all of them cancel).
 *
 * <p>A value is kept for a time-to-live computed per entry from the moment it arrives (a DNSKEY set for
 * its record TTL, say); failures are never kept unless {@link Builder#cacheFailures} asks for it, and
 * cancellations never are. At most {@link Builder#maxSize} entries are held (pending ones included); the
 * least recently used goes first. Expired entries are dropped when next requested or evicted. Time comes
 * from an injected {@link Ticker}.
 *
 * <p>Thread-safe. The loader runs on the thread of the first {@code get} for a key, outside any lock;
 * callers' promises complete on the thread that completes the loader's future (or the caller's, on a hit).
 *
 * <pre>{@code
 * Memoizer<Name, DnskeySet> keys = Memoizer.builder((Name zone) -> fetchDnskeys(zone))
 *         .ttl((zone, set) -> set.ttl())
 *         .maxSize(10_000)
 *         .build();
 * Promise<DnskeySet> k = keys.get(zone);
 * }</pre>
 */
public final class Memoizer<K, V> {
    private final Function<? super K, ? extends CompletionStage<V>> loader;
    private final BiFunction<? super K, ? super V, Duration> ttl;
    private final Duration failureTtl;
    private final int maxSize;
    private final Ticker ticker;
    private final Object lock = new Object();
    private final Map<K, Entry<V>> entries;

    private Memoizer(Builder<K, V> b) {
        this.loader = b.loader;
        this.ttl = b.ttl;
        this.failureTtl = b.failureTtl;
        this.maxSize = b.maxSize;
        this.ticker = b.ticker;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Memoizer.Entry<V>> eldest) {
                return size() > maxSize;
            }
        };
    }

    /**
     * A builder for a memoizer of {@code loader}; defaults: values kept until evicted, failures not
     * kept, at most 10,000 entries, the system clock.
     */
    public static <K, V> Builder<K, V> builder(Function<? super K, ? extends CompletionStage<V>> loader) {
        return new Builder<>(Objects.requireNonNull(loader, "loader"));
    }

    /**
     * Returns a promise of the value for {@code key}: a kept value, a subscription to the computation in
     * flight, or a new computation. Cancelling the promise unsubscribes this caller only.
     */
    public Promise<V> get(K key) {
        Objects.requireNonNull(key, "key");
        long now = ticker.nanoTime();
        Entry<V> e;
        synchronized (lock) {
            e = entries.get(key);
            if (e != null && e.settled && now - e.expiresAt >= 0) {
                entries.remove(key);
                e = null;
            }
            if (e == null) {
                Entry<V> fresh = new Entry<>();
                fresh.shared = Shared.lazy(() -> load(key), (v, x) -> settled(key, fresh, v, x));
                entries.put(key, fresh);
                e = fresh;
            }
        }
        return e.shared.subscribe();
    }

    /** Forgets the entry for {@code key}; a computation in flight goes on for its subscribers. */
    public void invalidate(K key) {
        synchronized (lock) {
            entries.remove(key);
        }
    }

    /** Forgets every entry. */
    public void invalidateAll() {
        synchronized (lock) {
            entries.clear();
        }
    }

    /** The number of entries held, pending and expired-but-not-yet-dropped ones included. */
    public int size() {
        synchronized (lock) {
            return entries.size();
        }
    }

    @Override
    public String toString() {
        return "Memoizer[" + size() + "/" + maxSize + " entries]";
    }

    private CompletionStage<V> load(K key) {
        CompletionStage<V> s = loader.apply(key);
        return s != null ? s : Promise.failed(new NullPointerException("memoizer loader returned null for " + key));
    }

    /** Runs before any subscriber sees the outcome, so a retry from a subscriber finds the entry updated. */
    private void settled(K key, Entry<V> e, V value, Throwable cause) {
        long keepNanos;
        if (cause == null) {
            Duration d;
            try {
                d = ttl.apply(key, value);
            } catch (RuntimeException x) {
                d = Duration.ZERO;
            }
            keepNanos = d == null ? 0 : TimerHeap.delayNanos(d);
        } else if (failureTtl != null && !(cause instanceof CancellationException)) {
            keepNanos = TimerHeap.delayNanos(failureTtl);
        } else {
            keepNanos = 0;
        }
        long now = ticker.nanoTime();
        synchronized (lock) {
            if (entries.get(key) != e) {
                return;
            }
            if (keepNanos <= 0) {
                entries.remove(key);
            } else {
                e.expiresAt = now + keepNanos;
                e.settled = true;
            }
        }
    }

    /** One key's computation and its expiry; guarded by the memoizer's lock. */
    private static final class Entry<V> {
        Shared<V> shared;
        boolean settled;
        long expiresAt;
    }

    /** Builds a {@link Memoizer}; not thread-safe. */
    public static final class Builder<K, V> {
        private final Function<? super K, ? extends CompletionStage<V>> loader;
        private BiFunction<? super K, ? super V, Duration> ttl = (k, v) -> Duration.ofNanos(Long.MAX_VALUE);
        private Duration failureTtl;
        private int maxSize = 10_000;
        private Ticker ticker = Ticker.SYSTEM;

        private Builder(Function<? super K, ? extends CompletionStage<V>> loader) {
            this.loader = loader;
        }

        /** Keeps every value for {@code ttl} after it arrives; zero means not at all (calls still coalesce). */
        public Builder<K, V> ttl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            return ttl((k, v) -> ttl);
        }

        /** Keeps each value for the time {@code ttl} computes for it; zero or {@code null} means not at all. */
        public Builder<K, V> ttl(BiFunction<? super K, ? super V, Duration> ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** Also keeps failures (never cancellations), for {@code ttl}: negative caching. */
        public Builder<K, V> cacheFailures(Duration ttl) {
            this.failureTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** Holds at most {@code maxSize} entries, evicting the least recently used; {@code maxSize >= 1}. */
        public Builder<K, V> maxSize(int maxSize) {
            if (maxSize < 1) {
                throw new IllegalArgumentException("maxSize must be at least 1: " + maxSize);
            }
            this.maxSize = maxSize;
            return this;
        }

        /** The clock for time-to-live (a {@link ManualTimer} in tests). */
        public Builder<K, V> ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        public Memoizer<K, V> build() {
            return new Memoizer<>(this);
        }
    }
}
