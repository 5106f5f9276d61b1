package org.dunlin.dns.authority.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.dunlin.dns.authority.ZoneSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches zone files and reports each one that changed. A thread of its own polls the files' size,
 * modification time and file key every interval (a rename over the file, as editors and deployment
 * tools do, changes the key), which works on every file system, unlike inotify-based watch services on
 * network and container mounts. The thread belongs to this object: {@link #close()} ends it and waits.
 *
 * <p>A change is reported once per new state of the file; if the file is still being written when it is
 * read, the next poll sees it change again and reports it again.
 */
public final class ZoneWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneWatcher.class);

    private final List<ZoneSource> sources;
    private final Duration interval;
    private final Consumer<ZoneSource> changed;
    private final Thread thread;
    private final Object[] stamps;
    private volatile boolean closed;

    /** Starts watching {@code sources}, calling {@code changed} on the watcher's thread. */
    public ZoneWatcher(List<ZoneSource> sources, Duration interval, Consumer<ZoneSource> changed, String threadName) {
        this.sources = List.copyOf(sources);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.stamps = new Object[this.sources.size()];
        for (int i = 0; i < stamps.length; i++) {
            stamps[i] = stamp(this.sources.get(i).file());
        }
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            List<Object> s = new ArrayList<>(3);
            s.add(a.lastModifiedTime());
            s.add(a.size());
            s.add(a.fileKey());
            return s;
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private void run() {
        long millis = Math.max(1, interval.toMillis());
        while (!closed) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            }
            for (int i = 0; i < stamps.length && !closed; i++) {
                ZoneSource s = sources.get(i);
                Object now = stamp(s.file());
                if (!now.equals(stamps[i])) {
                    stamps[i] = now;
                    if ("missing".equals(now)) {
                        LOG.warn("{}: the zone file of {} is gone; still serving the zone loaded before", s.file(), s.origin());
                        continue;
                    }
                    try {
                        changed.accept(s);
                    } catch (RuntimeException x) {
                        LOG.error("reloading {} failed", s.origin(), x);
                    }
                }
            }
        }
    }

    /** Stops watching and waits for the thread to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
