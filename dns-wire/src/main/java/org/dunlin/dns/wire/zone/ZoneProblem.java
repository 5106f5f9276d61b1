package org.dunlin.dns.wire.zone;

import java.util.Objects;

/**
 * One problem found in a zone file, at a 1-based line and column of a file.
 *
 * @param file    the file (as named to the parser, or by {@code $INCLUDE})
 * @param line    the 1-based line
 * @param column  the 1-based column (1 when the problem concerns a whole record or the zone)
 * @param message what is wrong
 */
public record ZoneProblem(String file, int line, int column, String message) {
    public ZoneProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code FILE:LINE:COL: message}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
