package org.dunlin.dns.authority;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.dunlin.dns.authority.internal.CatalogIndex;
import org.dunlin.dns.wire.Name;

/**
 * The zones a server is authoritative for, found by longest match: a name belongs to the zone whose
 * origin is its closest ancestor (names outside every zone are refused). Immutable and thread-safe:
 * changing the catalog makes a new one ({@link #with}, {@link #without}), which a server swaps in
 * atomically, so a query sees either the old zone or the new one, never a mixture.
 *
 * <p>Only instances from the factories here are accepted by the server; the interface is not meant to
 * be implemented elsewhere.
 */
public interface Catalog {
    /** A catalog of {@code zones} (at most one per origin). */
    static Catalog of(Collection<? extends Zone> zones) {
        return CatalogIndex.of(zones);
    }

    /** A catalog of {@code zones} (at most one per origin). */
    static Catalog of(Zone... zones) {
        return CatalogIndex.of(List.of(zones));
    }

    /** The zones, in no particular order. */
    List<Zone> zones();

    /** The zone at exactly {@code origin}. */
    Optional<Zone> zone(Name origin);

    /** The zone {@code name} belongs to: the one with the longest origin that is an ancestor of it. */
    Optional<Zone> find(Name name);

    /** This catalog with {@code zone} added, replacing any zone with the same origin. */
    Catalog with(Zone zone);

    /** This catalog without the zone at {@code origin}. */
    Catalog without(Name origin);
}
