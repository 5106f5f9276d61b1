package org.dunlin.dns.resolver;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DnsCache} keeps answers. Immutable.
 *
 * @param maxEntries     the most questions held at once; 0 disables the cache
 * @param minTtl         TTLs below this are raised to it (0: keep them; a TTL of 0 is then not cached)
 * @param maxTtl         TTLs above this are lowered to it
 * @param maxNegativeTtl the longest a negative answer is kept (RFC 2308 §5 suggests 1 to 3 hours)
 * @param failureTtl     how long SERVFAIL, REFUSED and bogus outcomes are kept (RFC 2308 §7.1 allows up
 *                       to 5 minutes; 0 does not keep them)
 */
public record CachePolicy(int maxEntries, Duration minTtl, Duration maxTtl, Duration maxNegativeTtl, Duration failureTtl) {
    /** 10,000 entries, no minimum, at most one day, negative answers at most 3 hours, failures not kept. */
    public static final CachePolicy DEFAULT = new CachePolicy(10_000, Duration.ZERO, Duration.ofDays(1),
            Duration.ofHours(3), Duration.ZERO);

    /** No cache: every lookup asks a server (concurrent identical lookups are still coalesced). */
    public static final CachePolicy DISABLED = new CachePolicy(0, Duration.ZERO, Duration.ofDays(1),
            Duration.ofHours(3), Duration.ZERO);

    public CachePolicy {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative: " + maxEntries);
        }
        for (Duration d : new Duration[] {minTtl, maxTtl, maxNegativeTtl, failureTtl}) {
            Objects.requireNonNull(d, "durations");
            if (d.isNegative()) {
                throw new IllegalArgumentException("cache durations must not be negative: " + d);
            }
        }
        if (minTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("minTtl " + minTtl + " exceeds maxTtl " + maxTtl);
        }
    }

    /** A copy with another size bound. */
    public CachePolicy withMaxEntries(int n) {
        return new CachePolicy(n, minTtl, maxTtl, maxNegativeTtl, failureTtl);
    }

    /** A copy with other TTL clamps. */
    public CachePolicy withTtlBounds(Duration min, Duration max) {
        return new CachePolicy(maxEntries, min, max, maxNegativeTtl, failureTtl);
    }

    /** Whether anything is kept. */
    public boolean enabled() {
        return maxEntries > 0;
    }
}
