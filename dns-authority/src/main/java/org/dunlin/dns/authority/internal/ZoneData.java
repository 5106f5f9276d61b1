package org.dunlin.dns.authority.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dunlin.dns.authority.Zone;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.dunlin.dns.wire.zone.ZoneProblem;
import org.dunlin.dns.wire.zone.ZoneReader;

/**
 * The immutable, compact form of one zone that the answering code reads: a node table in DNSSEC
 * canonical order with a hash index, every RRset pre-encoded in one byte arena. Built by
 * {@link ZoneBuilder}; safe to share between threads once constructed (all fields final, arrays never
 * written after construction).
 *
 * <pre>
 * node i (0 = the apex, then canonical order; empty non-terminals are nodes without data)
 *   names[nameStart[i] .. nameStart[i+1])   the labels in front of the origin, wire form, lower case
 *   data[dataStart[i] .. dataStart[i+1])    the node's RRsets, by type (RRSIGs by covered type)
 *   flags[i]                                DELEGATION, OCCLUDED, CNAME, DNAME, WILDCARD_CHILD, DS
 *
 * RRset at offset s:   TYPE(16) COVERED(16, RRSIG only) TTL(32) COUNT(16)  then COUNT times  RDLENGTH(16) RDATA
 * index                table[spread(hash) &amp; mask .. linear probing] = node + 1; 0 is empty
 * </pre>
 *
 * <p>The hash of node i is {@link WireNames}' hash of its full name (origin included), so the query
 * path finds a node from the suffix hashes it computed for the query name in one pass. Names are kept
 * relative to the origin and lower-cased: owner names in answers are compression pointers to the
 * question (or to RDATA already written), so the zone file's case of owners is never needed; RDATA keeps
 * its case. About 40 bytes per single-record node plus the RDATA.
 */
public final class ZoneData implements Zone {
    /** The node has NS records and is not the apex: a zone cut (RFC 1034 §4.2.1). */
    public static final int DELEGATION = 1;
    /** A proper ancestor is a zone cut or owns a DNAME: the node's data is glue or occluded. */
    public static final int OCCLUDED = 2;
    /** The node owns a CNAME. */
    public static final int CNAME = 4;
    /** The node owns a DNAME. */
    public static final int DNAME = 8;
    /** The node has a child named {@code *} (RFC 4592 §2.1.1). */
    public static final int WILDCARD_CHILD = 16;
    /** The node owns a DS RRset. */
    public static final int HAS_DS = 32;
    /**
     * The node holds only NSEC3 records (and their RRSIGs): it belongs to the hashed chain, not to the
     * zone's namespace (RFC 5155 §7.2.8), and lookups do not see it.
     */
    public static final int NSEC3_ONLY = 64;

    private static final int TYPE_RRSIG = 46;

    final Name origin;
    final byte[] originWire;
    final int originLabels;
    final int originHash;
    final int nodeCount;
    final byte[] names;
    final int[] nameStart;
    final byte[] flags;
    final int[] dataStart;
    final byte[] data;
    final int[] table;
    final int tableMask;
    final long recordCount;
    final int soaSet;
    final long negativeTtl;
    final long serial;
    final Nsec3Chain nsec3;
    final boolean signed;
    final List<ZoneProblem> warnings;

    ZoneData(Name origin, int nodeCount, byte[] names, int[] nameStart, byte[] flags, int[] dataStart, byte[] data,
            int[] table, long recordCount, int soaSet, long negativeTtl, long serial, Nsec3Chain nsec3, boolean signed,
            List<ZoneProblem> warnings) {
        this.origin = origin;
        this.originWire = origin.toCanonicalWire();
        this.originLabels = origin.labelCount();
        this.originHash = WireNames.hash(originWire, 0);
        this.nodeCount = nodeCount;
        this.names = names;
        this.nameStart = nameStart;
        this.flags = flags;
        this.dataStart = dataStart;
        this.data = data;
        this.table = table;
        this.tableMask = table.length - 1;
        this.recordCount = recordCount;
        this.soaSet = soaSet;
        this.negativeTtl = negativeTtl;
        this.serial = serial;
        this.nsec3 = nsec3;
        this.signed = signed;
        this.warnings = List.copyOf(warnings);
    }

    /** Loads the zone file {@code file} for {@code origin} (see {@link Zone#load}). */
    public static ZoneData load(Name origin, Path file) throws IOException, ZoneFileException {
        long size = java.nio.file.Files.size(file);
        try (ZoneReader r = ZoneParser.of(origin).open(file)) {
            return read(origin, r, size);
        }
    }

