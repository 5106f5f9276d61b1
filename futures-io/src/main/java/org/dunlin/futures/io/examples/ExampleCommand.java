package org.dunlin.futures.io.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.tls.PemFiles;
import org.dunlin.futures.io.tls.Thumbprints;

/**
 * {@code ./dunlin example NAME [options]}: runs one of the futures-io example servers until killed. It
 * prints {@code NAME listening on HOST:PORT} once bound. Usage errors print one line to stderr and exit
 * with status 2.
 */
public final class ExampleCommand {
    static final String USAGE = String.join("\n",
            "usage: ./dunlin example NAME [options]",
            "",
            "  doubler --listen ADDR [--idle-timeout SECONDS]   integers in, doubles out, one per line, pipelined",
            "  echo --listen ADDR                                every byte back",
            "  tls-command --listen ADDR --cert FILE --key FILE --allow SHA1_THUMBPRINT...",
            "                                                    TLS with client certificates; 'echo X' answers X",
            "",
            "ADDR is HOST:PORT ([V6ADDR]:PORT for IPv6; port 0 picks a free port). FILEs are PEM (the key",
            "unencrypted PKCS#8). The server prints where it listens and runs until killed.");

    private ExampleCommand() {
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    /** A usage error: one line for stderr, exit status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parsed options of one example. */
    record Options(String name, InetSocketAddress listen, Duration idleTimeout, Path cert, Path key, List<String> allow) {
    }

    /** Runs the command; returns the exit status (never returns while a server runs). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (UsageException x) {
            err.println("dunlin example: " + x.getMessage());
            return 2;
        }
        if (o == null) {
            out.println(USAGE);
            return 0;
        }
        try (IoRuntime runtime = IoRuntime.builder().name("dunlin-" + o.name()).build()) {
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "dunlin-example-shutdown"));
            CompletableFuture<Void> serving;
            InetSocketAddress bound;
            switch (o.name()) {
                case "doubler": {
                    DoublerServer s = DoublerServer.start(runtime, o.listen(), o.idleTimeout());
                    bound = s.address();
                    serving = s.serving();
                    break;
                }
                case "echo": {
                    EchoServer s = EchoServer.start(runtime, o.listen());
                    bound = s.address();
                    serving = s.serving();
                    break;
                }
                default: {
                    TlsCommandServer s = TlsCommandServer.start(runtime, o.listen(), PemFiles.readPrivateKey(o.key()),
                            PemFiles.readCertificates(o.cert()), o.allow(), o.idleTimeout());
                    bound = s.address();
                    serving = s.serving();
                    break;
                }
            }
            out.println(o.name() + " listening on " + hostPort(bound));
            out.flush();
            serving.join();
            return 0;
        } catch (IOException | IllegalArgumentException x) {
            err.println("dunlin example " + o.name() + ": " + x.getMessage());
            return 1;
        }
    }

    /** Parses the arguments; {@code null} means help was asked for. */
    static Options parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("missing NAME (doubler, echo or tls-command); see --help");
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            return null;
        }
        String name = args[0];
        if (!List.of("doubler", "echo", "tls-command").contains(name)) {
            throw new UsageException("unknown example '" + name + "' (doubler, echo or tls-command)");
        }
        InetSocketAddress listen = null;
        Duration idle = Duration.ofSeconds(name.equals("tls-command") ? 300 : 30);
        Path cert = null;
        Path key = null;
        List<String> allow = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help":
                case "-h":
                    return null;
                case "--listen":
                    listen = parseAddress(value(args, ++i, a));
                    break;
                case "--idle-timeout":
                    idle = parseSeconds(value(args, ++i, a));
                    break;
                case "--cert":
                    cert = Path.of(value(args, ++i, a));
                    break;
                case "--key":
                    key = Path.of(value(args, ++i, a));
                    break;
                case "--allow":
                    value(args, i + 1, a);
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        String t = args[++i];
                        try {
                            allow.add(Thumbprints.normalize(t));
                        } catch (IllegalArgumentException x) {
                            throw new UsageException("--allow: " + x.getMessage());
                        }
                    }
                    break;
                default:
                    throw new UsageException("unknown option '" + a + "' for " + name + "; see --help");
            }
        }
        if (listen == null) {
            throw new UsageException(name + " needs --listen ADDR");
        }
        boolean tls = name.equals("tls-command");
        if (!tls && (cert != null || key != null || !allow.isEmpty())) {
            throw new UsageException("--cert, --key and --allow are options of tls-command only");
        }
        if (tls && (cert == null || key == null || allow.isEmpty())) {
            throw new UsageException("tls-command needs --cert FILE, --key FILE and --allow THUMBPRINT...");
        }
        return new Options(name, listen, idle, cert, key, List.copyOf(allow));
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** HOST:PORT or [V6]:PORT. */
    static InetSocketAddress parseAddress(String s) throws UsageException {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new UsageException("--listen: expected HOST:PORT, got '" + s + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new UsageException("--listen: write IPv6 addresses as [ADDR]:PORT, got '" + s + "'");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException x) {
            throw new UsageException("--listen: not a port number in '" + s + "'");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--listen: port out of range in '" + s + "'");
        }
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new UsageException("--listen: cannot resolve host '" + host + "'");
        }
        return a;
    }

    private static Duration parseSeconds(String s) throws UsageException {
        try {
            double v = Double.parseDouble(s);
            if (!(v > 0) || v > 86_400) {
                throw new UsageException("--idle-timeout: expected seconds in (0, 86400], got '" + s + "'");
            }
            return Duration.ofMillis((long) Math.ceil(v * 1000));
        } catch (NumberFormatException x) {
            throw new UsageException("--idle-timeout: not a number: '" + s + "'");
        }
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
