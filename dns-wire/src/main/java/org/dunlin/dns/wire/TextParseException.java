package org.dunlin.dns.wire;

/**
 * Presentation-format text (a name, an RDATA, a record line) could not be parsed. {@link #offset()}
 * is the 0-based position in the parsed text where the problem was found, or -1 when unknown; zone
 * files report their problems with file, line and column instead (see
 * {@code org.dunlin.dns.wire.zone.ZoneFileException}).
 */
public class TextParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final int line;
    private final int column;

    /** A problem at {@code offset} (0-based, or -1 when unknown). */
    public TextParseException(String message, int offset) {
        this(message, offset, 0, 0);
    }

    /**
     * A problem at {@code offset} in the text, which is also at 1-based {@code line} and {@code column}
     * of a multi-line source (0 when unknown).
     */
    public TextParseException(String message, int offset, int line, int column) {
        super(message);
        this.offset = offset;
        this.line = line;
        this.column = column;
    }

    /** A problem without a known position. */
    public TextParseException(String message) {
        this(message, -1);
    }

    /** The 0-based position in the parsed text, or -1 when unknown. */
    public int offset() {
        return offset;
    }

    /** The 1-based line in a multi-line source, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column in a multi-line source, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The problem without position, as given to the constructor. */
    public String reason() {
        return super.getMessage();
    }
}
