package org.dunlin.benchmarks.resolver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.resolver.DnsClient;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.futures.io.IoRuntime;

/**
 * The benchmarks' name server: NSD serving {@code example.com} with {@link #HOSTS} hosts
 * ({@code hN.example.com A 10.x.y.z}), started through the project's {@code shared/bench/serve-peer.sh}
 * on 127.0.0.1 and a free port, and stopped (with its work folder) by {@link #close()}. With
 * {@code -Ddunlin.bench.peerCpus=0} (passed to the forked JVM with {@code -jvmArgsAppend}) NSD runs pinned
 * to those CPUs through {@code taskset}.
 */
final class NsdPeer implements AutoCloseable {
    static final int HOSTS = 10_000;
    static final String ORIGIN = "example.com.";

    private final Process process;
    private final InetSocketAddress address;
    private final Path dir;

    private NsdPeer(Process process, InetSocketAddress address, Path dir) {
        this.process = process;
        this.address = address;
        this.dir = dir;
    }

    InetSocketAddress address() {
        return address;
    }

    /** The name of host {@code i}, absolute. */
    static String host(int i) {
        return "h" + i + "." + ORIGIN;
    }

    static NsdPeer start() throws Exception {
        Path script = findScript();
        Path dir = Files.createTempDirectory("dunlin-bench-nsd");
        Path zone = dir.resolve("example.com.zone");
        List<String> z = new ArrayList<>(List.of("$ORIGIN " + ORIGIN, "$TTL 3600",
                "@ IN SOA ns1 hostmaster 2026112101 7200 3600 1209600 300", "@ IN NS ns1", "ns1 IN A 192.0.2.1"));
        for (int i = 0; i < HOSTS; i++) {
            z.add("h" + i + " IN A 10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        Files.write(zone, z);
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path log = dir.resolve("serve-peer-" + attempt + ".log");
            List<String> command = new ArrayList<>();
            String cpus = System.getProperty("dunlin.bench.peerCpus");
            if (cpus != null && !cpus.isBlank()) {
                // pinned apart from the benchmark JVM (run that with taskset too): stable ratios on a shared machine
                command.addAll(List.of("taskset", "-c", cpus));
            }
            command.addAll(List.of("bash", script.toString(), "nsd", ORIGIN, zone.toString(), String.valueOf(port)));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            NsdPeer peer = new NsdPeer(p, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), dir);
            if (peer.awaitReady()) {
                return peer;
            }
            String text = Files.readString(log);
            peer.stop();
            if (attempt == 3) {
                deleteTree(dir);
                throw new IllegalStateException("NSD did not start (is nsd installed?); its last log:\n" + text);
            }
        }
    }

    /** A port free for both UDP and TCP on loopback (the server binds both). */
    private static int freePort() throws IOException {
        for (;;) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    java.net.DatagramSocket d = new java.net.DatagramSocket(s.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (java.net.BindException busy) {
                // the UDP port is taken: try another
            }
        }
    }

    private static Path findScript() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("dunlin.shared");
        if (configured != null) {
            candidates.add(Path.of(configured, "bench", "serve-peer.sh"));
        }
        candidates.add(Path.of("..", "shared", "bench", "serve-peer.sh"));
        candidates.add(Path.of("..", "..", "shared", "bench", "serve-peer.sh"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c.toAbsolutePath();
            }
        }
        throw new IllegalStateException("serve-peer.sh not found (run from the project root, or -Ddunlin.shared=DIR): " + candidates);
    }

    private boolean awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (IoRuntime rt = IoRuntime.builder().name("nsd-probe").ioThreads(1).build();
                DnsClient c = DnsClient.create(rt, address)) {
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    Message m = c.exchange(Message.builder().question(Question.of(host(0), RRType.A)).build(),
                            Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);
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

    private void stop() throws InterruptedException {
        process.destroy(); // serve-peer.sh traps TERM, stops NSD and removes its work folder
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
