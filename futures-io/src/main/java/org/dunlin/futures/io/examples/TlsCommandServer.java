package org.dunlin.futures.io.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.dunlin.futures.AsyncStream;
import org.dunlin.futures.Channel;
import org.dunlin.futures.Channels;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.TimeoutAction;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.TcpListener;
import org.dunlin.futures.io.codec.FrameSink;
import org.dunlin.futures.io.codec.Framed;
import org.dunlin.futures.io.codec.LineCodec;
import org.dunlin.futures.io.tls.CertificatePolicy;
import org.dunlin.futures.io.tls.ClientAuth;
import org.dunlin.futures.io.tls.Thumbprints;
import org.dunlin.futures.io.tls.TlsConfig;
import org.dunlin.futures.io.tls.TlsConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TLS command server that requires a client certificate whose thumbprint is allowed
 * ({@code ./dunlin example tls-command --listen ADDR --cert FILE --key FILE --allow SHA1_THUMBPRINT...}).
 *
 * <p>Protocol. The client must present a certificate (the handshake fails without one). If its SHA-1 (or
 * SHA-256) thumbprint is not allowed, the server writes {@code ERR client certificate not allowed} and
 * closes. Otherwise it says {@code OK}, then reads commands, one per line ({@code \n} or {@code \r\n}),
 * and answers each. Every message the server writes is followed by {@code \r\n\r\n}, so a client reads
 * up to the blank line. Commands: {@code echo X} answers {@code X}; blank lines are ignored; any other
 * command is answered {@code ERR Unknown command <name>} and the connection is closed. A client silent
 * for the idle timeout is disconnected.
 *
 * <p>Design: per connection, a reader task (parse commands, produce replies) and a writer task (write
 * replies) joined by a bounded channel ({@link Channels#mpsc}), so a client that does not read its replies
 * stops the reader through back-pressure instead of growing a queue.
 */
public final class TlsCommandServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TlsCommandServer.class);
    private static final int CHANNEL_CAPACITY = 16;

    private final TcpListener listener;
    private final TlsConfig config;
    private final Set<String> allowed;
    private final Duration idleTimeout;
    private final IoRuntime runtime;
    private final Promise<Void> serving;
    private final AtomicLong refused = new AtomicLong();

    private TlsCommandServer(IoRuntime runtime, TcpListener listener, TlsConfig config, Set<String> allowed,
            Duration idleTimeout) {
        this.runtime = runtime;
        this.listener = listener;
        this.config = config;
        this.allowed = allowed;
        this.idleTimeout = idleTimeout;
        this.serving = listener.incoming().forEach(this::accept);
    }

    /**
     * Binds {@code listen} and serves with the given identity, allowing clients whose certificate
     * thumbprint (SHA-1 or SHA-256, any spelling {@link Thumbprints#normalize} takes) is in {@code allow}.
     */
    public static TlsCommandServer start(IoRuntime runtime, InetSocketAddress listen, PrivateKey key,
            List<X509Certificate> chain, Collection<String> allow, Duration idleTimeout) throws IOException {
        Set<String> allowed = allow.stream().map(Thumbprints::normalize).collect(Collectors.toUnmodifiableSet());
        // Any certificate passes the handshake; the thumbprint is checked afterwards so that a refused
        // client gets an error message rather than only a TLS alert.
        TlsConfig config = TlsConfig.server(key, chain).clientAuth(ClientAuth.REQUIRED, CertificatePolicy.acceptAny()).build();
        return new TlsCommandServer(runtime, runtime.bind(listen), config, allowed, idleTimeout);
    }

    private void accept(TcpConnection tcp) {
        TlsConnection.server(tcp, config).whenComplete((tls, x) -> {
            if (x != null) {
                LOG.debug("TLS handshake with {} failed: {}", tcp.remoteAddress(), x.toString());
                return;
            }
            Framed<String, String> framed = Framed.of(tls, new LineCodec(8192, "\r\n\r\n"));
            List<X509Certificate> certs = tls.peerCertificates();
            boolean ok = !certs.isEmpty() && (allowed.contains(Thumbprints.sha1(certs.get(0)))
                    || allowed.contains(Thumbprints.sha256(certs.get(0))));
            if (!ok) {
                refused.incrementAndGet();
                framed.writer().send("ERR client certificate not allowed");
                framed.writer().close().whenComplete((v, y) -> tls.close());
                return;
            }
            session(tls, framed);
        });
    }

    private void session(TlsConnection tls, Framed<String, String> framed) {
        Channel<String> replies = Channels.mpsc(CHANNEL_CAPACITY);
        FrameSink<String> out = framed.writer();
        // Writer task: replies in, written in order, one at a time.
        Promise<Integer> written = replies.receiver().mapAsync(r -> out.send(r).map(v -> Boolean.TRUE))
                .fold(0, (n, ok) -> n + 1);
        written.andThen(n -> out.close()).whenComplete((v, x) -> tls.close());
        // Reader task: commands in, replies sent through the channel (waiting when it is full).
        AsyncStream<String> commands = framed.reader().timeout(idleTimeout, runtime.timer(), TimeoutAction.END);
        replies.sender().send("OK")
                .andThen(v -> Futures.loop(Boolean.TRUE, more -> more,
                        more -> commands.next().andThen(line -> answer(line, replies))))
                .whenComplete((v, x) -> {
                    commands.close();
                    replies.sender().close();
                });
    }

    /** Handles one line; the promise says whether to read on. */
    private static Promise<Boolean> answer(String line, Channel<String> replies) {
        if (line == null) {
            return Promise.completed(Boolean.FALSE);
        }
        if (line.isBlank()) {
            return Promise.completed(Boolean.TRUE);
        }
        int space = line.indexOf(' ');
        String name = space < 0 ? line : line.substring(0, space);
        if (name.equals("echo")) {
            return replies.sender().send(space < 0 ? "" : line.substring(space + 1)).map(v -> Boolean.TRUE);
        }
        return replies.sender().send("ERR Unknown command " + name).map(v -> Boolean.FALSE);
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return listener.localAddress();
    }

    /** Clients refused because of their certificate. */
    public long refusedClients() {
        return refused.get();
    }

    /** Completes when the listener is closed. */
    public Promise<Void> serving() {
        return serving;
    }

    /** Stops accepting. */
    @Override
    public void close() {
        listener.close();
    }
}
