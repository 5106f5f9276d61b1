package org.dunlin.futures.io.codec;

import java.io.IOException;

/**
 * Bytes that cannot be decoded into a frame (malformed, too long, cut off by the end of the stream), or a
 * frame that cannot be encoded. Fails a framed stream; the message says what and where.
 */
public class CodecException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying what is wrong. */
    public CodecException(String message) {
        super(message);
    }
}
