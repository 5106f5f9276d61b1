package org.dunlin.dns.authority.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.dunlin.dns.authority.Catalog;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Name;

/**
 * The catalog's index: zones in an open-addressing table keyed by the hash of their origin, plus the
 * distinct origin depths, so that the longest match for a query name costs one probe per depth using
 * the suffix hashes the query parser already computed. Immutable.
 */
public final class CatalogIndex implements Catalog {
    private final ZoneData[] zones;
    private final ZoneData[] table;
    private final int mask;
    private final int[] depths; // distinct origin label counts, deepest first

    private CatalogIndex(List<ZoneData> list) {
        this.zones = list.toArray(new ZoneData[0]);
        int size = Integer.highestOneBit(Math.max(2, zones.length) * 4 - 1) << 1;
        this.table = new ZoneData[size];
        this.mask = size - 1;
        TreeSet<Integer> d = new TreeSet<>();
        for (ZoneData z : zones) {
            int slot = WireNames.spread(z.originHash) & mask;
            while (table[slot] != null) {
                slot = slot + 1 & mask;
            }
            table[slot] = z;
            d.add(z.originLabels);
        }
        this.depths = d.descendingSet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** A catalog of {@code zones}, which must come from {@link Zone}'s factories. */
    public static CatalogIndex of(Collection<? extends Zone> zones) {
        List<ZoneData> list = new ArrayList<>();
        for (Zone z : zones) {
            if (!(z instanceof ZoneData)) {
                throw new IllegalArgumentException("zones must come from Zone.load, Zone.parse or Zone.of: " + z);
            }
            for (ZoneData other : list) {
                if (other.origin().equals(z.origin())) {
                    throw new IllegalArgumentException("two zones for " + z.origin());
                }
            }
            list.add((ZoneData) z);
        }
        return new CatalogIndex(list);
    }

    /** Checks that {@code c} is a catalog this module made. */
    public static CatalogIndex cast(Catalog c) {
        if (!(c instanceof CatalogIndex)) {
            throw new IllegalArgumentException("catalogs must come from Catalog.of: " + c);
        }
        return (CatalogIndex) c;
    }

    /**
     * The zone of the name whose label starts and suffix hashes are given ({@code count} labels), or
     * null: the zone whose origin is the longest suffix of the name.
     */
    ZoneData find(byte[] b, int[] starts, int[] hashes, int count) {
        return longestMatch(b, starts, hashes, count, count);
    }

    /** The zone of the parent of the origin of {@code child} (for DS queries at a zone's apex), or null. */
    ZoneData parentOf(byte[] b, int[] starts, int[] hashes, int count, ZoneData child) {
        // Only the suffixes strictly above the child's origin; the root zone has no parent (max depth -1).
        return longestMatch(b, starts, hashes, count, child.originLabels - 1);
    }

    /** The zone whose origin is the longest suffix of the name with at most {@code maxDepth} labels, or null. */
    private ZoneData longestMatch(byte[] b, int[] starts, int[] hashes, int count, int maxDepth) {
        for (int depth : depths) {
            if (depth > maxDepth) {
                continue;
            }
            int from = count - depth;
            int off = starts[from];
            int len = starts[count] + 1 - off;
            for (int slot = WireNames.spread(hashes[from]) & mask; ; slot = slot + 1 & mask) {
                ZoneData z = table[slot];
                if (z == null) {
                    break;
                }
                if (z.originWire.length == len && WireNames.equalsFolded(b, off, z.originWire, 0, len)) {
                    return z;
                }
            }
        }
        return null;
    }

    @Override
    public List<Zone> zones() {
        return List.of(zones);
    }

    @Override
    public Optional<Zone> zone(Name origin) {
        for (ZoneData z : zones) {
            if (z.origin().equals(origin)) {
                return Optional.of(z);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Zone> find(Name name) {
        byte[] w = name.toCanonicalWire();
        int[] starts = new int[WireNames.MAX_LABELS + 1];
        int[] hashes = new int[WireNames.MAX_LABELS + 1];
        int n = WireNames.labelStarts(w, 0, starts);
        WireNames.suffixHashes(w, starts, n, hashes);
        return Optional.ofNullable(find(w, starts, hashes, n));
    }

    @Override
    public Catalog with(Zone zone) {
        List<Zone> l = new ArrayList<>();
        for (ZoneData z : zones) {
            if (!z.origin().equals(zone.origin())) {
                l.add(z);
            }
        }
        l.add(zone);
        return of(l);
    }

    @Override
    public Catalog without(Name origin) {
        List<Zone> l = new ArrayList<>();
        for (ZoneData z : zones) {
            if (!z.origin().equals(origin)) {
                l.add(z);
            }
        }
        return of(l);
    }

    @Override
    public String toString() {
        return "Catalog" + Arrays.toString(Arrays.stream(zones).map(z -> z.origin().toString()).toArray());
    }
}
