package org.dunlin.benchmarks.authority;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;

/**
 * Resident memory of authoritative servers holding the same large zone, side by side in one run: Dunlin
 * ({@code serve} from its runnable jar: with the JVM's default flags, which on this machine choose G1;
 * pinned to one CPU, where the JVM chooses the serial collector, which never shrinks the heap below its
 * initial size of 1/64 of the machine's memory; and with the flags README recommends for big zones),
 * NSD and Knot (configured as {@code ../shared/bench/serve-peer.sh} does,
 * NSD without its database file). Each server is started alone, loads the zone, answers a probe for the
 * zone's last host, settles for five seconds, and then the resident set (RSS) and proportional set
 * (PSS, which shares pages between NSD's processes fairly) of its whole process tree are read from
 * {@code /proc}. Linux only; not a JMH benchmark (memory, not time).
 *
 * <pre>
 * python3 ../shared/bench/zonegen.py /tmp/mem 1000000
 * java -cp benchmarks/target/benchmarks.jar org.dunlin.benchmarks.authority.MemoryComparison \
 *     /tmp/mem/example.com.zone h999999.example.com. dns-authority/target/dns-authority-0.1.0-SNAPSHOT-cli.jar
 * </pre>
 */
public final class MemoryComparison {
    private static final String TUNED = "-XX:+UseSerialGC -Xms32m -Xmn16m";

    private MemoryComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: MemoryComparison ZONEFILE PROBE-NAME DUNLIN-CLI-JAR [servers...]");
            System.exit(2);
        }
        Path zone = Paths.get(args[0]).toAbsolutePath();
        Name probe = Name.of(args[1]);
        Path jar = Paths.get(args[2]).toAbsolutePath();
        List<String> servers = args.length > 3 ? List.of(args).subList(3, args.length)
                : List.of("dunlin-default", "dunlin-1cpu", "dunlin-tuned", "nsd", "knot");
        System.out.printf("%-16s %8s %10s %10s%n", "server", "load_s", "rss_MiB", "pss_MiB");
        int port = 15601;
        for (String s : servers) {
            Path work = Files.createTempDirectory("mem-" + s);
            Process p = start(s, zone, jar, port, work);
            long t0 = System.nanoTime();
            try {
                if (!awaitAnswer(port, probe, p, 600)) {
                    System.out.printf("%-16s did not answer%n", s);
                    continue;
                }
                double load = (System.nanoTime() - t0) / 1e9;
                Thread.sleep(5000);
                long[] mem = memory(p.toHandle());
                System.out.printf("%-16s %8.1f %10.1f %10.1f%n", s, load, mem[0] / 1024.0, mem[1] / 1024.0);
            } finally {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
                port++;
            }
        }
    }

    private static Process start(String server, Path zone, Path jar, int port, Path w) throws IOException {
        List<String> cmd = new ArrayList<>();
        switch (server) {
            case "dunlin-default":
            case "dunlin-1cpu":
            case "dunlin-tuned":
                if (server.equals("dunlin-1cpu")) {
                    cmd.addAll(List.of("taskset", "-c", "0")); // one CPU: the JVM picks the serial collector
                }
                cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
                if (server.equals("dunlin-tuned")) {
                    cmd.addAll(List.of(TUNED.split(" ")));
                }
                cmd.addAll(List.of("-cp", jar.toString(), "org.dunlin.dns.authority.cli.ServeCommand", "--zone",
                        "example.com.=" + zone, "--listen", "127.0.0.1:" + port, "--workers", "1"));
                break;
            case "nsd":
                Files.writeString(w.resolve("nsd.conf"), "server:\n  ip-address: 127.0.0.1@" + port + "\n  server-count: 1\n"
                        + "  zonesdir: \"" + w + "\"\n  pidfile: \"" + w + "/nsd.pid\"\n  zonelistfile: \"" + w + "/zone.list\"\n"
                        + "  xfrdfile: \"" + w + "/xfrd.state\"\n  database: \"\"\n  username: \"\"\n  logfile: \"" + w + "/log\"\n"
                        + "  verbosity: 0\n  rrl-ratelimit: 0\n  minimal-responses: yes\nremote-control:\n  control-enable: no\n"
                        + "zone:\n  name: example.com\n  zonefile: \"" + zone + "\"\n");
                cmd.addAll(List.of("nsd", "-d", "-c", w.resolve("nsd.conf").toString()));
                break;
            case "knot":
                Files.createDirectories(w.resolve("db"));
                Files.writeString(w.resolve("knot.conf"), "server:\n  listen: 127.0.0.1@" + port + "\n  udp-workers: 1\n"
                        + "  tcp-workers: 1\n  background-workers: 1\n  rundir: \"" + w + "\"\n  pidfile: \"" + w + "/knot.pid\"\n"
                        + "database:\n  storage: \"" + w + "/db\"\nlog:\n  - target: \"" + w + "/log\"\n    any: error\n"
                        + "zone:\n  - domain: example.com\n    file: \"" + zone + "\"\n    zonefile-load: whole\n"
                        + "    journal-content: none\n");
                cmd.addAll(List.of("knotd", "-c", w.resolve("knot.conf").toString()));
                break;
            default:
                throw new IllegalArgumentException("unknown server " + server);
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(w.resolve("out.log").toFile()).start();
    }

    private static boolean awaitAnswer(int port, Name probe, Process p, int seconds) throws IOException, InterruptedException {
        byte[] q = Message.builder().id(1).question(probe, RRType.A).build().toWire();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            s.setSoTimeout(500);
            while (System.nanoTime() < deadline && p.isAlive()) {
                s.send(new DatagramPacket(q, q.length, new InetSocketAddress("127.0.0.1", port)));
                try {
                    DatagramPacket r = new DatagramPacket(new byte[512], 512);
                    s.receive(r);
                    if (r.getLength() > 12 && (r.getData()[3] & 0xF) == 0 && r.getData()[7] > 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    Thread.sleep(200);
                }
            }
        }
        return false;
    }

    /** {RSS, PSS} in KiB summed over the process and its descendants. */
    private static long[] memory(ProcessHandle root) throws IOException {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        long rss = 0;
        long pss = 0;
        for (ProcessHandle h : all) {
            Path proc = Paths.get("/proc", Long.toString(h.pid()));
            if (!Files.exists(proc)) {
                continue;
            }
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            for (String line : Files.readAllLines(proc.resolve("smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    pss += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return new long[] {rss, pss};
    }
}
