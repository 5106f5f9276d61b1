package org.dunlin.futures;

/** A send to (or a wait on) a channel that was closed. */
public final class ChannelClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying which side closed. */
    public ChannelClosedException(String message) {
        super(message);
    }
}
