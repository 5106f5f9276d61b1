package org.dunlin.dns.resolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.futures.Ticker;

/**
 * The stub resolver's cache of outcomes by question: answers, negative answers (RFC 2308) and, if the
 * policy asks, failures.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>TTLs count down.</b> A hit returns the records with the TTL they have left: the stored TTL
 *       minus the whole seconds elapsed since they were stored (RFC 1035 §7.4; a decayed TTL is a new
 *       {@link Record}).</li>
 *   <li><b>Never expired.</b> An entry lives for the smallest TTL among its records; from that instant on
 *       it is a miss. Every record a hit returns has at least 1 second left.</li>
 *   <li><b>TTL policy on the way in.</b> A TTL with the top bit set counts as 0 (RFC 2181 §8); TTLs are
 *       clamped to the policy's {@code [minTtl, maxTtl]}; an outcome whose TTL is 0 is not stored.
 *       Negative answers live for {@code min(SOA TTL, SOA MINIMUM)} (RFC 2308 §5), at most
 *       {@code maxNegativeTtl}, and are not stored without an SOA; the SOA returned carries the
 *       remaining negative TTL.</li>
 *   <li><b>Bounded.</b> Never more than {@link CachePolicy#maxEntries()} entries: inserting into a full
 *       cache first evicts one, chosen by the CLOCK algorithm (expired entries first, then entries not
 *       read since the hand last passed).</li>
 * </ul>
 *
 * <p>Thread-safe. Reads take no lock (a {@link ConcurrentHashMap} lookup and a clock reading); writes
 * are serialized by a private monitor. Time comes from the injected {@link Ticker}.
 */
public final class DnsCache {
    /*
     * Design. The map holds the entries; the CLOCK "ring" is an array list of the same entries, each
     * knowing its slot. Writers (puts happen once per network answer, rarely compared with reads) hold
     * the monitor, so the size bound is exact: an insert into a full cache evicts before it adds. A
     * read sets the entry's reference bit, a benign race. The hand sweeps at most two turns: the first
     * clears reference bits, so the second finds a victim.
     */
    private static final long NANOS = 1_000_000_000L;

    private final CachePolicy policy;
    private final Ticker ticker;
    private final ConcurrentHashMap<Key, Entry> map = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final ArrayList<Entry> ring = new ArrayList<>();
    private final ArrayList<Integer> freeSlots = new ArrayList<>();
    private int hand;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    /** A cache following {@code policy}, reading time from {@code ticker}. */
    public DnsCache(CachePolicy policy, Ticker ticker) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    /** The policy. */
    public CachePolicy policy() {
        return policy;
    }

    /** The outcome stored for {@code question} with its TTLs decayed, or empty if none is live. */
    public Optional<LookupResult<Record>> get(Question question) {
        Entry e = map.get(new Key(question.name(), question.type(), question.rrClass()));
        if (e == null) {
            misses.increment();
            return Optional.empty();
        }
        long now = ticker.nanoTime();
        if (now - e.expiresAt >= 0) {
            misses.increment();
            return Optional.empty();
        }
        if (!e.referenced) {
            e.referenced = true; // written only when it changes: hot entries stay shared in every core's cache
        }
        hits.increment();
        return Optional.of(e.decayed((now - e.storedAt) / NANOS));
    }

    /**
     * Stores {@code result} as the outcome for {@code question}, replacing any (an outcome the policy
     * does not keep, such as a TTL of 0, still removes the old one), and returns the outcome as a hit would return it now: TTLs clamped, a negative answer's SOA with the
     * negative TTL of RFC 2308 §5 — whether it was stored or not. Timeouts are never stored.
     */
    public LookupResult<Record> put(Question question, LookupResult<Record> result) {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(result, "result");
        long now = ticker.nanoTime();
        Entry e = prepare(new Key(question.name(), question.type(), question.rrClass()), result, now);
        if (!policy.enabled()) {
            return e.result;
        }
        if (e.expiresAt == e.storedAt) {
            // not kept, and it replaces whatever was kept for the question: the latest outcome wins
            synchronized (lock) {
                Entry old = map.remove(e.key);
                if (old != null) {
                    free(old);
                }
            }
            return e.result;
        }
        synchronized (lock) {
            Entry old = map.get(e.key);
            if (old != null) {
                e.slot = old.slot;
                ring.set(e.slot, e);
                map.put(e.key, e);
                return e.result;
            }
            if (map.size() >= policy.maxEntries()) {
                evictOne(e.storedAt);
            }
            if (!freeSlots.isEmpty()) {
                e.slot = freeSlots.remove(freeSlots.size() - 1);
                ring.set(e.slot, e);
            } else {
                e.slot = ring.size();
                ring.add(e);
            }
            map.put(e.key, e);
            return e.result;
        }
    }

