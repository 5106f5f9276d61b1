package org.dunlin.futures.io.codec;

/** A frame exceeds the codec's (or the framed stream's) maximum length. */
public final class FrameTooLongException extends CodecException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message giving the limit. */
    public FrameTooLongException(String message) {
        super(message);
    }
}
