package org.dunlin.futures.io.internal;

import java.util.concurrent.Executor;
import org.dunlin.futures.Promise;
import org.dunlin.futures.SerialExecutor;

/**
 * Where one connection or socket completes the futures it hands out: either inline, on the I/O thread
 * that observed the event ({@link #direct()}), or one task at a time, in order, on the runtime's callback
 * executor ({@link #serialOn}). Every future a connection completes goes through its lane, so the
 * continuations of one connection never run concurrently with each other in the executor mode, and
 * never leave the I/O thread in the direct mode.
 */
public final class CallbackLane implements Executor {
    private static final CallbackLane DIRECT = new CallbackLane(null);

    private final SerialExecutor serial;

    private CallbackLane(SerialExecutor serial) {
        this.serial = serial;
    }

    /** The lane that runs everything inline on the calling (I/O) thread. */
    public static CallbackLane direct() {
        return DIRECT;
    }

    /** A new lane that runs its tasks one at a time, in submission order, on {@code executor}. */
    public static CallbackLane serialOn(Executor executor) {
        return new CallbackLane(new SerialExecutor(executor));
    }

    /** Whether tasks run inline on the calling thread. */
    public boolean isDirect() {
        return serial == null;
    }

    @Override
    public void execute(Runnable task) {
        if (serial == null) {
            task.run();
        } else {
            serial.execute(task);
        }
    }

    /** Completes {@code p} with {@code value} on this lane. */
    public <T> void complete(Promise<T> p, T value) {
        if (serial == null) {
            p.complete(value);
        } else {
            serial.execute(() -> p.complete(value));
        }
    }

    /** Fails {@code p} with {@code cause} on this lane. */
    public void fail(Promise<?> p, Throwable cause) {
        if (serial == null) {
            p.completeExceptionally(cause);
        } else {
            serial.execute(() -> p.completeExceptionally(cause));
        }
    }

    @Override
    public String toString() {
        return serial == null ? "CallbackLane[direct]" : "CallbackLane[" + serial + "]";
    }
}
