package org.dunlin.dns.wire.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.dunlin.dns.wire.TextParseException;

/**
 * Splits zone-file text (RFC 1035 §5.1) into logical records: tokens separated by blanks, comments
 * from {@code ;} to the end of the line, parentheses joining lines, quoted strings, and backslash
 * escapes (which the lexer keeps; field parsers decode them). It streams: the input is read in chunks
 * and only the current record is held, up to {@link #MAX_RECORD_BYTES}.
 *
 * <p>Not thread-safe.
 */
public final class ZoneLexer {
    /** The longest logical record accepted (a 65535-octet RDATA in \DDD escapes fits). */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int lim;
    private boolean eof;
    private int line = 1;
    private int col = 1;
    private final boolean newlineIsBlank;

    private boolean recordStartsWithBlank;
    private int recordLine;

    /** A lexer reading {@code in} (which it does not close). */
    public ZoneLexer(InputStream in) {
        this.in = in;
        this.buf = new byte[64 * 1024];
        this.newlineIsBlank = false;
    }

    private ZoneLexer(byte[] text) {
        this.in = null;
        this.buf = text;
        this.lim = text.length;
        this.eof = true;
        this.newlineIsBlank = true;
    }

    /** Tokenizes all of {@code text} as one record (newlines are blanks) into {@code out}. */
    static void tokenizeAll(byte[] text, Tokens out) throws TextParseException {
        ZoneLexer lx = new ZoneLexer(text);
        lx.next(out);
        out.buf = text;
    }

    /** Whether the last record's first line started with a blank (its owner is omitted). */
    public boolean startsWithBlank() {
        return recordStartsWithBlank;
    }

    /** The line the last record started on. */
    public int recordLine() {
        return recordLine;
    }

    /** The current line (after the last record read). */
    public int line() {
        return line;
    }

    private int peek() throws TextParseException {
        if (pos < lim) {
            return buf[pos] & 0xFF;
        }
        if (eof) {
            return -1;
        }
        fill();
        return pos < lim ? buf[pos] & 0xFF : -1;
    }

    private void fill() throws TextParseException {
        if (lim == buf.length) {
            if (buf.length >= MAX_RECORD_BYTES + 65536) {
                throw new TextParseException("record longer than " + MAX_RECORD_BYTES + " bytes", pos, line, col);
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        } catch (IOException e) {
            throw new TextParseException("read error: " + e.getMessage(), pos, line, col);
        }
    }

    private void compact() {
        if (in != null && pos > 0 && pos >= buf.length / 2) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
    }

    /**
     * Reads the next logical record into {@code out}; false at the end of the input. After an error
     * the rest of the offending line is skipped, so the caller may continue with the next record.
     */
    public boolean next(Tokens out) throws TextParseException {
        while (true) {
            compact();
            out.reset(buf);
            int depth = 0;
            int openLine = 0;
            int openCol = 0;
            int openPos = 0;
            boolean atLineStart = true;
            recordStartsWithBlank = false;
            recordLine = line;
            int recordStartPos = pos;
            try {
                while (true) {
                    int c = peek();
                    if (pos - recordStartPos > MAX_RECORD_BYTES) {
                        throw new TextParseException("record longer than " + MAX_RECORD_BYTES + " bytes", pos, line, col);
                    }
                    if (c < 0) {
                        if (depth > 0) {
                            throw new TextParseException("unbalanced parentheses: '(' is never closed", openPos, openLine, openCol);
                        }
                        break;
                    }
                    if (c == '\n') {
                        pos++;
                        if (newlineIsBlank) {
                            line++;
                            col = 1;
                            continue;
                        }
                        if (depth == 0) {
                            if (out.count > 0) {
                                out.endLine = line;
                                out.endCol = col;
                                out.endOffset = pos - 1;
                                line++;
                                col = 1;
                                out.buf = buf;
                                return true;
                            }
                            line++;
                            col = 1;
                            atLineStart = true;
                            recordLine = line;
                            recordStartsWithBlank = false;
                            continue;
                        }
                        line++;
                        col = 1;
                        continue;
                    }
                    if (c == ' ' || c == '\t' || c == '\r') {
                        if (atLineStart && out.count == 0 && depth == 0 && c != '\r') {
                            recordStartsWithBlank = true;
                        }
                        atLineStart = false;
                        pos++;
                        col++;
                        continue;
                    }
                    atLineStart = false;
                    if (c == ';') {
                        while (true) {
                            int d = peek();
                            if (d < 0 || d == '\n') {
                                break;
                            }
                            pos++;
                            col++;
                        }
                        continue;
                    }
                    if (c == '(') {
                        if (depth == 0) {
                            openLine = line;
                            openCol = col;
                            openPos = pos;
                        }
                        depth++;
                        pos++;
                        col++;
                        continue;
                    }
                    if (c == ')') {
                        if (depth == 0) {
                            throw new TextParseException("unbalanced parentheses: ')' without '('", pos, line, col);
                        }
                        depth--;
                        pos++;
                        col++;
                        continue;
                    }
                    if (c == '"') {
                        int tokLine = line;
                        int tokCol = col;
                        pos++;
                        col++;
                        int s = pos;
                        while (true) {
                            int d = peek();
                            if (d < 0 || d == '\n') {
                                throw new TextParseException("unterminated quoted string", s - 1, tokLine, tokCol);
                            }
                            if (d == '"') {
                                break;
                            }
                            if (d == '\\') {
                                pos++;
                                col++;
                                int e = peek();
                                if (e < 0 || e == '\n') {
                                    throw new TextParseException("unterminated quoted string", s - 1, tokLine, tokCol);
                                }
                            }
                            pos++;
                            col++;
                        }
                        out.add(s, pos, tokLine, tokCol, Tokens.QUOTED);
                        pos++;
                        col++;
                        continue;
                    }
                    // An unquoted token.
                    int tokLine = line;
                    int tokCol = col;
                    int s = pos;
                    while (true) {
                        int d = peek();
                        if (d < 0 || d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == ';' || d == '(' || d == ')' || d == '"') {
                            break;
                        }
                        if (d == '\\') {
                            pos++;
                            col++;
                            int e = peek();
                            if (e < 0 || e == '\n') {
                                throw new TextParseException("backslash at the end of a line", pos - 1, line, col - 1);
                            }
                        }
                        pos++;
                        col++;
                    }
                    out.add(s, pos, tokLine, tokCol, 0);
                }
            } catch (TextParseException e) {
                skipLine();
                throw e;
            }
            out.endLine = line;
            out.endCol = col;
            out.endOffset = pos;
            out.buf = buf;
            return out.count > 0;
        }
    }

    private void skipLine() throws TextParseException {
        while (true) {
            int d;
            try {
                d = peek();
            } catch (TextParseException e) {
                return;
            }
            if (d < 0) {
                return;
            }
            pos++;
            if (d == '\n') {
                line++;
                col = 1;
                return;
            }
        }
    }
}
