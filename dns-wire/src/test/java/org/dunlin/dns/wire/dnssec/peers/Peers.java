package org.dunlin.dns.wire.dnssec.peers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the peer tools (BIND's dnssec-* programs, named, dig) for interop tests. A missing tool
 * skips the test with a message, unless DUNLIN_REQUIRE_PEERS=1 is set, in which case it fails.
 * Every process is started with a deadline and killed if it overruns.
 */
public final class Peers {

    private Peers() {
    }

    /** The tool's path; skips (or fails under DUNLIN_REQUIRE_PEERS=1) when it is not installed. */
    public static String require(String tool) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin")) {
            File f = new File(dir, tool);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, tool);
                if (f.canExecute()) {
                    return f.getPath();
                }
            }
        }
        String message = "peer tool '" + tool + "' is not installed (apt-get install bind9 bind9-dnsutils)";
        if ("1".equals(System.getenv("DUNLIN_REQUIRE_PEERS"))) {
            fail(message + " and DUNLIN_REQUIRE_PEERS=1");
        }
        Assumptions.abort(message);
        return null;
    }

    /** The result of a finished process. */
    public record Result(int exitCode, String output) {
    }

    /** Runs a command in {@code dir}, merging stderr into the output, killing it after {@code seconds}. */
    public static Result run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                fail("'" + String.join(" ", command) + "' did not finish within " + seconds + " s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    /** Runs a command and fails the test, showing its output, if it exits non-zero. */
    public static String runOk(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Result r = run(dir, seconds, command);
        if (r.exitCode() != 0) {
            fail("'" + String.join(" ", command) + "' exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /** A random high port free for both UDP and TCP on 127.0.0.1 at the time of the call. */
    public static int freePort() throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 60000);
            try (ServerSocket tcp = new ServerSocket(port, 1, lo); DatagramSocket udp = new DatagramSocket(port, lo)) {
                return port;
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free port found");
    }

    /** Deletes a directory tree, ignoring what cannot be deleted. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: temporary files only
        }
    }
}
