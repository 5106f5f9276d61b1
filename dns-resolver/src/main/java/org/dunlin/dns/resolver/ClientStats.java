package org.dunlin.dns.resolver;

/**
 * Counters of a {@link DnsClient} since it was created: a snapshot, each counter read atomically (the
 * set as a whole is not a consistent cut while queries run).
 *
 * @param udpQueries         queries sent over UDP
 * @param tcpQueries         queries sent over TCP
 * @param responses          responses accepted
 * @param ignoredResponses   responses ignored because their source, ID or question did not match a query
 *                           in flight (RFC 5452 §9.1), including late ones; never fatal to a query
 * @param malformedResponses UDP responses ignored because they could not be decoded (over TCP, an
 *                           undecodable response is counted in {@code ignoredResponses})
 * @param truncated          truncated UDP responses that sent the query to TCP
 * @param timeouts           exchanges that ended without a usable response before their deadline
 * @param ednsFallbacks      queries repeated without EDNS after FORMERR, NOTIMP or BADVERS
 * @param tcpConnections     TCP connections opened
 */
public record ClientStats(long udpQueries, long tcpQueries, long responses, long ignoredResponses,
        long malformedResponses, long truncated, long timeouts, long ednsFallbacks, long tcpConnections) {
}
