package org.dunlin.dns.wire.zone;

import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.internal.Tokens;

/**
 * BIND's {@code $GENERATE range lhs [ttl] [class] type rhs}: the range is {@code start-stop[/step]};
 * in lhs and rhs, {@code $} is the iterator, {@code ${offset,width,base}} formats it (base d, o, x, X,
 * or n/N for reversed nibbles as in ip6.arpa), and {@code \$} is a literal dollar. Records are made one
 * at a time as the reader asks for them.
 */
final class Generator {
    final String file;
    final int line;
    final int column;
    private final ZoneReader reader;
    private final long stop;
    private final long step;
    private final String lhs;
    private final String middle;
    private final String rhs;
    private long next;

    private Generator(ZoneReader reader, String file, int line, int column, long start, long stop, long step,
            String lhs, String middle, String rhs) {
        this.reader = reader;
        this.file = file;
        this.line = line;
        this.column = column;
        this.next = start;
        this.stop = stop;
        this.step = step;
        this.lhs = lhs;
        this.middle = middle;
        this.rhs = rhs;
    }

    static Generator parse(Tokens t, ZoneReader reader, String file, int line, long maxRecords) throws TextParseException {
        int rangeIndex = t.index();
        String range = t.word("$GENERATE range");
        long start;
        long stop;
        long step = 1;
        try {
            String r = range;
            int slash = r.indexOf('/');
            if (slash >= 0) {
                step = Long.parseLong(r.substring(slash + 1));
                r = r.substring(0, slash);
            }
            int dash = r.indexOf('-');
            if (dash < 0) {
                start = stop = Long.parseLong(r);
            } else {
                start = Long.parseLong(r.substring(0, dash));
                stop = Long.parseLong(r.substring(dash + 1));
            }
        } catch (NumberFormatException e) {
            throw t.errorAt(rangeIndex, "bad $GENERATE range '" + range + "' (expected start-stop[/step])");
        }
        if (start < 0 || stop < start || step < 1 || stop > 0xFFFFFFFFL) {
            throw t.errorAt(rangeIndex, "bad $GENERATE range '" + range + "'");
        }
        if ((stop - start) / step + 1 > maxRecords) {
            throw t.errorAt(rangeIndex, "$GENERATE range makes more than " + maxRecords + " records");
        }
        String lhs = t.string("$GENERATE owner");
        StringBuilder middle = new StringBuilder();
        // Optional TTL and class, then the type, then the RDATA template (the rest of the line).
        int remaining = t.size() - t.index();
        if (remaining < 2) {
            throw t.errorAt(t.index(), "$GENERATE needs a type and RDATA");
        }
        while (t.size() - t.index() > 1) {
            String w = t.string("$GENERATE field");
            middle.append(w).append(' ');
            if (org.dunlin.dns.wire.RRType.tryParse(w) != null && !Character.isDigit(w.charAt(0))
                    && org.dunlin.dns.wire.RRClass.tryParse(w) == null) {
                break;
            }
        }
        StringBuilder rhs = new StringBuilder();
        while (t.hasNext()) {
            int i = t.index();
            boolean quoted = t.isQuoted(i);
            String w = t.string("$GENERATE RDATA");
            if (rhs.length() > 0) {
                rhs.append(' ');
            }
            if (quoted) {
                rhs.append('"').append(w).append('"');
            } else {
                rhs.append(w);
            }
        }
        Generator g = new Generator(reader, file, line, 1, start, stop, step, lhs, middle.toString(), rhs.toString());
        // Check the templates once, so a bad one is reported at the directive.
        g.expand(lhs, start, t, rangeIndex);
        g.expand(rhs.toString(), start, t, rangeIndex);
        return g;
    }

    Record next() throws TextParseException {
        if (next > stop) {
            return null;
        }
        long i = next;
        next += step;
        String text = expand(lhs, i, null, 0) + " " + middle + expand(rhs, i, null, 0);
        return reader.generated(text, file, line);
    }

    private String expand(String template, long value, Tokens t, int tokenIndex) throws TextParseException {
        StringBuilder sb = new StringBuilder(template.length() + 8);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length() && template.charAt(i + 1) == '$') {
                sb.append("\\$");
                i++;
                continue;
            }
            if (c != '$') {
                sb.append(c);
                continue;
            }
            if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    throw error(t, tokenIndex, "unterminated ${ in $GENERATE template");
                }
                String[] parts = template.substring(i + 2, close).split(",", -1);
                long offset;
                int width = 0;
                char base = 'd';
                try {
                    offset = Long.parseLong(parts[0].trim());
                    if (parts.length > 1) {
                        width = Integer.parseInt(parts[1].trim());
                    }
                    if (parts.length > 2) {
                        if (parts[2].trim().length() != 1) {
                            throw new NumberFormatException();
                        }
                        base = parts[2].trim().charAt(0);
                    }
                } catch (NumberFormatException e) {
                    throw error(t, tokenIndex, "bad ${offset,width,base} in $GENERATE template");
                }
                if (parts.length > 3 || width < 0 || width > 255 || "doxXnN".indexOf(base) < 0) {
                    throw error(t, tokenIndex, "bad ${offset,width,base} in $GENERATE template");
                }
                sb.append(format(value + offset, width, base));
                i = close;
                continue;
            }
            sb.append(value);
        }
        return sb.toString();
    }

    private static TextParseException error(Tokens t, int index, String message) {
        return t != null ? t.errorAt(index, message) : new TextParseException(message);
    }

    private static String format(long v, int width, char base) {
        String s;
        switch (base) {
            case 'o': s = Long.toOctalString(v); break;
            case 'x': s = Long.toHexString(v); break;
            case 'X': s = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT); break;
            case 'n':
            case 'N': {
                String hex = Long.toHexString(v);
                if (base == 'N') {
                    hex = hex.toUpperCase(java.util.Locale.ROOT);
                }
                StringBuilder pad = new StringBuilder();
                for (int k = hex.length(); k < width; k++) {
                    pad.append('0');
                }
                hex = pad + hex;
                StringBuilder out = new StringBuilder();
                for (int k = hex.length() - 1; k >= 0; k--) {
                    out.append(hex.charAt(k));
                    if (k > 0) {
                        out.append('.');
                    }
                }
                return out.toString();
            }
            default: s = Long.toString(v);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = s.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }
}