    /** Forgets the outcome for {@code question}. */
    public void invalidate(Question question) {
        synchronized (lock) {
            Entry e = map.remove(new Key(question.name(), question.type(), question.rrClass()));
            if (e != null) {
                free(e);
            }
        }
    }

    /** Forgets everything. */
    public void clear() {
        synchronized (lock) {
            map.clear();
            ring.clear();
            freeSlots.clear();
            hand = 0;
        }
    }

    /** The number of entries held (expired ones not yet evicted included); never above the bound. */
    public int size() {
        return map.size();
    }

    /** Reads that found a live entry. */
    public long hits() {
        return hits.sum();
    }

    /** Reads that found nothing live. */
    public long misses() {
        return misses.sum();
    }

    /** Entries evicted to make room. */
    public long evictions() {
        return evictions.sum();
    }

    @Override
    public String toString() {
        return "DnsCache[" + map.size() + "/" + policy.maxEntries() + " entries, " + hits.sum() + " hits, "
                + misses.sum() + " misses]";
    }

    /** Under the lock: removes one entry, expired or unreferenced, moving the hand. */
    private void evictOne(long now) {
        int n = ring.size();
        for (int step = 0; step < 2 * n + 1; step++) {
            if (hand >= n) {
                hand = 0;
            }
            Entry e = ring.get(hand);
            hand++;
            if (e == null) {
                continue;
            }
            if (now - e.expiresAt >= 0 || !e.referenced) {
                map.remove(e.key);
                free(e);
                evictions.increment();
                return;
            }
            e.referenced = false;
        }
        throw new AssertionError("CLOCK found no victim in a full cache");
    }

    private void free(Entry e) {
        ring.set(e.slot, null);
        freeSlots.add(e.slot);
    }

    // ------------------------------------------------------------------------------------------------
    // TTL policy

    /** The entry for {@code result} with clamped TTLs; it expires at once if it must not be kept. */
    private Entry prepare(Key key, LookupResult<Record> result, long now) {
        long ttl;
        LookupResult<Record> stored;
        if (result instanceof LookupResult.Answer<Record> a) {
            if (a.records().isEmpty()) {
                return new Entry(key, result, now, now); // host-table answers have no TTL to keep them by
            }
            List<Record> records = clamp(a.records(), maxSeconds(policy.maxTtl()));
            List<Record> chain = clamp(a.chain(), maxSeconds(policy.maxTtl()));
            ttl = Math.min(minTtl(records), minTtl(chain));
            stored = records == a.records() && chain == a.chain() && ttl == a.ttl() && a.values() == a.records() ? a
                    : new LookupResult.Answer<>(a.name(), a.canonicalName(), records, records, chain, ttl, a.authenticated());
        } else if (result instanceof LookupResult.NxDomain<Record> nx) {
            Optional<Record> soa = negativeSoa(nx.soa());
            List<Record> chain = clamp(nx.chain(), maxSeconds(policy.maxTtl()));
            stored = new LookupResult.NxDomain<>(nx.name(), chain, soa);
            // RFC 2308 §5: without an SOA a negative answer is not cached
            ttl = soa.isEmpty() ? 0 : Math.min(soa.get().ttl(), minTtl(chain));
        } else if (result instanceof LookupResult.NoData<Record> nd) {
            Optional<Record> soa = negativeSoa(nd.soa());
            List<Record> chain = clamp(nd.chain(), maxSeconds(policy.maxTtl()));
            stored = new LookupResult.NoData<>(nd.name(), chain, soa);
            ttl = soa.isEmpty() ? 0 : Math.min(soa.get().ttl(), minTtl(chain));
        } else if (result instanceof LookupResult.Timeout) {
            return new Entry(key, result, now, now);
        } else {
            ttl = policy.failureTtl().toSeconds();
            stored = result;
        }
        return new Entry(key, stored, now, ttl <= 0 ? now : now + ttl * NANOS);
    }

