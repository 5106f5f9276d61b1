package org.dunlin.dns.resolver;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dunlin.futures.Promise;
import org.junit.jupiter.api.Assumptions;

/** Waiting with generous deadlines, thread snapshots, and the skip-or-fail rule for missing peers. */
final class TestSupport {
    /** Generous: the build machine is small and shared. */
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private TestSupport() {
    }

    static <T> T await(Promise<T> p) throws Exception {
        return p.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Waits (bounded) until no thread outside {@code before} is alive; returns the names left. */
    static Set<String> threadsLeftOver(Set<Thread> before, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Set<Thread> extra;
        do {
            extra = liveThreads();
            extra.removeAll(before);
            extra.removeIf(t -> !t.isAlive() || t.getName().startsWith("fake-"));
            if (extra.isEmpty()) {
                return Set.of();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return extra.stream().map(Thread::getName).collect(Collectors.toSet());
    }

    /**
     * Skips the calling test when {@code available} is false, unless {@code DUNLIN_REQUIRE_PEERS=1}, in
     * which case the test fails: CI installs every peer.
     */
    static void requirePeer(boolean available, String what) {
        if (!available && "1".equals(System.getenv("DUNLIN_REQUIRE_PEERS"))) {
            throw new AssertionError(what + " is missing and DUNLIN_REQUIRE_PEERS=1");
        }
        Assumptions.assumeTrue(available, what + " is not installed: test skipped");
    }

    /** Whether an executable is on the PATH (or at an absolute path). */
    static boolean executable(String name) {
        if (name.startsWith("/")) {
            return new java.io.File(name).canExecute();
        }
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && new java.io.File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** The absolute path of an executable, searching PATH and the sbin directories. */
    static String which(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            java.io.File f = new java.io.File(dir, name);
            if (!dir.isEmpty() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return name;
    }
}
