package org.dunlin.futures.io;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dunlin.futures.Promise;

/** Helpers shared by the tests: loopback addresses, waiting with generous deadlines, thread snapshots. */
public final class Loopback {
    /** Generous: the build machine is small and shared. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private Loopback() {
    }

    /** 127.0.0.1 on an ephemeral port. */
    public static InetSocketAddress any() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    /** Waits for {@code p} with the default deadline. */
    public static <T> T await(Promise<T> p) throws Exception {
        return p.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** The bytes of a string. */
    public static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The text of a buffer's remaining bytes. */
    public static String text(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    /** The live threads now. */
    public static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /**
     * Waits (bounded) until no thread outside {@code before} is alive, and returns the names of those
     * still alive at the deadline.
     */
    public static Set<String> threadsLeftOver(Set<Thread> before, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Set<Thread> extra;
        do {
            extra = liveThreads();
            extra.removeAll(before);
            extra.removeIf(t -> !t.isAlive());
            if (extra.isEmpty()) {
                return Set.of();
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return extra.stream().map(Thread::getName).collect(Collectors.toSet());
    }
}
