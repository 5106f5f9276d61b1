package org.dunlin.futures;

/**
 * The shared frame of the stream operators built as a pump ({@link BufferedStream}, {@link MergeStream}):
 * every event (the consumer asks, an input arrives, the stream is closed) updates the subclass's state
 * under {@link #lock} and signals {@link #pump}, a {@link SequentialScheduler} whose task ({@link #pump()})
 * decides one action at a time under the lock and performs it outside. So no user code runs under the
 * lock, the pump never runs on two threads at once, and a consumer that calls {@code next()} from inside
 * its callback does not recurse.
 *
 * <p>The consumer's pending {@code next()} is a {@link Handoff} kept in {@link #consumer}: the pump claims
 * it before completing it, and a cancelled one signals the pump, which forgets it
 * ({@link #waitingConsumer()}). {@link #close()} runs {@link #terminate()} once.
 */
abstract class PumpedStream<T> extends AbstractAsyncStream<T> {
    final Object lock = new Object();
    final SequentialScheduler pump = new SequentialScheduler(this::pump);

    // Guarded by lock.
    Handoff<T> consumer;
    boolean terminated;

    @Override
    protected final Promise<T> pull() {
        Handoff<T> h = new Handoff<>(pump::signal);
        synchronized (lock) {
            consumer = h;
            consumerArrived();
        }
        pump.signal();
        return h.promise;
    }

    @Override
    protected final void onClose() {
        terminate();
    }

    /** Called under the lock when a {@code next()} has installed its {@link #consumer}; does nothing by default. */
    void consumerArrived() {
    }

    /** Under the lock: the {@link #consumer} if it still waits; one claimed or cancelled is forgotten. */
    final Handoff<T> waitingConsumer() {
        Handoff<T> c = consumer;
        if (c != null && !c.isWaiting()) {
            consumer = c = null;
        }
        return c;
    }

    /** The pump's task: runs actions until there is nothing to do (see the class comment). */
    abstract void pump();

    /** Stops for good: sets {@link #terminated}, cancels in-flight work, closes the inputs. Idempotent. */
    abstract void terminate();
}
