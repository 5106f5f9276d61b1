package org.dunlin.futures.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector and the thread that runs it: the bridge that gives {@code DatagramChannel}s (which NIO.2
 * has no asynchronous version of) readiness events.
 *
 * <p>Design. The thread alternates between running queued tasks and {@code select()}. Changing a key's
 * interest runs as a task on this thread; registering ({@link #register}) and closing a channel (which
 * cancels its key) may happen on any thread, because the JDK's selector (since JDK 11) queues both and
 * applies them at the start of its next select — all the caller must do is make sure there is a next
 * select, which {@link #wakeIfSleeping} does. {@link #execute} from another thread queues the task and
 * wakes the selector only if the loop is blocked (or about to block) in {@code select()}, and then only
 * once per wait: a loop that is busy handling events picks the task up on its next turn without any
 * wake-up system call, so a burst of registrations under load costs no wake-ups at all (Netty's event
 * loop works the same way). The hand-shake is Dekker's: the loop publishes {@code sleeping} and then
 * looks at the queue, a producer publishes its task and then looks at {@code sleeping}; with volatile
 * accesses at least one of them sees the other, so a task is never stranded. Ready keys are handed to
 * their {@link Handler} through {@code select(Consumer)} (no selected-key set, no iterator per turn),
 * which must never block and never run user code: it moves bytes and hands results to a
 * {@link CallbackLane}. If the thread dies (an {@code Error}, a broken selector), or when the loop is
 * shut down, every handler is told through {@link Handler#loopClosed}, so no future is left pending (the
 * JDK HttpClient's selector manager does the same).
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
    /** Set while the loop is in, or about to enter, a blocking select: only then does a task wake it. */
    private volatile boolean sleeping;
    /** Set by the first producer that wakes a sleeping loop, so the others need not. */
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(65536);
    private final Consumer<SelectionKey> dispatch = this::dispatch;
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
     * Runs {@code task} on the loop thread: soon, after the current select (waking the loop if it is
     * blocked in one). Throws {@link RejectedExecutionException} once the loop is shut down; a task that
     * was accepted runs, even if the loop shuts down meanwhile.
     */
    public void execute(Runnable task) {
        if (shutdown) {
            throw rejected();
        }
        tasks.add(task);
        if (shutdown && tasks.remove(task)) {
            // the loop shut down meanwhile and may have drained its queue for the last time: the task
            // was not taken, so it is the caller's to handle (a task the loop took does run)
            throw rejected();
        }
        wakeIfSleeping();
    }

    /**
     * Wakes the loop if it is blocked (or about to block) in {@code select()}, at most once per wait; a
     * no-op on the loop thread and while the loop is busy. For work the loop finds by itself on its next
     * turn: a queued task, a registration or a cancelled key (the JDK applies both at the start of
     * every select).
     */
    public void wakeIfSleeping() {
        if (sleeping && Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    private RejectedExecutionException rejected() {
        return new RejectedExecutionException("selector loop " + thread.getName() + " is shut down");
    }

    /**
     * Registers {@code channel} for {@code ops} with {@code handler} as the key's attachment, from any
     * thread, and wakes the loop if it sleeps. Since JDK 11 registration never blocks on a select in
     * progress: the selector applies it at the start of its next select, and the wake-up (only when the
     * loop is blocked) makes that select happen now; the {@code sleeping} hand-shake (see the class
     * comment) orders the registration before the loop's check exactly as it orders a task. This saves
     * queueing a registration task per socket.
     *
     * @return the key, or {@code null} if the loop is shut down: the channel may or may not be
     *     registered, and the caller must close it (its handler may also be told through
     *     {@link Handler#loopClosed}, so closing must be idempotent)
     */
    public SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws IOException {
        if (shutdown) {
            return null;
        }
        SelectionKey key;
        try {
            key = channel.register(selector, ops, handler);
        } catch (ClosedSelectorException x) {
            return null;
        }
        if (shutdown) {
            // closeAll may have listed the keys before this one was added: the caller releases it
            return null;
        }
        wakeIfSleeping();
        return key;
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
                sleeping = true;
                if (tasks.isEmpty()) {
                    selector.select(dispatch);
                } else {
                    selector.selectNow(dispatch);
                }
                sleeping = false;
            }
        } catch (Throwable x) {
            death = x;
            LOG.error("selector loop {} died; failing its sockets", thread.getName(), x);
        } finally {
            shutdown = true;
            closeAll(death);
        }
    }

    /** Hands one ready key to its handler (on the loop thread, from inside {@code select}). */
    private void dispatch(SelectionKey key) {
        if (sleeping) {
            sleeping = false; // awake: tasks queued from now on are seen at the next turn, no wake-up needed
        }
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
