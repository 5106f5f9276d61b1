package org.dunlin.dns.authority;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.dunlin.dns.authority.internal.CatalogIndex;
import org.dunlin.dns.authority.internal.QueryEngine;
import org.dunlin.dns.authority.internal.AccessList;
import org.dunlin.dns.authority.internal.Workspace;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.dunlin.dns.wire.tsig.TsigKeyring;

/**
 * The server's answering logic without sockets: answers a query (bytes or a {@link Message}) from a
 * {@link Catalog} exactly as {@link AuthorityServer} does — for embedding in another server, for tests
 * and for benchmarks. Thread-safe; each call of the convenience methods allocates a fresh
 * {@link Session}, and a thread that answers many queries keeps one session and reuses it (the
 * allocation-free path the server takes).
 */
public final class Responder {
    private final QueryEngine engine;

    private Responder(Catalog catalog, String nsid, int maxUdpPayload, List<TsigKey> keys) {
        CatalogIndex c = CatalogIndex.cast(Objects.requireNonNull(catalog, "catalog"));
        this.engine = new QueryEngine(() -> c, nsid == null ? null : nsid.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                maxUdpPayload, TsigKeyring.of(keys), AccessList.NONE, AccessList.NONE, null, Clock.systemUTC());
    }

    /** A responder for {@code catalog}, without NSID, answering UDP queries in at most 1232 octets. */
    public static Responder of(Catalog catalog) {
        return new Responder(catalog, null, 1232, List.of());
    }

    /** A responder for {@code catalog} with the given NSID (or null) and largest UDP answer. */
    public static Responder of(Catalog catalog, String nsid, int maxUdpPayload) {
        return new Responder(catalog, nsid, maxUdpPayload, List.of());
    }

    /**
     * As {@link #of(Catalog, String, int)}, checking TSIG-signed queries against {@code keys} and signing
     * the answers to those that verify, as the server does (RFC 8945).
     */
    public static Responder of(Catalog catalog, String nsid, int maxUdpPayload, List<TsigKey> keys) {
        return new Responder(catalog, nsid, maxUdpPayload, keys);
    }

    /** A session: answering state for one thread at a time. */
    public Session newSession() {
        return new Session();
    }

    /**
     * The answer to {@code query} (wire form) as received over UDP ({@code tcp} false: limited to the
     * query's EDNS payload size, or 512) or TCP; null when no answer is due (not a query, or shorter than
     * a header).
     */
    public byte[] respond(byte[] query, boolean tcp) {
        Session s = newSession();
        int n = s.respond(query, 0, query.length, tcp);
        return n < 0 ? null : Arrays.copyOf(s.buffer(), n);
    }

    /** The answer to {@code query}, decoded; null when no answer is due. */
    public Message respond(Message query, boolean tcp) {
        byte[] r = respond(query.toWire(), tcp);
        if (r == null) {
            return null;
        }
        try {
            return Message.fromWire(r);
        } catch (WireFormatException e) {
            throw new IllegalStateException("the responder wrote an undecodable message", e);
        }
    }

    /** Reusable answering state: not thread-safe; use one per thread. */
    public final class Session {
        private final Workspace ws = new Workspace();

        private Session() {
        }

        /**
         * Answers the query in {@code query[off, off + len)} into {@link #buffer()}; returns the answer's
         * length, or -1 when no answer is due. Allocates nothing for ordinary queries.
         */
        public int respond(byte[] query, int off, int len, boolean tcp) {
            return engine.answer(ws, query, off, len, tcp);
        }

        /** The buffer holding the last answer (valid until the next call). */
        public byte[] buffer() {
            return ws.out().buffer();
        }
    }
}
