package org.dunlin.dns.authority;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.dunlin.dns.wire.Rcode;

/**
 * A snapshot of a server's counters. While the server runs the figures may trail the truth by the
 * queries being answered at that moment; after {@link AuthorityServer#close()} they are exact.
 *
 * @param queries         queries received, over UDP and TCP
 * @param udpQueries      queries received over UDP
 * @param tcpQueries      queries received over TCP
 * @param responses       responses sent, by rcode (only rcodes that occurred)
 * @param truncated       responses sent with TC set
 * @param dropped         queries not answered: malformed beyond a header, responses sent to us, UDP
 *                        datagrams dropped because a receive queue was full, answers the kernel refused
 * @param tcpAccepted     TCP connections accepted
 * @param tcpRejected     TCP connections refused by a connection limit
 * @param tcpActive       TCP connections open now
 */
public record ServerStats(long queries, long udpQueries, long tcpQueries, Map<Rcode, Long> responses, long truncated,
        long dropped, long tcpAccepted, long tcpRejected, int tcpActive) {
    public ServerStats {
        responses = Collections.unmodifiableMap(new TreeMap<>(responses));
    }

    /** Responses with {@code rcode}. */
    public long responses(Rcode rcode) {
        return responses.getOrDefault(rcode, 0L);
    }

    /** All responses sent. */
    public long totalResponses() {
        long n = 0;
        for (long v : responses.values()) {
            n += v;
        }
        return n;
    }

    /** One line, for logs: {@code queries=... (udp ..., tcp ...), responses NOERROR=..., ...}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("queries=").append(queries).append(" (udp ").append(udpQueries).append(", tcp ").append(tcpQueries)
                .append("), responses");
        if (responses.isEmpty()) {
            sb.append(" none");
        }
        for (Map.Entry<Rcode, Long> e : responses.entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        sb.append(", truncated=").append(truncated).append(", dropped=").append(dropped)
                .append(", tcp connections accepted=").append(tcpAccepted).append(" rejected=").append(tcpRejected)
                .append(" open=").append(tcpActive);
        return sb.toString();
    }
}
