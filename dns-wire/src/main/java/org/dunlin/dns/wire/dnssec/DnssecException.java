package org.dunlin.dns.wire.dnssec;

/**
 * Malformed or unusable DNSSEC key material, an algorithm this runtime cannot handle, or a key file
 * that does not parse. The message says what was wrong (and, for files, where).
 *
 * <p>A signature that merely fails to verify is never reported with this exception: verification
 * methods return a result instead.
 */
public class DnssecException extends RuntimeException {

    /** An exception with a message that says what was wrong. */
    public DnssecException(String message) {
        super(message);
    }

    /** An exception with a message and the underlying provider failure. */
    public DnssecException(String message, Throwable cause) {
        super(message, cause);
    }
}
