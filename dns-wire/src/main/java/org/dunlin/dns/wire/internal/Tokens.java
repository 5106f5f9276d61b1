package org.dunlin.dns.wire.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.TextParseException;

/**
 * The tokens of one logical record of presentation text (one line, or several joined by parentheses),
 * as byte ranges of a source buffer with their line and column, and a cursor over them. RDATA field
 * parsers consume tokens through the typed helpers here; every error names the token's position.
 *
 * <p>Not thread-safe; reused by the lexer for record after record.
 */
public final class Tokens {
    /** Token flag: the token was a quoted string (quotes removed). */
    public static final int QUOTED = 1;

    byte[] buf;
    int[] start = new int[32];
    int[] end = new int[32];
    int[] line = new int[32];
    int[] col = new int[32];
    byte[] flags = new byte[32];
    int count;
    int index;
    /** Position of the end of the record, for "missing field" errors. */
    int endLine;
    int endCol;
    int endOffset;
    private Name origin;

    /** The tokens of {@code text} (a whole RDATA or record, parentheses and comments allowed). */
    public static Tokens of(String text, Name origin) throws TextParseException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Tokens t = new Tokens();
        ZoneLexer.tokenizeAll(b, t);
        t.origin = origin;
        return t;
    }

    void reset(byte[] buf) {
        this.buf = buf;
        count = 0;
        index = 0;
    }

    void add(int s, int e, int ln, int cl, int fl) {
        if (count == start.length) {
            int n = count * 2;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            line = Arrays.copyOf(line, n);
            col = Arrays.copyOf(col, n);
            flags = Arrays.copyOf(flags, n);
        }
        start[count] = s;
        end[count] = e;
        line[count] = ln;
        col[count] = cl;
        flags[count] = (byte) fl;
        count++;
    }

    /** The origin relative names are completed with (null: relative names are errors). */
    public Name origin() {
        return origin;
    }

    /** Sets the origin. */
    public void origin(Name origin) {
        this.origin = origin;
    }

    /** Number of tokens in the record. */
    public int size() {
        return count;
    }

    /** Index of the next token. */
    public int index() {
        return index;
    }

    /** Moves the cursor to token {@code i}. */
    public void index(int i) {
        index = i;
    }

    /** Whether tokens remain. */
    public boolean hasNext() {
        return index < count;
    }

    /** Whether the next token exists and is unquoted and equal to {@code s} (ignoring ASCII case). */
    public boolean peekIs(String s) {
        if (index >= count || (flags[index] & QUOTED) != 0) {
            return false;
        }
        int len = end[index] - start[index];
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = buf[start[index] + i] & 0xFF;
            int d = s.charAt(i);
            if (c != d && Character.toLowerCase(c) != Character.toLowerCase(d)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the next token is quoted. */
    public boolean peekQuoted() {
        return index < count && (flags[index] & QUOTED) != 0;
    }

    /** The first byte of the next token, or -1. */
    public int peekFirstByte() {
        return index < count && end[index] > start[index] ? buf[start[index]] & 0xFF : -1;
    }

    /** An error at token {@code i} (or the end of the record when {@code i} is past the last token). */
    public TextParseException errorAt(int i, String message) {
        if (i >= count) {
            return new TextParseException(message, endOffset, endLine, endCol);
        }
        return new TextParseException(message, start[i], line[i], col[i]);
    }

    /** An error at the token just consumed. */
    public TextParseException error(String message) {
        return errorAt(Math.max(0, index - 1), message);
    }

    private int take(String what) throws TextParseException {
        if (index >= count) {
            throw errorAt(index, "missing " + what);
        }
        return index++;
    }

    /** The next token's raw text (escapes kept), as ISO-8859-1. */
    public String string(String what) throws TextParseException {
        int i = take(what);
        return new String(buf, start[i], end[i] - start[i], StandardCharsets.ISO_8859_1);
    }

    /** The next token's raw text, which must not be quoted. */
    public String word(String what) throws TextParseException {
        int i = take(what);
        if ((flags[i] & QUOTED) != 0) {
            throw errorAt(i, what + " must not be quoted");
        }
        return new String(buf, start[i], end[i] - start[i], StandardCharsets.ISO_8859_1);
    }

    /** The next token as an unsigned decimal number no greater than {@code max}. */
    public long number(String what, long max) throws TextParseException {
        int i = take(what);
        int s = start[i];
        int e = end[i];
        if (s == e || e - s > 19) {
            throw errorAt(i, "bad " + what + ": expected a number");
        }
        long v = 0;
        for (int k = s; k < e; k++) {
            int c = buf[k] - '0';
            if (c < 0 || c > 9) {
                throw errorAt(i, "bad " + what + ": expected a number, got '" + new String(buf, s, e - s, StandardCharsets.ISO_8859_1) + "'");
            }
            v = v * 10 + c;
            if (v > max) {
                throw errorAt(i, what + " out of range (maximum " + max + ")");
            }
        }
        return v;
    }

    /** The next token as a number 0..max. */
    public int intValue(String what, int max) throws TextParseException {
        return (int) number(what, max);
    }

    /**
     * The next token as a TTL-style duration: decimal seconds or BIND's units
     * ({@code 1w2d3h4m5s}, any case), at most 2^32-1.
     */
    public long duration(String what) throws TextParseException {
        int i = take(what);
        long v = TtlText.parse(buf, start[i], end[i]);
        if (v < 0) {
            throw errorAt(i, "bad " + what + ": '" + new String(buf, start[i], end[i] - start[i], StandardCharsets.ISO_8859_1) + "'");
        }
        return v;
    }

    /** The next token as a domain name, completed with the origin if relative. */
    public Name name(String what) throws TextParseException {
        int i = take(what);
        if ((flags[i] & QUOTED) != 0 && end[i] == start[i]) {
            throw errorAt(i, "empty " + what);
        }
        try {
            Name n = Name.parse(buf, start[i], end[i] - start[i], origin);
            if (!n.isAbsolute()) {
                throw errorAt(i, "relative " + what + " and no origin to complete it");
            }
            return n;
        } catch (TextParseException e) {
            if (e.line() > 0) {
                throw e;
            }
            throw errorAt(i, "bad " + what + ": " + e.getMessage());
        }
    }

    /** The next token as a character-string (RFC 1035 §5.1 escapes decoded), at most 255 octets. */
    public ByteString characterString(String what) throws TextParseException {
        int i = take(what);
        byte[] b = unescape(i, what);
        if (b.length > 255) {
            throw errorAt(i, what + " longer than 255 octets");
        }
        return ByteString.of(b);
    }

    /** The next token with escapes decoded, of any length. */
    public byte[] unescaped(String what) throws TextParseException {
        return unescape(take(what), what);
    }

    private byte[] unescape(int i, String what) throws TextParseException {
        int s = start[i];
        int e = end[i];
        byte[] out = new byte[e - s];
        int o = 0;
        for (int k = s; k < e; k++) {
            byte c = buf[k];
            if (c == '\\') {
                if (k + 1 >= e) {
                    throw errorAt(i, "backslash at the end of " + what);
                }
                int d = buf[k + 1] & 0xFF;
                if (d >= '0' && d <= '9') {
                    if (k + 3 >= e) {
                        throw errorAt(i, "\\DDD escape needs three digits in " + what);
                    }
                    int d2 = buf[k + 2] - '0';
                    int d3 = buf[k + 3] - '0';
                    if (d2 < 0 || d2 > 9 || d3 < 0 || d3 > 9) {
                        throw errorAt(i, "\\DDD escape needs three digits in " + what);
                    }
                    int v = (d - '0') * 100 + d2 * 10 + d3;
                    if (v > 255) {
                        throw errorAt(i, "\\DDD escape above 255 in " + what);
                    }
                    out[o++] = (byte) v;
                    k += 3;
                } else {
                    out[o++] = (byte) d;
                    k += 1;
                }
            } else {
                out[o++] = c;
            }
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    /**
     * The remaining tokens joined without separators (base64 and hex may be split into several), or
     * null if none remain and {@code required} is false.
     */
    public String rest(String what, boolean required) throws TextParseException {
        if (index >= count) {
            if (required) {
                throw errorAt(index, "missing " + what);
            }
            return null;
        }
        StringBuilder sb = new StringBuilder();
        while (index < count) {
            if ((flags[index] & QUOTED) != 0) {
                throw errorAt(index, what + " must not be quoted");
            }
            sb.append(new String(buf, start[index], end[index] - start[index], StandardCharsets.ISO_8859_1));
            index++;
        }
        return sb.toString();
    }

    /** Fails if tokens remain. */
    public void expectEnd(String context) throws TextParseException {
        if (index < count) {
            throw errorAt(index, "extra text after " + context + ": '" + new String(buf, start[index], end[index] - start[index], StandardCharsets.ISO_8859_1) + "'");
        }
    }

    /** Line of token {@code i}. */
    public int lineOf(int i) {
        return i < count ? line[i] : endLine;
    }

    /** Column of token {@code i}. */
    public int columnOf(int i) {
        return i < count ? col[i] : endCol;
    }

    /** Raw text of token {@code i}. */
    public String textOf(int i) {
        return new String(buf, start[i], end[i] - start[i], StandardCharsets.ISO_8859_1);
    }

    /** Whether token {@code i} was quoted. */
    public boolean isQuoted(int i) {
        return (flags[i] & QUOTED) != 0;
    }

    /** Source buffer (for zero-copy parsers in this module). */
    public byte[] buffer() {
        return buf;
    }

    /** Start offset of token {@code i} in {@link #buffer()}. */
    public int startOf(int i) {
        return start[i];
    }

    /** End offset of token {@code i} in {@link #buffer()}. */
    public int endOf(int i) {
        return end[i];
    }
}
