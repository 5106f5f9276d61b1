package org.dunlin.dns.resolver.internal;

import org.dunlin.dns.wire.Message;

/**
 * A response accepted by a transport: decoded, with its size on the wire and the time since its query
 * was sent.
 *
 * @param message  the decoded response
 * @param size     octets on the wire (without the TCP length prefix)
 * @param rttNanos nanoseconds from sending the query to receiving this
 */
public record Received(Message message, int size, long rttNanos) {
}
