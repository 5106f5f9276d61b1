package org.dunlin.futures.io.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates daemon threads named {@code prefix-1}, {@code prefix-2}, ... and remembers them, so that the
 * runtime can tell its own threads apart (a runtime closed from one of its own threads must not wait for
 * that thread to end). An exception escaping a thread is logged.
 */
public final class NamedThreadFactory implements ThreadFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NamedThreadFactory.class);

    private final String prefix;
    private final AtomicInteger next = new AtomicInteger(1);
    private final Set<Thread> created;

    /** Threads named {@code prefix-N}, recorded in {@code created}. */
    public NamedThreadFactory(String prefix, Set<Thread> created) {
        this.prefix = prefix;
        this.created = created;
    }

    /** A factory whose threads are recorded in a fresh set. */
    public static NamedThreadFactory of(String prefix) {
        return new NamedThreadFactory(prefix, ConcurrentHashMap.newKeySet());
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, prefix + "-" + next.getAndIncrement());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, x) -> LOG.error("uncaught exception on {}", thread.getName(), x));
        created.add(t);
        return t;
    }

    /** Whether {@code t} was created by this factory. */
    public boolean created(Thread t) {
        return created.contains(t);
    }

    @Override
    public String toString() {
        return "NamedThreadFactory[" + prefix + "]";
    }
}
