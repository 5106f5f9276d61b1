package org.dunlin.dns.wire.dnssec.peers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** BIND's DNSSEC command-line tools, run in a test's temporary directory with bounded time. */
public final class BindTools {

    private final Path dir;

    /** Tools working in {@code dir}; skips (or fails under DUNLIN_REQUIRE_PEERS=1) if BIND is missing. */
    public BindTools(Path dir) {
        this.dir = dir;
        Peers.require("dnssec-keygen");
        Peers.require("dnssec-signzone");
        Peers.require("dnssec-verify");
    }

    /** {@code dnssec-keygen}: returns the key's base name (e.g. {@code Kexample.+013+12345}). */
    public String keygen(Path keyDir, String algorithm, String zone, boolean ksk) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Peers.require("dnssec-keygen"), "-q", "-K", keyDir.toString(),
                "-a", algorithm));
        if (algorithm.startsWith("RSA")) {
            cmd.addAll(List.of("-b", "1024"));
        }
        if (ksk) {
            cmd.addAll(List.of("-f", "KSK"));
        }
        cmd.add(zone);
        return Peers.runOk(dir, 120, cmd.toArray(new String[0])).strip();
    }

    /**
     * {@code dnssec-signzone -S} with the keys in {@code keyDir}; {@code extra} adds options such as
     * {@code -3 SALT -H ITER -A}. Returns the signed file.
     */
    public Path signzone(Path keyDir, Path zoneFile, String origin, String output, String... extra)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Peers.require("dnssec-signzone"), "-S", "-K", keyDir.toString(),
                "-o", origin, "-f", dir.resolve(output).toString()));
        cmd.addAll(List.of(extra));
        cmd.add(zoneFile.toString());
        Peers.runOk(dir, 120, cmd.toArray(new String[0]));
        return dir.resolve(output);
    }

    /** {@code dnssec-verify -o origin file}: the exit code and output. */
    public Peers.Result verify(String origin, Path signed) throws IOException, InterruptedException {
        return Peers.run(dir, 120, Peers.require("dnssec-verify"), "-o", origin, signed.toString());
    }
}
