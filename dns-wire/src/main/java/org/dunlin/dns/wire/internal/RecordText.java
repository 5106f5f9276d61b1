package org.dunlin.dns.wire.internal;

import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.rdata.Rdata;

/**
 * One record in presentation format: parsing a complete record line, and printing records and questions
 * in dig's tab-aligned columns (owner, TTL at column 24, class at 32, type at 40, RDATA at 48).
 */
public final class RecordText {
    private RecordText() {
    }

    /** Parses {@code owner ttl [class] type rdata} (the class may also come before the TTL). */
    public static Record parse(String text, Name origin) throws TextParseException {
        Tokens t = Tokens.of(text, origin);
        if (!t.hasNext()) {
            throw new TextParseException("empty record", 0);
        }
        Name owner = t.name("owner");
        long ttl = -1;
        RRClass cls = null;
        for (int k = 0; k < 2 && t.hasNext(); k++) {
            int i = t.index();
            String w = t.textOf(i);
            if (ttl < 0 && !t.isQuoted(i) && TtlText.looksLikeTtl(t.buffer(), t.startOf(i), t.endOf(i))) {
                ttl = t.duration("TTL");
            } else if (cls == null && !t.isQuoted(i) && RRClass.tryParse(w) != null) {
                cls = RRClass.tryParse(w);
                t.index(i + 1);
            } else {
                break;
            }
        }
        if (ttl < 0) {
            throw t.errorAt(t.index(), "missing TTL");
        }
        if (cls == null) {
            cls = RRClass.IN;
        }
        String typeText = t.word("type");
        RRType type = RRType.tryParse(typeText);
        if (type == null) {
            throw t.error("unknown type '" + typeText + "'");
        }
        Rdata rdata = RdataCodecs.parse(type, cls, t, new Values());
        try {
            return new Record(owner, cls, ttl, rdata);
        } catch (IllegalArgumentException e) {
            throw new TextParseException(e.getMessage(), 0);
        }
    }

    /** The record in dig's columns. */
    public static String format(Record r) {
        StringBuilder sb = new StringBuilder(80);
        append(sb, r);
        return sb.toString();
    }

    /** Appends the record in dig's columns. */
    public static void append(StringBuilder sb, Record r) {
        int lineStart = sb.length();
        r.owner().appendTo(sb);
        int col = tab(sb, sb.length() - lineStart, 24);
        int mark = sb.length();
        sb.append(r.ttl());
        col = tab(sb, col + sb.length() - mark, 32);
        mark = sb.length();
        sb.append(r.rrClass());
        col = tab(sb, col + sb.length() - mark, 40);
        mark = sb.length();
        sb.append(r.type());
        tab(sb, col + sb.length() - mark, 48);
        RdataCodecs.appendText(r.rdata(), sb);
    }

    /** Appends a question as dig prints it: {@code ;name<tabs>class<tab>type}. */
    public static void appendQuestion(StringBuilder sb, Question q) {
        int lineStart = sb.length();
        sb.append(';');
        q.name().appendTo(sb);
        int col = tab(sb, sb.length() - lineStart, 32);
        int mark = sb.length();
        sb.append(q.rrClass());
        col = tab(sb, col + sb.length() - mark, 40);
        sb.append(q.type());
    }

    /**
     * BIND's column alignment: from visual column {@code col}, tabs (8 columns wide) up to
     * {@code column}, at least one; returns the visual column reached.
     */
    static int tab(StringBuilder sb, int col, int column) {
        int tabs = column / 8 - col / 8;
        if (tabs < 1) {
            tabs = 1;
        }
        for (int i = 0; i < tabs; i++) {
            sb.append('\t');
        }
        return (col / 8 + tabs) * 8;
    }
}
