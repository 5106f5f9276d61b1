package org.dunlin.futures;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one task in response to signals, never concurrently with itself and with bounded recursion — the
 * building block for state machines that many threads poke (a connection's read/write pump, a stream
 * operator's drain loop).
 *
 * <p>{@link #signal()} guarantees the task runs at least once, entirely after the call began. If the task
 * is not running, the signalling thread runs it (or hands it to the executor given at construction); if
 * it is running — on any thread, including the signalling one, from inside the task — the signal is
 * recorded and the running invocation runs the task again when it returns. Signals that arrive during one
 * run are coalesced into one more run. So the task should drain all the work it can see, and the stack
 * never grows with the number of signals.
 *
 * <p>Everything the task did in one run happens-before its next run. An exception thrown by the task
 * goes to the running thread's uncaught-exception handler and does not stop later runs. Lock-free and
 * thread-safe.
 */
public final class SequentialScheduler {
    private static final VarHandle STATE =
            FieldHandles.of(MethodHandles.lookup(), SequentialScheduler.class, "state", int.class);

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int AGAIN = 2;

    private final Runnable task;
    private final Executor executor;
    private final Runnable drain = this::drain;
    @SuppressWarnings("unused") // via STATE
    private volatile int state;

    /** A scheduler that runs {@code task} on the signalling thread. */
    public SequentialScheduler(Runnable task) {
        this(task, null);
    }

    /**
     * A scheduler that runs {@code task} on {@code executor}; {@code null} means on the signalling thread.
     * If the executor rejects a run, the signalling thread runs it instead.
     */
    public SequentialScheduler(Runnable task, Executor executor) {
        this.task = Objects.requireNonNull(task, "task");
        this.executor = executor;
    }

    /** Ensures the task runs (again) after this call; see the class comment. */
    public void signal() {
        for (;;) {
            int s = state;
            if (s == IDLE) {
                if (STATE.compareAndSet(this, IDLE, RUNNING)) {
                    if (executor == null) {
                        drain();
                    } else {
                        try {
                            executor.execute(drain);
                        } catch (RejectedExecutionException rejected) {
                            drain();
                        }
                    }
                    return;
                }
            } else if (s == RUNNING) {
                if (STATE.compareAndSet(this, RUNNING, AGAIN)) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    /** Whether the task is running or about to run. */
    public boolean isRunning() {
        return state != IDLE;
    }

    private void drain() {
        for (;;) {
            try {
                task.run();
            } catch (Throwable x) {
                Uncaught.report(x);
            }
            if (STATE.compareAndSet(this, RUNNING, IDLE)) {
                return;
            }
            STATE.setVolatile(this, RUNNING);
        }
    }

    @Override
    public String toString() {
        return "SequentialScheduler[" + (state == IDLE ? "idle" : "running") + ", " + task + "]";
    }
}
