package org.dunlin.futures.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector and the thread that runs it: the bridge that gives {@code DatagramChannel}s (which NIO.2
 * has no asynchronous version of) readiness events.
 *
 * <p>Design. The thread alternates between running queued tasks and {@code select()}. Everything that
 * touches the selector's keys — registering, changing interest, cancelling — runs as a task on this
 * thread, so the selector is confined to it. {@link #execute} from another thread queues the task and
 * wakes the selector at most once per wait (a flag avoids a wake-up system call per task). Ready keys
 * are handed to their {@link Handler}, which must never block and never run user code: it moves bytes
 * and hands results to a {@link CallbackLane}. If the thread dies (an {@code Error}, a broken selector),
 * or when the loop is shut down, every handler is told through {@link Handler#loopClosed}, so no future
 * is left pending (the JDK HttpClient's selector manager does the same).
 */
public final class SelectorLoop {
    private static final Logger LOG = LoggerFactory.getLogger(SelectorLoop.class);

    /** What a registered channel does when it is ready. Runs on the loop thread only. */
    public interface Handler {
        /** The key is ready for some of its interest set. */
        void ready(SelectionKey key);

        /** The loop is closing (or died with {@code cause}): release the channel and fail pending work. */
        void loopClosed(Throwable cause);
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(65536);
    private volatile boolean shutdown;

    /** Opens the selector and starts the thread. */
    public SelectorLoop(ThreadFactory threads) throws IOException {
        this.selector = Selector.open();
        this.thread = threads.newThread(this::run);
        thread.start();
    }

    /** Whether the caller runs on this loop's thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * A direct buffer large enough for any datagram, for use by handlers on the loop thread only
     * (one per loop, so receiving allocates nothing but the copy of each datagram).
     */
    public ByteBuffer receiveBuffer() {
        return receiveBuffer;
    }

    /**
     * Runs {@code task} on the loop thread: soon, after the current select. Throws
     * {@link RejectedExecutionException} once the loop is shut down.
     */
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("selector loop " + thread.getName() + " is shut down");
        }
        tasks.add(task);
        if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Registers {@code channel} (on the loop thread); the handler is the key's attachment. */
    public SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        if (!inLoop()) {
            throw new IllegalStateException("register must run on the loop thread");
        }
        return channel.register(selector, ops, handler);
    }

    /** Stops the loop: handlers are told, the selector closed. Idempotent; does not wait. */
    public void shutdown() {
        shutdown = true;
        selector.wakeup();
    }

    /** Waits for the loop thread to end, at most {@code millis}; returns whether it ended. */
    public boolean await(long millis) throws InterruptedException {
        thread.join(TimeUnit.MILLISECONDS.toMillis(millis));
        return !thread.isAlive();
    }

    private void run() {
        Throwable death = null;
        try {
            while (!shutdown) {
                runTasks();
                if (shutdown) {
                    break;
                }
                wakeupPending.set(false);
                if (tasks.isEmpty()) {
                    selector.select();
                } else {
                    selector.selectNow();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    Handler h = (Handler) key.attachment();
                    try {
                        if (key.isValid()) {
                            h.ready(key);
                        }
                    } catch (CancelledKeyException ignored) {
                        // closed concurrently: its close task releases it
                    } catch (RuntimeException x) {
                        LOG.warn("selector handler {} failed", h, x);
                    }
                }
            }
        } catch (Throwable x) {
            death = x;
            LOG.error("selector loop {} died; failing its sockets", thread.getName(), x);
        } finally {
            shutdown = true;
            closeAll(death);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException x) {
                LOG.warn("selector task failed", x);
            }
        }
    }

    private void closeAll(Throwable death) {
        runTasks();
        List<Handler> handlers = new ArrayList<>();
        try {
            for (SelectionKey key : selector.keys()) {
                handlers.add((Handler) key.attachment());
            }
        } catch (ClosedSelectorException ignored) {
            // nothing registered any more
        }
        for (Handler h : handlers) {
            try {
                h.loopClosed(death);
            } catch (RuntimeException x) {
                LOG.warn("closing {} failed", h, x);
            }
        }
        try {
            selector.close();
        } catch (IOException x) {
            LOG.debug("closing selector", x);
        }
        // Tasks queued after the last run (a registration racing with shutdown) still get to see that
        // the loop is gone: they run here and their registrations fail with ClosedSelectorException.
        runTasks();
    }

    @Override
    public String toString() {
        return "SelectorLoop[" + thread.getName() + (shutdown ? ", shut down" : "") + "]";
    }
}
