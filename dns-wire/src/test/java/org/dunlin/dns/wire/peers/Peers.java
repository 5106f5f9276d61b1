package org.dunlin.dns.wire.peers;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a peer program on the PATH. A missing peer skips the test with a message, unless
 * {@code DUNLIN_REQUIRE_PEERS=1} (as CI sets), in which case the test fails.
 */
public final class Peers {
    private Peers() {
    }

    /** The absolute path of {@code program}, or a skip/fail if it is not installed. */
    public static String require(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File f = new File(dir, program);
                if (f.isFile() && f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        String msg = program + " is not installed (apt-get install bind9 bind9-dnsutils); skipping";
        if ("1".equals(System.getenv("DUNLIN_REQUIRE_PEERS"))) {
            throw new AssertionError(program + " is required (DUNLIN_REQUIRE_PEERS=1) but not installed");
        }
        Assumptions.assumeTrue(false, msg);
        return null;
    }
}
