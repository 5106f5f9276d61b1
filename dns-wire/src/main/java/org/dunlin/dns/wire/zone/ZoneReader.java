package org.dunlin.dns.wire.zone;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.internal.RdataCodecs;
import org.dunlin.dns.wire.internal.Tokens;
import org.dunlin.dns.wire.internal.TtlText;
import org.dunlin.dns.wire.internal.Values;
import org.dunlin.dns.wire.internal.ZoneLexer;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SoaRdata;

/**
 * Reads the records of a zone file one at a time ({@link #next()}), following {@code $INCLUDE}s and
 * expanding {@code $GENERATE}s lazily. Opened by {@link ZoneParser}; close it to release the files.
 *
 * <p>Not thread-safe: one reader is used by one thread.
 */
public final class ZoneReader implements Closeable {
    /*
     * State follows RFC 1035 §5.1: the origin and the previous owner belong to the file being read
     * ($INCLUDE pushes them, and the parent's are restored after the included file, as §5.1 says the
     * origin is); $TTL (RFC 2308 §4) and the zone's class apply from where they are set onward.
     * Without $TTL a record without TTL takes the last explicit TTL (RFC 1035), and an SOA with
     * neither takes its MINIMUM, as BIND does.
     */
    private static final class Source {
        final ZoneLexer lexer;
        final InputStream in;
        final String name;
        final Path dir;
        Name origin;
        Name lastOwner;

        Source(InputStream in, String name, Path dir, Name origin) {
            this.lexer = new ZoneLexer(in);
            this.in = in;
            this.name = name;
            this.dir = dir;
            this.origin = origin;
        }
    }

    private final ZoneParser cfg;
    private final Deque<Source> stack = new ArrayDeque<>();
    private Source src;
    private final Tokens tokens = new Tokens();
    private final Values values = new Values();
    private long ttlDirective;
    private long lastExplicitTtl = -1;
    private RRClass zoneClass;
    private final List<ZoneProblem> problems = new ArrayList<>();
    private Generator generator;
    private String lastFile;
    private int lastLine;
    private boolean closed;

    ZoneReader(ZoneParser cfg, InputStream in, String name, Path dir) {
        this.cfg = cfg;
        this.src = new Source(in, name, dir, cfg.origin());
        this.ttlDirective = cfg.defaultTtl();
    }

    /**
     * The next record, or null at the end of the zone.
     *
     * @throws ZoneFileException at the first problem (or, in collect mode, when too many were found)
     * @throws IOException       if a file cannot be read
     */
    public Record next() throws ZoneFileException, IOException {
        if (closed) {
            return null;
        }
        while (true) {
            if (generator != null) {
                try {
                    Record r = generator.next();
                    if (r != null) {
                        lastFile = generator.file;
                        lastLine = generator.line;
                        return r;
                    }
                } catch (TextParseException e) {
                    problem(generator.file, generator.line, e.column() > 0 ? generator.column : 1, "$GENERATE: " + e.reason());
                }
                generator = null;
            }
            boolean got;
            try {
                got = src.lexer.next(tokens);
            } catch (TextParseException e) {
                problem(e);
                continue;
            }
            if (!got) {
                if (stack.isEmpty()) {
                    return null;
                }
                src.in.close();
                src = stack.pop();
                continue;
            }
            try {
                tokens.origin(src.origin);
                Record r = handleLine();
                if (r != null) {
                    lastFile = src.name;
                    lastLine = src.lexer.recordLine();
                    return r;
                }
            } catch (TextParseException e) {
                problem(e);
            }
        }
    }

    /** The file of the record last returned by {@link #next()}. */
    public String file() {
        return lastFile;
    }

    /** The line where the record last returned by {@link #next()} starts. */
    public int line() {
        return lastLine;
    }

