package org.dunlin.dns.authority.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.dunlin.dns.authority.AuthorityServer;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.authority.ZoneSource;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.tsig.TsigKeyFile;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./dunlin serve}: runs an {@link AuthorityServer} until SIGTERM or SIGINT. Once every socket is
 * bound it prints {@code listening on udp ADDR, tcp ADDR} (one line per listen address) on stdout; on
 * the signal it shuts down gracefully (TCP connections finish the queries they have read) and logs the
 * counters. Exit status: 0 after a signal, 1 when a zone cannot be loaded or an address bound (one line
 * on stderr, {@code FILE:LINE:COL: message} for zone errors), 2 for usage errors.
 */
public final class ServeCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    /** The origin of the embedded example zone. */
    static final Name EXAMPLE_ORIGIN = Name.of("example.com.");

    private ServeCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Starts the server and blocks until the JVM shuts down; returns early with 1 or 2 on errors. The
     * server's own shutdown runs in a shutdown hook.
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ServeArguments a;
        try {
            a = ServeArguments.parse(args);
        } catch (ServeArguments.UsageException e) {
            err.println("dunlin serve: " + e.getMessage() + " (see ./dunlin serve --help)");
            return 2;
        }
        if (a.help()) {
            out.print(ServeArguments.USAGE);
            return 0;
        }
        AuthorityServer server;
        try {
            server = start(a);
        } catch (ZoneFileException e) {
            err.println("dunlin serve: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("dunlin serve: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("dunlin serve: " + e.getMessage()); // a key file's FILE:LINE:COL error, or an unknown key
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            LOG.info("stopped: {}", server.stats());
            stopped.countDown();
        }, "dunlin-serve-shutdown"));
        List<InetSocketAddress> udp = server.udpAddresses();
        List<InetSocketAddress> tcp = server.tcpAddresses();
        for (int i = 0; i < udp.size(); i++) {
            out.println("listening on udp " + AuthorityServer.format(udp.get(i)) + ", tcp " + AuthorityServer.format(tcp.get(i)));
        }
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static AuthorityServer start(ServeArguments a) throws IOException, ZoneFileException {
        AuthorityServer.Builder b = AuthorityServer.builder();
        if (a.zones().isEmpty()) {
            b.zone(exampleZone());
        }
        for (ZoneSource z : a.zones()) {
            b.zoneFile(z.origin(), z.file());
        }
        for (InetSocketAddress l : a.listen()) {
            b.listen(l);
        }
        if (a.workers() > 0) {
            b.workers(a.workers());
        }
        if (a.tcpIdleTimeout() != null) {
            b.tcpIdleTimeout(a.tcpIdleTimeout());
        }
        if (a.maxTcpConnections() > 0) {
            b.maxTcpConnections(a.maxTcpConnections());
            b.maxTcpConnectionsPerClient(Math.max(1, a.maxTcpConnections() / 10));
        }
        b.nsid(a.nsid());
        b.watch(a.watch());
        b.allowTransfer(a.allowTransfer());
        b.notifySecondaries(a.notifyTargets());
        b.allowUpdate(a.allowUpdate());
        if (a.notifyKey() != null) {
            b.notifyKey(a.notifyKey());
        }
        if (a.tsigKeys() != null) {
            b.tsigKeys(TsigKeyFile.parse(Files.readString(a.tsigKeys()), a.tsigKeys().toString()));
        }
        long started = System.nanoTime();
        AuthorityServer server = b.start();
        for (var z : server.catalog().zones()) {
            LOG.info("serving {}: serial {}, {} records, {} names{}", z.origin(), z.serial(), z.recordCount(), z.nodeCount(),
                    z.isSigned() ? ", signed" : "");
        }
        HeapTuning.compactAfterLoad();
        LOG.info("started in {} ms", (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    /** The embedded example zone (see the resource {@code example.com.zone} next to this class). */
    static Zone exampleZone() throws IOException, ZoneFileException {
        try (InputStream in = ServeCommand.class.getResourceAsStream("example.com.zone")) {
            if (in == null) {
                throw new IOException("the embedded example zone is missing from the jar");
            }
            return Zone.parse(EXAMPLE_ORIGIN, new String(in.readAllBytes(), StandardCharsets.UTF_8), "example.com.zone");
        }
    }
}
