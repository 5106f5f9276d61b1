package org.dunlin.dns.authority;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/** Locating shared test data and peer programs; zone resources of this module's tests. */
public final class TestSupport {
    private TestSupport() {
    }

    /** {@code ../shared} (relative to the project root), found from the working directory. */
    public static Path shared() {
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/testdata").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate.getParent();
            }
        }
        throw new IllegalStateException("../shared not found from " + cwd);
    }

    /**
     * The absolute path of {@code program}: a missing peer skips the test with a message, unless
     * {@code DUNLIN_REQUIRE_PEERS=1} (as CI sets), in which case the test fails.
     */
    public static String requirePeer(String program) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin")
                .split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            File f = new File(dir, program);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        if ("1".equals(System.getenv("DUNLIN_REQUIRE_PEERS"))) {
            throw new AssertionError(program + " is required (DUNLIN_REQUIRE_PEERS=1) but not installed");
        }
        Assumptions.assumeTrue(false, program + " is not installed (apt-get install nsd knot bind9 dnsperf); skipping");
        return null;
    }

    /** The text of a test resource under {@code /zones/}. */
    public static String zoneText(String name) throws IOException {
        try (InputStream in = TestSupport.class.getResourceAsStream("/zones/" + name)) {
            if (in == null) {
                throw new IOException("no test resource /zones/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Copies a test zone resource into {@code dir}; returns the file. */
    public static Path zoneFile(Path dir, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, zoneText(name));
        return f;
    }
}