    /** RFC 2308 §5: the negative TTL is the smaller of the SOA's TTL and its MINIMUM field. */
    private Optional<Record> negativeSoa(Optional<Record> soa) {
        if (soa.isEmpty() || !(soa.get().rdata() instanceof SoaRdata s)) {
            return Optional.empty();
        }
        long t = Math.min(wireTtl(soa.get().ttl()), wireTtl(s.minimum()));
        t = Math.max(policy.minTtl().toSeconds(), Math.min(t, maxSeconds(policy.maxNegativeTtl())));
        return Optional.of(soa.get().withTtl(t));
    }

    private List<Record> clamp(List<Record> records, long max) {
        long min = policy.minTtl().toSeconds();
        List<Record> out = null;
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            long t = Math.max(min, Math.min(wireTtl(r.ttl()), max));
            if (t != r.ttl() && out == null) {
                out = new ArrayList<>(records.subList(0, i));
            }
            if (out != null) {
                out.add(r.withTtl(t));
            }
        }
        return out == null ? records : out; // the common case: every TTL within bounds, nothing copied
    }

    private static long maxSeconds(java.time.Duration d) {
        return Math.min(d.toSeconds(), Integer.MAX_VALUE);
    }

    /** RFC 2181 §8: a TTL with the most significant bit set is treated as zero. */
    private static long wireTtl(long ttl) {
        return ttl >= 1L << 31 ? 0 : ttl;
    }

    private static long minTtl(List<Record> records) {
        long m = Long.MAX_VALUE;
        for (Record r : records) {
            m = Math.min(m, r.ttl());
        }
        return m;
    }

    private static List<Record> decay(List<Record> records, long elapsed) {
        if (records.isEmpty() || elapsed == 0) {
            return records;
        }
        List<Record> out = new ArrayList<>(records.size());
        for (Record r : records) {
            out.add(r.withTtl(r.ttl() - elapsed));
        }
        return out;
    }

    private record Key(Name name, RRType type, RRClass rrClass) {
    }

    private static final class Entry {
        final Key key;
        final LookupResult<Record> result;
        final long storedAt;
        final long expiresAt;
        volatile boolean referenced;
        int slot;

        Entry(Key key, LookupResult<Record> result, long storedAt, long expiresAt) {
            this.key = key;
            this.result = result;
            this.storedAt = storedAt;
            this.expiresAt = expiresAt;
        }

        /** The outcome with {@code elapsed} whole seconds taken off every TTL (the entry is live). */
        LookupResult<Record> decayed(long elapsed) {
            if (elapsed == 0) {
                return result;
            }
            if (result instanceof LookupResult.Answer<Record> a) {
                List<Record> records = decay(a.records(), elapsed);
                return new LookupResult.Answer<>(a.name(), a.canonicalName(), records, records,
                        decay(a.chain(), elapsed), a.ttl() - elapsed, a.authenticated());
            }
            if (result instanceof LookupResult.NxDomain<Record> nx) {
                return new LookupResult.NxDomain<>(nx.name(), decay(nx.chain(), elapsed),
                        nx.soa().map(s -> s.withTtl(s.ttl() - elapsed)));
            }
            if (result instanceof LookupResult.NoData<Record> nd) {
                return new LookupResult.NoData<>(nd.name(), decay(nd.chain(), elapsed),
                        nd.soa().map(s -> s.withTtl(s.ttl() - elapsed)));
            }
            return result;
        }
    }
}
