package org.dunlin.dns.authority.internal;

/**
 * Counters of one {@link Workspace}: written by the one thread using it, with plain stores (nothing on
 * the answer path is contended or fenced). Readers sum the workspaces' counters; while the server runs
 * the sums may lag by a few queries, after its threads have ended (close joins them) they are exact.
 */
public final class Counters {
    /** Responses are counted by rcode value up to this bound (higher values share the last slot). */
    public static final int RCODES = 24;

    long queries;
    long udpQueries;
    long tcpQueries;
    final long[] responses = new long[RCODES];
    long truncated;
    long dropped;
    long sendFailures;

    /** Queries received (answered or not). */
    public long queries() {
        return queries;
    }

    /** Queries received over UDP. */
    public long udpQueries() {
        return udpQueries;
    }

    /** Queries received over TCP. */
    public long tcpQueries() {
        return tcpQueries;
    }

    /** Responses sent with {@code rcode} (values of {@link #RCODES} and above share the last slot). */
    public long responses(int rcode) {
        return responses[Math.min(rcode, RCODES - 1)];
    }

    /** Responses sent with TC set. */
    public long truncated() {
        return truncated;
    }

    /** Queries not answered: shorter than a header, responses, or unanswerable. */
    public long dropped() {
        return dropped;
    }

    /** Responses the operating system refused to send. */
    public long sendFailures() {
        return sendFailures;
    }

    void sendFailed() {
        sendFailures++;
    }
}
