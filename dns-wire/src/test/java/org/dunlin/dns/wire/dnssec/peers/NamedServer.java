package org.dunlin.dns.wire.dnssec.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A BIND {@code named} running in the foreground on 127.0.0.1 at a random high port, in a temporary
 * directory, with the control channel disabled. {@link #close()} kills it and waits for it to exit.
 */
public final class NamedServer implements AutoCloseable {

    private final Process process;
    private final Path dir;
    private final int port;

    private NamedServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts named with the given extra configuration (keys, zones) appended to a minimal options block,
     * and waits until it logs that it is running.
     *
     * @param dir a temporary directory for the configuration, logs and zone files
     */
    public static NamedServer start(Path dir, String config) throws IOException, InterruptedException {
        String named = Peers.require("named");
        int port = Peers.freePort();
        String conf = "options {\n"
                + "  directory \"" + dir + "\";\n"
                + "  listen-on port " + port + " { 127.0.0.1; };\n"
                + "  listen-on-v6 { none; };\n"
                + "  pid-file \"" + dir.resolve("named.pid") + "\";\n"
                + "  recursion no;\n"
                + "  dnssec-validation no;\n"
                + "  notify no;\n"
                + "};\n"
                + "controls { };\n"
                + config;
        Path confFile = dir.resolve("named.conf");
        Files.writeString(confFile, conf, StandardCharsets.US_ASCII);
        Path log = dir.resolve("named.log");
        Process p = new ProcessBuilder(named, "-g", "-n", "1", "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NamedServer server = new NamedServer(p, dir, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains("running")) {
                return server;
            }
            if (!p.isAlive() || text.contains("exiting (due to fatal error)")) {
                server.close();
                throw new IOException("named did not start:\n" + text);
            }
            Thread.sleep(50);
        }
        server.close();
        throw new IOException("named did not report 'running' within 30 s:\n" + Files.readString(log));
    }

    /** The UDP/TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The server's log so far. */
    public String log() throws IOException {
        return Files.readString(dir.resolve("named.log"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
