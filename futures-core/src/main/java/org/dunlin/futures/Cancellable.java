package org.dunlin.futures;

/** A handle to something that can be called off, such as a task scheduled on a {@link Timer}. */
@FunctionalInterface
public interface Cancellable {
    /**
     * Calls it off. Returns {@code true} if this call prevented it from happening, {@code false} if it
     * had already happened, was already cancelled, or is happening now. Idempotent and thread-safe.
     */
    boolean cancel();
}
