package org.dunlin.dns.authority.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.TcpListener;
import org.dunlin.futures.io.codec.Decoder;
import org.dunlin.futures.io.codec.Encoder;
import org.dunlin.futures.io.codec.Framed;
import org.dunlin.futures.io.codec.LengthPrefixedCodec;
import org.dunlin.futures.io.proto.PipelinedServer;

/**
 * DNS over TCP (RFC 7766) on the listeners of a server: each connection is framed with the two-octet
 * length prefix (RFC 1035 §4.2.2), its queries are answered as they arrive — up to 64 in flight, the
 * answers written as each is ready (§6.2.1.1 allows any order) — and it is closed when the client
 * stays idle past the timeout (§6.2.3). Connection limits are the listeners' (total and per client).
 *
 * <p>Zone transfers (AXFR, and IXFR answered with the whole zone as RFC 1995 §4 allows) are served to
 * the clients the engine's transfer ACL allows (by address or TSIG key), and refused to everyone else;
 * the whole transfer is
 * built on the I/O thread and written as one buffer of consecutive messages (see {@link ZoneTransfer}).
 *
 * <p>Queries are answered on the connection's I/O thread, each thread with a workspace of its own.
 * Graceful shutdown: {@link #stopReading()} shuts every connection's input, so each finishes the
 * queries it has read, writes their answers and closes.
 */
public final class TcpFrontEnd {
    private final QueryEngine engine;
    private final ThreadLocal<Workspace> workspaces;
    private final PipelinedServer<TcpQuery, ByteBuffer> server;
    private final Set<Framed<TcpQuery, ByteBuffer>> connections = ConcurrentHashMap.newKeySet();

    /** A query read from a connection, with the client's address (for the transfer ACL). */
    private record TcpQuery(ByteBuffer bytes, InetAddress client) {
    }

    /**
     * A front end answering with {@code engine}; {@code newWorkspace} is called once per I/O thread (the
     * caller keeps track of them for the counters).
     */
    public TcpFrontEnd(QueryEngine engine, java.util.function.Supplier<Workspace> newWorkspace, Duration idleTimeout,
            Timer timer) {
        this.engine = engine;
        this.workspaces = ThreadLocal.withInitial(newWorkspace);
        this.server = PipelinedServer.<TcpQuery, ByteBuffer>builder(this::answer)
                .order(PipelinedServer.Order.COMPLETION_ORDER)
                .maxInFlight(64)
                .idleTimeout(idleTimeout, timer)
                .build();
    }

    /** Serves {@code listener} until it is closed. */
    public Promise<Void> serve(TcpListener listener) {
        Encoder<ByteBuffer> prefixed = frame -> frame; // answers carry their length prefix already
        LengthPrefixedCodec codec = new LengthPrefixedCodec();
        return server.serve(listener, c -> {
            InetAddress client = c.remoteAddress().getAddress();
            Decoder<TcpQuery> queries = buf -> {
                ByteBuffer frame = codec.decode(buf);
                return frame == null ? null : new TcpQuery(frame, client);
            };
            Framed<TcpQuery, ByteBuffer> f = Framed.of(c, queries, prefixed);
            connections.add(f);
            c.closed().whenComplete((v, x) -> connections.remove(f));
            return Promise.completed(f);
        });
    }

    private Promise<ByteBuffer> answer(TcpQuery q) {
        Workspace ws = workspaces.get();
        ByteBuffer query = q.bytes();
        int off = query.arrayOffset() + query.position();
        int len = engine.answer(ws, query.array(), off, query.remaining(), true, q.client());
        if (len == QueryEngine.TRANSFER) {
            return Promise.completed(engine.transfer(ws, query.array(), off));
        }
        if (len < 0) {
            return Promise.completed(ByteBuffer.allocate(0)); // nothing to say to a non-query (rare)
        }
        ByteBuffer out = ByteBuffer.allocate(len + 2);
        out.putShort((short) len).put(ws.out.buffer(), 0, len).flip();
        return Promise.completed(out);
    }

    /** The number of connections being served. */
    public int activeConnections() {
        return server.activeConnections();
    }

    /** Stops reading from every connection: each answers what it has read, then closes. */
    public void stopReading() {
        for (Framed<TcpQuery, ByteBuffer> f : connections) {
            f.reader().close();
        }
    }

    /** Closes every connection at once. */
    public void closeAll() {
        connections.forEach(f -> f.close());
    }

    /** Visits the open connections (for tests and diagnostics). */
    public void forEachConnection(Consumer<Framed<?, ByteBuffer>> action) {
        connections.forEach(action);
    }
}
