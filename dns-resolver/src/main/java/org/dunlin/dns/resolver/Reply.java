package org.dunlin.dns.resolver;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.dunlin.dns.wire.Message;

/**
 * A response with how it was obtained: what {@link DnsClient#send} returns (and {@code ./dunlin dig}
 * prints).
 *
 * @param message   the response, its question as the caller asked it (the 0x20 case undone)
 * @param server    the server that sent it
 * @param transport the transport of the final exchange
 * @param size      the response's size on the wire, in octets
 * @param rtt       the time from sending the query that got this response to receiving it
 * @param truncatedOverUdp whether a truncated UDP response made the client retry over TCP
 */
public record Reply(Message message, InetSocketAddress server, Transport transport, int size, Duration rtt,
        boolean truncatedOverUdp) {
    public Reply {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(rtt, "rtt");
    }

    /** The same reply, marked as the TCP retry of a truncated UDP response. */
    Reply afterTruncation() {
        return new Reply(message, server, transport, size, rtt, true);
    }
}
