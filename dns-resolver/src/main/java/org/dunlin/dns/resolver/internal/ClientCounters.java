package org.dunlin.dns.resolver.internal;

import java.util.concurrent.atomic.LongAdder;
import org.dunlin.dns.resolver.ClientStats;

/** The live counters behind {@link ClientStats}; thread-safe, contention-free increments. */
public final class ClientCounters {
    public final LongAdder udpQueries = new LongAdder();
    public final LongAdder tcpQueries = new LongAdder();
    public final LongAdder responses = new LongAdder();
    public final LongAdder ignored = new LongAdder();
    public final LongAdder malformed = new LongAdder();
    public final LongAdder truncated = new LongAdder();
    public final LongAdder timeouts = new LongAdder();
    public final LongAdder ednsFallbacks = new LongAdder();
    public final LongAdder tcpConnections = new LongAdder();

    /** A snapshot; {@code extraIgnored} adds responses the TCP clients dropped. */
    public ClientStats snapshot(long extraIgnored) {
        return new ClientStats(udpQueries.sum(), tcpQueries.sum(), responses.sum(), ignored.sum() + extraIgnored,
                malformed.sum(), truncated.sum(), timeouts.sum(), ednsFallbacks.sum(), tcpConnections.sum());
    }
}
