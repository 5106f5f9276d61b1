package org.dunlin.dns.wire.zone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.Record;

/**
 * A configured zone-file parser (RFC 1035 §5): {@code $ORIGIN}, {@code $TTL} (RFC 2308 §4),
 * {@code $INCLUDE} (depth-limited), BIND's {@code $GENERATE}, parentheses, comments, quoted strings,
 * escapes, {@code @}, omitted owner, TTL and class, relative names and the RFC 3597 {@code \#} form.
 *
 * <p>Parsing streams: {@link #open(Path)} returns a {@link ZoneReader} that yields records one at a
 * time and holds only the current record's text. Errors carry file, line and column; by default the
 * first error stops parsing, and with {@link Builder#collectErrors(int)} bad records are skipped and
 * every problem is reported at the end.
 *
 * <p>Instances are immutable and thread-safe; each reader they open is for one thread.
 */
public final class ZoneParser {
    private final Name origin;
    private final RRClass defaultClass;
    private final long defaultTtl;
    private final int maxIncludeDepth;
    private final int maxErrors;
    private final long maxGenerated;

    private ZoneParser(Builder b) {
        this.origin = b.origin;
        this.defaultClass = b.defaultClass;
        this.defaultTtl = b.defaultTtl;
        this.maxIncludeDepth = b.maxIncludeDepth;
        this.maxErrors = b.maxErrors;
        this.maxGenerated = b.maxGenerated;
    }

    /** A builder for a parser of the zone at {@code origin} (absolute). */
    public static Builder builder(Name origin) {
        return new Builder(origin);
    }

    /** A parser with the defaults: stop at the first error, {@code $INCLUDE} up to 8 deep. */
    public static ZoneParser of(Name origin) {
        return builder(origin).build();
    }

    /** Opens {@code file} for streaming; {@code $INCLUDE} paths are relative to its directory. */
    public ZoneReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new ZoneReader(this, in, file.toString(), file.toAbsolutePath().getParent());
    }

    /**
     * Opens a stream (which the reader closes); {@code sourceName} names it in errors, and relative
     * {@code $INCLUDE} paths are resolved against the working directory.
     */
    public ZoneReader open(InputStream in, String sourceName) {
        return new ZoneReader(this, in, sourceName, null);
    }

    /** Opens zone text held in a string. */
    public ZoneReader open(String text, String sourceName) {
        return open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sourceName);
    }

    /**
     * Parses {@code file}, passing each record to {@code sink}; returns the number of records.
     *
     * @throws ZoneFileException with the first problem, or all of them in collect mode
     */
    public long parse(Path file, Consumer<Record> sink) throws IOException, ZoneFileException {
        try (ZoneReader r = open(file)) {
            return drain(r, sink);
        }
    }

    /** Parses zone text held in a string into a list. */
    public List<Record> parse(String text, String sourceName) throws ZoneFileException {
        List<Record> out = new ArrayList<>();
        try (ZoneReader r = open(text, sourceName)) {
            drain(r, out::add);
        } catch (IOException e) {
            throw new AssertionError(e); // no I/O on a string
        }
        return out;
    }

    private static long drain(ZoneReader r, Consumer<Record> sink) throws IOException, ZoneFileException {
        long n = 0;
        Record rec;
        while ((rec = r.next()) != null) {
            sink.accept(rec);
            n++;
        }
        r.throwIfProblems();
        return n;
    }

    /** The zone origin. */
    public Name origin() {
        return origin;
    }

    RRClass defaultClass() {
        return defaultClass;
    }

    long defaultTtl() {
        return defaultTtl;
    }

    int maxIncludeDepth() {
        return maxIncludeDepth;
    }

    int maxErrors() {
        return maxErrors;
    }

    long maxGenerated() {
        return maxGenerated;
    }

    /** Configures a {@link ZoneParser}; not thread-safe. */
    public static final class Builder {
        private final Name origin;
        private RRClass defaultClass = RRClass.IN;
        private long defaultTtl = -1;
        private int maxIncludeDepth = 8;
        private int maxErrors = 0;
        private long maxGenerated = 1 << 20;

        private Builder(Name origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
            if (!origin.isAbsolute()) {
                throw new IllegalArgumentException("origin must be absolute: " + origin);
            }
        }

        /** The class of records that give none before any record gives one (default IN). */
        public Builder defaultClass(RRClass c) {
            this.defaultClass = Objects.requireNonNull(c);
            return this;
        }

        /** The TTL of records without one before any {@code $TTL} (default: none, which is an error). */
        public Builder defaultTtl(long ttl) {
            if (ttl < 0 || ttl > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("TTL out of range: " + ttl);
            }
            this.defaultTtl = ttl;
            return this;
        }

        /** How deep {@code $INCLUDE} may nest (default 8); 0 forbids {@code $INCLUDE}. */
        public Builder maxIncludeDepth(int depth) {
            if (depth < 0) {
                throw new IllegalArgumentException("negative depth");
            }
            this.maxIncludeDepth = depth;
            return this;
        }

        /**
         * Skip bad records and collect up to {@code maxErrors} problems (then stop), reported when the
         * file ends; 0 (the default) stops at the first problem.
         */
        public Builder collectErrors(int maxErrors) {
            if (maxErrors < 0) {
                throw new IllegalArgumentException("negative maxErrors");
            }
            this.maxErrors = maxErrors;
            return this;
        }

        /** The most records one {@code $GENERATE} may produce (default 2^20). */
        public Builder maxGenerated(long max) {
            this.maxGenerated = max;
            return this;
        }

        public ZoneParser build() {
            return new ZoneParser(this);
        }
    }
}
