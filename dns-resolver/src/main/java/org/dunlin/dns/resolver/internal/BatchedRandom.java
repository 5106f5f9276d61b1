package org.dunlin.dns.resolver.internal;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A generator that draws the bytes of another one in batches and hands them out: message IDs and DNS
 * 0x20 bits for a client, without a call into the (secure, and slow per call) source for every query.
 *
 * <p>Why this keeps RFC 5452 §9.2's "unpredictable" IDs: every value is made of bytes the source produced
 * and nothing else, each byte is used exactly once, and no value is derived from another. The sequence a
 * client sends is therefore a consecutive piece of the source's output stream, exactly as if it had
 * called the source per query, and is as hard to predict as that stream — a {@code SecureRandom} by
 * default. (A fast non-cryptographic generator seeded from a secure one would not do: an off-path
 * attacker can make the resolver query a server the attacker runs, observe IDs there, and recover such
 * a generator's state from them.) The batch lives in this object's memory only. The cost of the source —
 * on Linux {@code NativePRNG}, a lock, a read of {@code /dev/urandom} and a SHA-1 mix per call — is paid
 * once per {@link #BATCH} bytes (128 IDs) instead of once per query.
 *
 * <p>Thread-safe (a monitor around the batch: uncontended, it costs less than the source's own lock).
 */
public final class BatchedRandom implements RandomGenerator {
    /** Bytes drawn from the source at a time. */
    static final int BATCH = 512;

    private final RandomGenerator source;
    private final byte[] batch = new byte[BATCH];
    private int next = BATCH;

    /** Hands out the bytes of {@code source}, which must be thread-safe if this object is shared. */
    public BatchedRandom(RandomGenerator source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public synchronized long nextLong() {
        return (long) take(4) << 32 | take(4) & 0xFFFF_FFFFL;
    }

    @Override
    public synchronized int nextInt() {
        return take(4);
    }

    /** The next {@code n} (at most 4) unused bytes, big-endian; refills the batch when it runs out. */
    private int take(int n) {
        if (next + n > BATCH) {
            source.nextBytes(batch);
            next = 0;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | batch[next] & 0xFF;
            batch[next++] = 0; // a used byte does not linger
        }
        return v;
    }

    @Override
    public String toString() {
        return "BatchedRandom[" + source + "]";
    }
}