    /** Parses zone text (see {@link Zone#parse}). */
    public static ZoneData parse(Name origin, String text, String sourceName) throws ZoneFileException {
        try (ZoneReader r = ZoneParser.of(origin).open(text, sourceName)) {
            return read(origin, r, text.length());
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    private static ZoneData read(Name origin, ZoneReader r, long textSize) throws IOException, ZoneFileException {
        ZoneBuilder b = new ZoneBuilder(origin, textSize);
        Record rec;
        while ((rec = r.next()) != null) {
            b.add(rec, r.file(), r.line());
        }
        r.throwIfProblems();
        return b.build();
    }

    /** Builds a zone from records (see {@link Zone#of}). */
    public static ZoneData of(Name origin, Iterable<Record> records) throws ZoneFileException {
        ZoneBuilder b = new ZoneBuilder(origin);
        int i = 0;
        for (Record r : records) {
            b.add(r, "records", ++i);
        }
        return b.build();
    }

    @Override
    public Name origin() {
        return origin;
    }

    @Override
    public List<ZoneProblem> warnings() {
        return warnings;
    }

    @Override
    public boolean isSigned() {
        return signed;
    }

    @Override
    public Optional<RRset> rrset(Name owner, RRType type) {
        if (!owner.isSubdomainOf(origin)) {
            return Optional.empty();
        }
        byte[] w = owner.toCanonicalWire();
        int relLen = w.length - originWire.length;
        int node = findRelative(w, 0, relLen, WireNames.hash(w, 0));
        if (node < 0) {
            return Optional.empty();
        }
        int set = type.equals(RRType.RRSIG) ? -1 : findSet(node, type.value());
        if (set < 0) {
            return Optional.empty();
        }
        return Optional.of(RRset.of(decode(owner, set)));
    }

    @Override
    public List<Record> records() {
        List<Record> out = new ArrayList<>();
        for (int node = 0; node < nodeCount; node++) {
            Name owner = ownerName(node);
            for (int s = dataStart[node]; s < dataStart[node + 1]; s = nextSet(s)) {
                out.addAll(decode(owner, s));
            }
        }
        return out;
    }

    /** The absolute name of node i (lower case). */
    public Name ownerName(int node) {
        int len = nameLength(node);
        byte[] w = new byte[len + originWire.length];
        System.arraycopy(names, nameStart[node], w, 0, len);
        System.arraycopy(originWire, 0, w, len, originWire.length);
        try {
            return Name.fromWire(w);
        } catch (WireFormatException e) {
            throw new IllegalStateException("corrupt node name", e);
        }
    }

    private List<Record> decode(Name owner, int set) {
        List<Record> out = new ArrayList<>();
        RRType t = RRType.of(setType(set));
        long ttl = setTtl(set);
        int r = firstRecord(set);
        for (int i = setCount(set); i > 0; i--) {
            int len = rdLength(r);
            try {
                out.add(new Record(owner, RRClass.IN, ttl, Rdata.fromWire(t, RRClass.IN, data, r + 2, len)));
            } catch (WireFormatException e) {
                throw new IllegalStateException("corrupt RDATA in the zone arena", e);
            }
            r += 2 + len;
        }
        return out;
    }

    /** The origin in canonical (lower-case) wire form. */
    public byte[] originWire() {
        return originWire;
    }

    /** The number of labels of the origin. */
    public int originLabels() {
        return originLabels;
    }

    @Override
    public int nodeCount() {
        return nodeCount;
    }

    @Override
    public long recordCount() {
        return recordCount;
    }

    @Override
    public long serial() {
        return serial;
    }

    /** The NSEC3 chain, or null when the zone has no NSEC3PARAM at its apex. */
    public Nsec3Chain nsec3() {
        return nsec3;
    }

    /** The data arena (read only). */
    public byte[] data() {
        return data;
    }

    /** The node flags. */
    public int flags(int node) {
        return flags[node];
    }

    /** The TTL of negative answers (RFC 2308 §5): the smaller of the SOA's TTL and its MINIMUM. */
    public long negativeTtl() {
        return negativeTtl;
    }

    /** The offset of the apex SOA RRset. */
    public int soaSet() {
        return soaSet;
    }

    /** Whether node i has no RRsets (an empty non-terminal). */
    public boolean isEmpty(int node) {
        return dataStart[node] == dataStart[node + 1];
    }

    /** The offset of the node's first RRset (equal to {@link #setsEnd} when it has none). */
    public int setsStart(int node) {
        return dataStart[node];
    }

    /** The end of the node's RRsets. */
    public int setsEnd(int node) {
        return dataStart[node + 1];
    }

    /** The relative name of node i: {@code names()[nameOffset(i) .. nameOffset(i) + nameLength(i))}. */
    public int nameOffset(int node) {
        return nameStart[node];
    }

    /** The length of node i's relative name. */
    public int nameLength(int node) {
        return nameStart[node + 1] - nameStart[node];
    }

    /** The arena of relative names. */
    public byte[] names() {
        return names;
    }

    // ---------------------------------------------------------------------------------------------
    // RRsets

    /** The type of the RRset at {@code set}. */
    public int setType(int set) {
        return (data[set] & 0xFF) << 8 | data[set + 1] & 0xFF;
    }

    /** The type an RRSIG set covers (0 for other sets). */
    public int setCovered(int set) {
        return (data[set + 2] & 0xFF) << 8 | data[set + 3] & 0xFF;
    }

    /** The TTL of the RRset at {@code set}. */
    public long setTtl(int set) {
        return ((long) (data[set + 4] & 0xFF) << 24) | (data[set + 5] & 0xFF) << 16 | (data[set + 6] & 0xFF) << 8
                | data[set + 7] & 0xFF;
    }

    /** The number of records of the RRset at {@code set}. */
    public int setCount(int set) {
        return (data[set + 8] & 0xFF) << 8 | data[set + 9] & 0xFF;
    }

    /** The offset of the first record (its RDLENGTH) of the RRset at {@code set}. */
    public static int firstRecord(int set) {
        return set + 10;
    }

    /** The RDLENGTH of the record at {@code record}; its RDATA follows at {@code record + 2}. */
    public int rdLength(int record) {
        return (data[record] & 0xFF) << 8 | data[record + 1] & 0xFF;
    }

    /** The offset of the RRset after the one at {@code set}. */
    public int nextSet(int set) {
        int p = set + 10;
        for (int n = setCount(set); n > 0; n--) {
            p += 2 + rdLength(p);
        }
        return p;
    }

    /** The offset of node i's RRset of {@code type} (not RRSIG), or -1. */
    public int findSet(int node, int type) {
        int end = dataStart[node + 1];
        for (int s = dataStart[node]; s < end; s = nextSet(s)) {
            int t = setType(s);
            if (t == type) {
                return s;
            }
            if (t > type) {
                return -1;
            }
        }
        return -1;
    }

    /** The offset of node i's RRSIG set covering {@code type}, or -1. */
    public int findSignatures(int node, int type) {
        int end = dataStart[node + 1];
        for (int s = dataStart[node]; s < end; s = nextSet(s)) {
            int t = setType(s);
            if (t == TYPE_RRSIG && setCovered(s) == type) {
                return s;
            }
            if (t > TYPE_RRSIG) {
                return -1;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------
    // Lookup

    /**
     * The node whose full name is labels {@code from..} of a name in {@code b} (label starts in
     * {@code starts}, suffix hashes in {@code hashes}) when the origin begins at label {@code apex}; -1
     * if there is none. The caller guarantees that labels {@code apex..} are the origin.
     */
    public int find(byte[] b, int[] starts, int[] hashes, int from, int apex) {
        if (from == apex) {
            return 0;
        }
        int off = starts[from];
        int len = starts[apex] - off;
        int[] t = table;
        int mask = tableMask;
        for (int slot = WireNames.spread(hashes[from]) & mask; ; slot = slot + 1 & mask) {
            int e = t[slot];
            if (e == 0) {
                return -1;
            }
            int node = e - 1;
            int ns = nameStart[node];
            if (nameStart[node + 1] - ns == len && WireNames.equalsFolded(b, off, names, ns, len)) {
                return node;
            }
        }
    }

    /**
     * The node named {@code rel} (a relative lower-case name of {@code len} octets at {@code off}) whose
     * full-name hash is {@code hash}, or -1.
     */
    int findRelative(byte[] rel, int off, int len, int hash) {
        if (len == 0) {
            return 0;
        }
        for (int slot = WireNames.spread(hash) & tableMask; ; slot = slot + 1 & tableMask) {
            int e = table[slot];
            if (e == 0) {
                return -1;
            }
            int node = e - 1;
            int ns = nameStart[node];
            if (nameStart[node + 1] - ns == len && WireNames.equalsFolded(rel, off, names, ns, len)) {
                return node;
            }
        }
    }

    /**
     * The node that precedes the given name in canonical order (the greatest node not greater than it),
     * by binary search over the node order: what NSEC denial needs. {@code rel} is a relative name.
     */
    public int floor(byte[] rel, int off, int len, int[] scratchA, int[] scratchB) {
        int lo = 0;
        int hi = nodeCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            int c = WireNames.compareCanonical(names, nameStart[mid], nameStart[mid + 1] - nameStart[mid], rel, off, len,
                    scratchA, scratchB);
            if (c <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "ZoneData[" + origin + ", " + nodeCount + " nodes, " + recordCount + " records, serial " + serial + "]";
    }
}
