package org.dunlin.dns.authority.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.authority.DnsClient;
import org.dunlin.dns.authority.TestSupport;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.tsig.TsigKey;

/**
 * A peer authoritative server (NSD, Knot or BIND) serving one zone on 127.0.0.1 through
 * {@code ../shared/bench/serve-peer.sh}; {@link #close()} stops it and its whole process tree.
 */
public final class PeerServer implements AutoCloseable {
    private final String name;
    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private PeerServer(String name, Process process, InetSocketAddress address, Path log) {
        this.name = name;
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /**
     * Starts {@code peer} ({@code nsd}, {@code knot} or {@code bind}) serving {@code zone} for
     * {@code origin} and waits until it answers (skipping the test if the peer is not installed).
     */
    public static PeerServer start(String peer, Name origin, Path zone, Path workDir) throws IOException, InterruptedException {
        String program = TestSupport.requirePeer(peer.equals("nsd") ? "nsd" : peer.equals("knot") ? "knotd" : "named");
        Path script = TestSupport.shared().resolve("bench/serve-peer.sh");
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = 20000 + ThreadLocalRandom.current().nextInt(30000);
            Path log = workDir.resolve(peer + "-" + port + ".log");
            ProcessBuilder pb = peer.equals("bind")
                    ? new ProcessBuilder("bash", script.toString(), peer, origin.toString(), zone.toString(), Integer.toString(port))
                    : configured(peer, program, origin, zone, port, Files.createTempDirectory(workDir, peer));
            Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PeerServer s = new PeerServer(peer, p, new InetSocketAddress("127.0.0.1", port), log);
            if (s.awaitServing(origin)) {
                return s;
            }
            s.close();
        }
        throw new IOException(peer + " did not start; see the logs in " + workDir);
    }

    /**
     * Starts {@code peer} ({@code bind} or {@code knot}) as a secondary for {@code origin}, transferring it
     * from {@code primary} (signing its requests with {@code key} if not null), accepting NOTIFY from
     * 127.0.0.1 and letting 127.0.0.1 transfer the zone from it in turn; returns once it answers the zone's SOA with NOERROR, that is once a transfer succeeded.
     */
    public static PeerServer startSecondary(String peer, Name origin, InetSocketAddress primary, TsigKey key, Path workDir)
            throws IOException, InterruptedException {
        return startSecondary(peer, origin, primary, key, workDir, 0);
    }

    /** As above, listening on {@code fixedPort} (0: a random port, with up to three tries). */
    public static PeerServer startSecondary(String peer, Name origin, InetSocketAddress primary, TsigKey key, Path workDir,
            int fixedPort) throws IOException, InterruptedException {
        String program = TestSupport.requirePeer(peer.equals("knot") ? "knotd" : "named");
        String name = origin.toString();
        String secret = key == null ? null : java.util.Base64.getEncoder().encodeToString(key.secret());
        for (int attempt = 0; attempt < (fixedPort != 0 ? 1 : 3); attempt++) {
            int port = fixedPort != 0 ? fixedPort : 20000 + ThreadLocalRandom.current().nextInt(30000);
            Path w = Files.createTempDirectory(workDir, peer + "-secondary");
            Path log = w.resolve("log");
            ProcessBuilder pb;
            if (peer.equals("knot")) {
                Files.createDirectories(w.resolve("db"));
                String conf = "server:\n  listen: 127.0.0.1@" + port + "\n  udp-workers: 1\n  tcp-workers: 1\n"
                        + "  background-workers: 1\n  rundir: \"" + w + "\"\n  pidfile: \"" + w + "/knot.pid\"\n"
                        + "database:\n  storage: \"" + w + "/db\"\nlog:\n  - target: \"" + log + "\"\n    any: info\n"
                        + (key == null ? "" : "key:\n  - id: " + key.name() + "\n    algorithm: " + key.algorithm().bindName()
                                + "\n    secret: " + secret + "\n")
                        + "remote:\n  - id: primary\n    address: 127.0.0.1@" + primary.getPort() + "\n"
                        + (key == null ? "" : "    key: " + key.name() + "\n")
                        + "acl:\n  - id: notify\n    address: 127.0.0.1\n    action: notify\n"
                        + (key == null ? "" : "    key: " + key.name() + "\n")
                        + "  - id: transfer\n    address: 127.0.0.1\n    action: transfer\n"
                        + "zone:\n  - domain: \"" + name + "\"\n    master: primary\n    acl: [notify, transfer]\n"
                        + "    file: \"" + w + "/zone\"\n    zonefile-sync: -1\n    journal-content: none\n";
                Files.writeString(w.resolve("knot.conf"), conf);
                pb = new ProcessBuilder(program, "-c", w.resolve("knot.conf").toString());
            } else {
                String conf = (key == null ? "" : "key \"" + key.name() + "\" { algorithm " + key.algorithm().bindName()
                        + "; secret \"" + secret + "\"; };\n")
                        + "options { directory \"" + w + "\"; listen-on port " + port + " { 127.0.0.1; }; listen-on-v6 { none; };\n"
                        + "  recursion no; pid-file \"" + w + "/named.pid\"; notify no; minimal-responses yes;\n"
                        + "  check-names secondary ignore; };\n"
                        + "zone \"" + name + "\" { type secondary; file \"" + w + "/zone.db\"; masterfile-format text;\n"
                        + "  primaries { 127.0.0.1 port " + primary.getPort() + (key == null ? "" : " key \"" + key.name() + "\"")
                        + "; }; allow-notify { 127.0.0.1; }; allow-transfer { 127.0.0.1; }; };\n";
                Files.writeString(w.resolve("named.conf"), conf);
                pb = new ProcessBuilder(program, "-g", "-c", w.resolve("named.conf").toString(), "-n", "1", "-u", "root");
            }
            Process p = pb.redirectErrorStream(true).redirectOutput(w.resolve("stdout").toFile()).start();
            PeerServer s = new PeerServer(peer + "-secondary", p, new InetSocketAddress("127.0.0.1", port),
                    peer.equals("knot") ? log : w.resolve("stdout"));
            if (s.awaitServing(origin)) {
                return s;
            }
            s.close();
        }
        throw new IOException(peer + " did not come up as a secondary; see the logs in " + workDir);
    }

