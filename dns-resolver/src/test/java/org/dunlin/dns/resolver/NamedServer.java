package org.dunlin.dns.resolver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.futures.io.IoRuntime;

/**
 * BIND's {@code named} serving one zone on 127.0.0.1 and a free port, from a temporary directory, as a
 * peer for interop tests; {@link #close()} kills it. Callers check {@link #available()} first (and apply
 * the skip-or-fail rule of {@link TestSupport#requirePeer}).
 */
final class NamedServer implements AutoCloseable {
    private final Process process;
    private final InetSocketAddress address;
    private final Path dir;

    private NamedServer(Process process, InetSocketAddress address, Path dir) {
        this.process = process;
        this.address = address;
        this.dir = dir;
    }

    /** Whether named is installed. */
    static boolean available() {
        return TestSupport.executable("named");
    }

    /** Starts named with {@code zoneResource} (a class-path resource) as the primary zone {@code origin}. */
    static NamedServer start(String origin, String zoneResource, Path dir, IoRuntime runtime) throws Exception {
        Path zone = dir.resolve("zone");
        try (InputStream in = NamedServer.class.getResourceAsStream(zoneResource)) {
            Files.copy(in, zone);
        }
        return start(java.util.Map.of(origin, zone), dir, runtime);
    }

    /** Starts named serving each zone file of {@code zones} (origin to file) as a primary zone. */
    static NamedServer start(java.util.Map<String, Path> zones, Path dir, IoRuntime runtime) throws Exception {
        StringBuilder zoneConfig = new StringBuilder();
        for (var z : zones.entrySet()) {
            zoneConfig.append("zone \"").append(z.getKey()).append("\" { type primary; file \"").append(z.getValue())
                    .append("\"; check-integrity no; };\n");
        }
        String probe = zones.keySet().iterator().next();
        for (int attempt = 0; ; attempt++) {
            int port = freePort();
            Files.writeString(dir.resolve("named.conf"), "options { directory \"" + dir + "\"; listen-on port " + port
                    + " { 127.0.0.1; }; listen-on-v6 { none; }; recursion no; pid-file \"" + dir + "/named.pid\";"
                    + " notify no; minimal-responses yes; check-names primary ignore; };\n" + zoneConfig);
            Process p = new ProcessBuilder(TestSupport.which("named"), "-g", "-c", dir.resolve("named.conf").toString(),
                    "-n", "1", "-u", System.getProperty("user.name"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("named.log").toFile()).start();
            InetSocketAddress a = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            NamedServer s = new NamedServer(p, a, dir);
            if (s.awaitReady(Name.of(probe), runtime)) {
                return s;
            }
            s.close();
            if (attempt >= 2) {
                throw new IllegalStateException("named did not start; its log:\n" + Files.readString(dir.resolve("named.log")));
            }
        }
    }

    InetSocketAddress address() {
        return address;
    }

    /** Polls the server with SOA queries until it answers (at most 30 s) or exits. */
    private boolean awaitReady(Name origin, IoRuntime runtime) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (DnsClient client = DnsClient.create(runtime, address)) {
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    Message m = client.exchange(Message.builder().question(Question.of(origin, RRType.SOA)).build(),
                            Duration.ofMillis(500)).get(5, TimeUnit.SECONDS);
                    if (!m.answer().isEmpty()) {
                        return true;
                    }
                } catch (Exception e) {
                    Thread.sleep(100);
                }
            }
        }
        return false;
    }

    /** A port free for both TCP and UDP on loopback. */
    static int freePort() throws IOException {
        for (;;) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    java.net.DatagramSocket d = new java.net.DatagramSocket(s.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (java.net.BindException busy) {
                // taken for UDP: another
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "named on " + address + " in " + dir;
    }
}
