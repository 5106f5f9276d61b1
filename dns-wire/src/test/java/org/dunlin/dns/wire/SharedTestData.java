package org.dunlin.dns.wire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates {@code ../shared/testdata} (relative to the project root) from a module's working directory. */
public final class SharedTestData {
    private SharedTestData() {
    }

    /** The testdata directory; fails the test if it cannot be found. */
    public static Path dir() {
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/testdata").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared/testdata not found from " + cwd);
    }
}