    /** The problems collected so far (collect mode). */
    public List<ZoneProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws the collected problems, if any. */
    public void throwIfProblems() throws ZoneFileException {
        if (!problems.isEmpty()) {
            throw new ZoneFileException(problems);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException first = null;
        for (Source s : stack) {
            try {
                s.in.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        stack.clear();
        try {
            src.in.close();
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }

    private void problem(TextParseException e) throws ZoneFileException {
        int line = e.line() > 0 ? e.line() : src.lexer.recordLine();
        int col = e.column() > 0 ? e.column() : 1;
        problem(src.name, line, col, e.reason());
    }

    private void problem(String file, int line, int col, String message) throws ZoneFileException {
        problems.add(new ZoneProblem(file, line, col, message));
        if (cfg.maxErrors() == 0) {
            throw new ZoneFileException(problems);
        }
        if (problems.size() >= cfg.maxErrors()) {
            problems.add(new ZoneProblem(file, line, col, "too many errors; giving up"));
            throw new ZoneFileException(problems);
        }
    }

    /** Handles one logical line: a directive (returns null) or a record. */
    private Record handleLine() throws TextParseException, IOException {
        Tokens t = tokens;
        if (!src.lexer.startsWithBlank() && t.peekFirstByte() == '$' && !t.peekQuoted()) {
            directive(t);
            return null;
        }
        Name owner;
        if (!src.lexer.startsWithBlank()) {
            owner = t.name("owner");
        } else {
            owner = src.lastOwner;
            if (owner == null) {
                throw t.errorAt(0, "no owner name: the first record starts with a blank");
            }
        }
        src.lastOwner = owner;
        return record(t, owner, src.origin);
    }

    private Record record(Tokens t, Name owner, Name origin) throws TextParseException {
        long ttl = -1;
        RRClass cls = null;
        for (int k = 0; k < 2 && t.hasNext(); k++) {
            int i = t.index();
            if (t.isQuoted(i)) {
                break;
            }
            if (ttl < 0 && TtlText.looksLikeTtl(t.buffer(), t.startOf(i), t.endOf(i))) {
                ttl = t.duration("TTL");
                continue;
            }
            if (cls == null) {
                RRClass c = classOf(t, i);
                if (c != null) {
                    cls = c;
                    t.index(i + 1);
                    continue;
                }
            }
            break;
        }
        int typeIndex = t.index();
        String typeText = t.word("type");
        RRType type = RRType.tryParse(typeText);
        if (type == null) {
            throw t.errorAt(typeIndex, "unknown type '" + typeText + "'");
        }
        if (cls == null) {
            cls = zoneClass != null ? zoneClass : cfg.defaultClass();
        } else if (zoneClass != null && !cls.equals(zoneClass)) {
            throw t.errorAt(typeIndex - 1, "class " + cls + " differs from the zone's class " + zoneClass);
        }
        zoneClass = cls;
        Rdata rdata = RdataCodecs.parse(type, cls, t, values);
        if (ttl >= 0) {
            lastExplicitTtl = ttl;
        } else if (ttlDirective >= 0) {
            ttl = ttlDirective;
        } else if (lastExplicitTtl >= 0) {
            ttl = lastExplicitTtl;
        } else if (rdata instanceof SoaRdata soa) {
            ttl = soa.minimum();
            lastExplicitTtl = ttl;
        } else {
            throw t.errorAt(typeIndex, "no TTL: give one, or set $TTL");
        }
        try {
            return new Record(owner, cls, ttl, rdata);
        } catch (IllegalArgumentException e) {
            throw t.errorAt(0, e.getMessage());
        }
    }

    private static RRClass classOf(Tokens t, int i) {
        byte[] b = t.buffer();
        int s = t.startOf(i);
        int len = t.endOf(i) - s;
        if (len == 2 && (b[s] | 0x20) == 'i' && (b[s + 1] | 0x20) == 'n') {
            return RRClass.IN; // the common case, without allocating a String
        }
        int c0 = b[s] | 0x20;
        if (c0 != 'c' && c0 != 'h' && c0 != 'n' && c0 != 'a') {
            return null;
        }
        return RRClass.tryParse(t.textOf(i));
    }

    private void directive(Tokens t) throws TextParseException, IOException {
        String d = t.word("directive");
        switch (d.toUpperCase(java.util.Locale.ROOT)) {
            case "$ORIGIN": {
                Name o = t.name("origin");
                t.expectEnd("$ORIGIN");
                src.origin = o;
                return;
            }
            case "$TTL": {
                ttlDirective = t.duration("TTL");
                t.expectEnd("$TTL");
                return;
            }
            case "$INCLUDE": {
                int fileToken = t.index();
                String file = new String(t.unescaped("file name"), java.nio.charset.StandardCharsets.UTF_8);
                Name o = t.hasNext() ? t.name("origin") : src.origin;
                t.expectEnd("$INCLUDE");
                if (cfg.maxIncludeDepth() == 0) {
                    throw t.errorAt(0, "$INCLUDE is not allowed");
                }
                if (stack.size() >= cfg.maxIncludeDepth()) {
                    throw t.errorAt(0, "$INCLUDE nested deeper than " + cfg.maxIncludeDepth());
                }
                Path p = Paths.get(file);
                if (!p.isAbsolute() && src.dir != null) {
                    p = src.dir.resolve(p);
                }
                InputStream in;
                try {
                    in = Files.newInputStream(p);
                } catch (IOException e) {
                    throw t.errorAt(fileToken, "cannot read $INCLUDE file " + file + ": " + e.getMessage());
                }
                stack.push(src);
                Path parent = p.toAbsolutePath().getParent();
                src = new Source(in, p.toString(), parent, o);
                return;
            }
            case "$GENERATE": {
                generator = Generator.parse(t, this, src.name, src.lexer.recordLine(), cfg.maxGenerated());
                return;
            }
            default:
                throw t.errorAt(0, "unknown directive " + d);
        }
    }

    /** Parses one generated record line (for {@link Generator}). */
    Record generated(String text, String file, int line) throws TextParseException {
        Tokens t = Tokens.of(text, src.origin);
        Name owner = t.name("owner");
        return record(t, owner, src.origin);
    }
}
