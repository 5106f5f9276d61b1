package org.dunlin.futures.io.examples;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.TcpListener;
import org.dunlin.futures.io.codec.FrameTooLongException;
import org.dunlin.futures.io.codec.Framed;
import org.dunlin.futures.io.codec.LineCodec;
import org.dunlin.futures.io.proto.PipelinedServer;

/**
 * The doubler: newline-separated integers in, each doubled out, pipelined ({@code ./dunlin example
 * doubler --listen ADDR}).
 *
 * <p>Protocol: each line (ending in {@code \n} or {@code \r\n}) holds an integer of any size, optionally
 * signed and surrounded by spaces; the answer is its double on a line of its own, in request order. A line
 * that is not an integer gets {@code ERR <reason>} and the connection stays usable; a line longer than
 * 8,192 bytes gets {@code ERR line too long} and the connection is closed (the server will not buffer
 * unbounded input). A client that sends nothing complete for the idle timeout is disconnected.
 */
public final class DoublerServer implements AutoCloseable {
    /** The longest line accepted, in bytes. */
    public static final int MAX_LINE = 8192;

    private final TcpListener listener;
    private final PipelinedServer<String, String> server;
    private final Promise<Void> serving;

    private DoublerServer(TcpListener listener, PipelinedServer<String, String> server) {
        this.listener = listener;
        this.server = server;
        this.serving = server.serve(listener, c -> Promise.completed(Framed.of(c, new LineCodec(MAX_LINE, "\n"))));
    }

    /** Binds {@code listen} and starts serving; connections idle for {@code idleTimeout} are dropped. */
    public static DoublerServer start(IoRuntime runtime, InetSocketAddress listen, Duration idleTimeout) throws IOException {
        Objects.requireNonNull(runtime, "runtime");
        PipelinedServer<String, String> server = PipelinedServer.<String, String>builder(line -> Promise.completed(answer(line)))
                .maxInFlight(64)
                .idleTimeout(idleTimeout, runtime.timer())
                .onReadError(x -> x instanceof FrameTooLongException
                        ? "ERR line too long (more than " + MAX_LINE + " bytes)" : "ERR " + x.getMessage())
                .build();
        return new DoublerServer(runtime.bind(listen), server);
    }

    /** The answer to one line: its double, or {@code ERR <reason>}. */
    public static String answer(String line) {
        String s = line.strip();
        if (s.isEmpty()) {
            return "ERR empty line, expected an integer";
        }
        if (!isInteger(s)) {
            return "ERR not an integer: " + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
        }
        return new BigInteger(s).shiftLeft(1).toString();
    }

    private static boolean isInteger(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return listener.localAddress();
    }

    /** The number of connections being served. */
    public int activeConnections() {
        return server.activeConnections();
    }

    /** Completes when the listener is closed. */
    public Promise<Void> serving() {
        return serving;
    }

    /** Stops accepting (connections being served finish as their clients leave). */
    @Override
    public void close() {
        listener.close();
    }
}