    /**
     * NSD and Knot are configured here as serve-peer.sh configures them, with two differences: NSD gets
     * no database file (serve-peer.sh leaves NSD's default {@code /var/lib/nsd/nsd.db}, which two NSDs
     * started at once share and corrupt), and the root zone can be named (serve-peer.sh strips the
     * final dot of the origin).
     */
    private static ProcessBuilder configured(String peer, String program, Name origin, Path zone, int port, Path w)
            throws IOException {
        String name = origin.toString();
        if (peer.equals("nsd")) {
            Files.writeString(w.resolve("nsd.conf"), "server:\n  ip-address: 127.0.0.1@" + port + "\n  server-count: 1\n"
                    + "  zonesdir: \"" + w + "\"\n  pidfile: \"" + w + "/nsd.pid\"\n  zonelistfile: \"" + w + "/zone.list\"\n"
                    + "  xfrdfile: \"" + w + "/xfrd.state\"\n  database: \"\"\n  username: \"\"\n  logfile: \"" + w + "/log\"\n  verbosity: 0\n"
                    + "  rrl-ratelimit: 0\n  rrl-whitelist-ratelimit: 0\n  minimal-responses: yes\n"
                    + "remote-control:\n  control-enable: no\nzone:\n  name: \"" + name + "\"\n  zonefile: \"" + zone + "\"\n");
            return new ProcessBuilder(program, "-d", "-c", w.resolve("nsd.conf").toString());
        }
        if (peer.equals("knot")) {
            Files.createDirectories(w.resolve("db"));
            Files.writeString(w.resolve("knot.conf"), "server:\n  listen: 127.0.0.1@" + port + "\n  udp-workers: 1\n"
                    + "  tcp-workers: 1\n  background-workers: 1\n  rundir: \"" + w + "\"\n  pidfile: \"" + w + "/knot.pid\"\n"
                    + "database:\n  storage: \"" + w + "/db\"\nlog:\n  - target: \"" + w + "/log\"\n    any: error\n"
                    + "zone:\n  - domain: \"" + name + "\"\n    file: \"" + zone + "\"\n    zonefile-load: whole\n    journal-content: none\n");
            return new ProcessBuilder(program, "-c", w.resolve("knot.conf").toString());
        }
        throw new IllegalArgumentException("no root configuration for " + peer);
    }

    private boolean awaitServing(Name origin) throws IOException, InterruptedException {
        Message probe = Message.builder().id(7).question(origin, RRType.SOA).build();
        try (DnsClient c = new DnsClient(address)) {
            for (int i = 0; i < 120; i++) {
                if (!process.isAlive()) {
                    return false;
                }
                byte[] r = c.udpRaw(probe.toWire(), 250);
                if (r != null && r.length > 3 && (r[3] & 0xF) == 0) {
                    return true;
                }
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** Where it listens (UDP and TCP). */
    public InetSocketAddress address() {
        return address;
    }

    /** The peer's name. */
    public String name() {
        return name;
    }

    /** The server's log so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + "@" + address.getPort();
    }
}
