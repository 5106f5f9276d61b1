package org.dunlin.dns.authority;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.dunlin.dns.authority.internal.ZoneData;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.dunlin.dns.wire.zone.ZoneProblem;

/**
 * One authoritative zone, loaded and checked, in the compact immutable form the server answers from.
 * Zones come from the factories here ({@link #load}, {@link #parse}, {@link #of}); the interface is not
 * meant to be implemented elsewhere, and the server refuses other implementations.
 *
 * <p>Loading checks what {@code named-checkzone} checks: one SOA at the origin, NS at the origin, no
 * CNAME beside other data (DNSSEC records excepted), single CNAME and DNAME, class IN. Errors are
 * reported as a {@link ZoneFileException} whose message is {@code FILE:LINE:COL: message}; records
 * outside the zone are ignored and RRsets whose records disagree on the TTL take the first one's, each
 * with a warning ({@link #warnings()}).
 *
 * <p>Immutable and thread-safe; a changed zone is a new instance (swap it into a {@link Catalog}).
 */
public interface Zone {
    /**
     * Loads and checks the zone file {@code file} (with {@code $INCLUDE}s relative to its directory).
     *
     * @throws ZoneFileException for syntax or zone errors, each with file, line and column
     * @throws IOException if a file cannot be read
     */
    static Zone load(Name origin, Path file) throws IOException, ZoneFileException {
        return ZoneData.load(origin, file);
    }

    /** Parses and checks zone text; {@code sourceName} names it in errors. */
    static Zone parse(Name origin, String text, String sourceName) throws ZoneFileException {
        return ZoneData.parse(origin, text, sourceName);
    }

    /** Builds and checks a zone from records (errors name the record's position, 1-based, as its line). */
    static Zone of(Name origin, Iterable<Record> records) throws ZoneFileException {
        return ZoneData.of(origin, records);
    }

    /** The origin (apex) of the zone. */
    Name origin();

    /** The serial of the zone's SOA record. */
    long serial();

    /** The number of records, after merging duplicates. */
    long recordCount();

    /** The number of names in the zone, empty non-terminals included. */
    int nodeCount();

    /** Whether the zone is DNSSEC-signed (its SOA has an RRSIG). */
    boolean isSigned();

    /** What loading adjusted or ignored. */
    List<ZoneProblem> warnings();

    /** The RRset of {@code type} at {@code owner} (not RRSIG, whose records differ by covered type). */
    Optional<RRset> rrset(Name owner, RRType type);

    /**
     * Every record, decoded, in canonical order: for tools and tests (it materialises the whole zone as
     * objects, which the server never does).
     */
    List<Record> records();
}
