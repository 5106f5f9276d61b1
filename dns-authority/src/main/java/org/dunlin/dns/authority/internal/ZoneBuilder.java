package org.dunlin.dns.authority.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.internal.Base32Hex;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SignatureData;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.dunlin.dns.wire.zone.ZoneProblem;

/**
 * Turns a stream of records into a {@link ZoneData}, checking the zone as {@code named-checkzone} does.
 * Not thread-safe; one builder builds one zone.
 *
 * <p>Design. Memory is the constraint (a million-record zone must load in a modest heap), so records are
 * not kept as objects: each one is appended to a byte arena as it arrives — relative owner name (lower
 * case), type, covered type, TTL, RDATA in wire form — and only an {@code int} handle per record is kept,
 * with the file and line it came from. {@link #build()} sorts the handles (owner in canonical order, then
 * type, covered type and RDATA, stable), walks them once to group nodes and RRsets, drop duplicates and
 * check the rules below, inserts the empty non-terminals, and computes the node flags top-down (parents
 * sort before children in canonical order, so one pass sees every parent's flags first).
 *
 * <p>Rules (errors unless noted): class IN only; exactly one SOA, at the origin; NS at the origin; no
 * CNAME beside other data except DNSSEC records (RFC 2181 §10.1, RFC 4035 §2.5); at most one CNAME and
 * one DNAME per name; owners outside the zone are ignored (a warning); the records of one RRset get the
 * TTL of the first of them (RFC 2181 §5.2, a warning when they differ); exact duplicates are merged.
 */
public final class ZoneBuilder {
    private static final int T_NS = 2;
    private static final int T_CNAME = 5;
    private static final int T_SOA = 6;
    private static final int T_DS = 43;
    private static final int T_RRSIG = 46;
    private static final int T_NSEC = 47;
    private static final int T_NSEC3 = 50;
    private static final int T_NSEC3PARAM = 51;
    private static final int T_DNAME = 39;

    private final Name origin;
    private final byte[] originWire;
    private final int originHash;
    private final List<ZoneProblem> errors = new ArrayList<>();
    private final List<ZoneProblem> warnings = new ArrayList<>();
    private final List<String> files = new ArrayList<>();

    // record arena: [relLen u8][rel][type u16][covered u16][ttl u32][rdlen u16][rdata]
    private byte[] arena = new byte[1 << 12];
    private int arenaPos;
    private int[] recOff = new int[64];
    private int[] recLine = new int[64];
    private int[] recFile = new int[64];
    private int records;

    /** A builder for the zone at {@code origin} (absolute). */
    public ZoneBuilder(Name origin) {
        this(origin, 0);
    }

    /**
     * A builder for a zone whose file has {@code textSize} octets: the arena and the record table are
     * sized from it up front, so that a large zone is not copied into ever larger arrays while it loads
     * (each copy would be garbage as big as the zone).
     */
    public ZoneBuilder(Name origin, long textSize) {
        if (textSize > 0) {
            long arenaGuess = Math.min(textSize + textSize / 4 + 4096, Integer.MAX_VALUE - 64);
            int recordGuess = (int) Math.min(textSize / 20 + 64, Integer.MAX_VALUE / 4);
            this.arena = new byte[(int) arenaGuess];
            this.recOff = new int[recordGuess];
            this.recLine = new int[recordGuess];
            this.recFile = new int[recordGuess];
        }
        if (!origin.isAbsolute()) {
            throw new IllegalArgumentException("origin must be absolute: " + origin);
        }
        this.origin = origin;
        this.originWire = origin.toCanonicalWire();
        this.originHash = WireNames.hash(originWire, 0);
    }

    /** Adds a record read at {@code file}:{@code line}. */
    public void add(Record r, String file, int line) {
        if (!r.owner().isSubdomainOf(origin)) {
            warnings.add(new ZoneProblem(file, line, 1, "ignoring out-of-zone data (" + r.owner() + ")"));
            return;
        }
        if (!r.rrClass().equals(RRClass.IN)) {
            errors.add(new ZoneProblem(file, line, 1, r.owner() + ": class " + r.rrClass() + " is not supported (zones are class IN)"));
            return;
        }
        Rdata d = r.rdata();
        int type = d.type().value();
        if (d.type().isMetaType()) {
            errors.add(new ZoneProblem(file, line, 1, r.owner() + ": " + d.type() + " cannot appear in a zone"));
            return;
        }
        int covered = d instanceof SignatureData && type == T_RRSIG ? ((SignatureData) d).typeCovered().value() : 0;
        byte[] owner = r.owner().toCanonicalWire();
        int relLen = owner.length - originWire.length;
        byte[] rdata = d.toWire();
        int need = 1 + relLen + 10 + rdata.length;
        if (arenaPos + need > arena.length) {
            long grown = Math.max((long) arena.length * 3 / 2, (long) arenaPos + need);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("zone too large for one arena");
            }
            arena = Arrays.copyOf(arena, (int) grown);
        }
        if (records == recOff.length) {
            int n = records * 2;
            recOff = Arrays.copyOf(recOff, n);
            recLine = Arrays.copyOf(recLine, n);
            recFile = Arrays.copyOf(recFile, n);
        }
        int p = arenaPos;
        recOff[records] = p;
        recLine[records] = line;
        recFile[records] = fileIndex(file);
        records++;
        byte[] a = arena;
        a[p++] = (byte) relLen;
        System.arraycopy(owner, 0, a, p, relLen);
        p += relLen;
        p = put16(a, p, type);
        p = put16(a, p, covered);
        p = put32(a, p, r.ttl());
        p = put16(a, p, rdata.length);
        System.arraycopy(rdata, 0, a, p, rdata.length);
        arenaPos = p + rdata.length;
    }

    private int fileIndex(String file) {
        int last = files.size() - 1;
        if (last >= 0 && files.get(last).equals(file)) {
            return last;
        }
        int i = files.indexOf(file);
        if (i >= 0) {
            return i;
        }
        files.add(file);
        return files.size() - 1;
    }

    /** Problems that did not stop the load (out-of-zone data, differing TTLs). */
    public List<ZoneProblem> warnings() {
        return List.copyOf(warnings);
    }

    private ZoneProblem problem(int rec, String message) {
        return new ZoneProblem(files.isEmpty() ? "zone" : files.get(recFile[rec]), recLine[rec], 1, message);
    }

    // ---------------------------------------------------------------------------------------------

    private int relLen(int rec) {
        return arena[recOff[rec]] & 0xFF;
    }

    private int fieldsAt(int rec) {
        return recOff[rec] + 1 + relLen(rec);
    }

    private int type(int rec) {
        return get16(arena, fieldsAt(rec));
    }

    private int covered(int rec) {
        return get16(arena, fieldsAt(rec) + 2);
    }

    private long ttl(int rec) {
        return get32(arena, fieldsAt(rec) + 4);
    }

    private int rdLength(int rec) {
        return get16(arena, fieldsAt(rec) + 8);
    }

    private String ownerText(int rec) {
        int off = recOff[rec] + 1;
        byte[] w = new byte[relLen(rec) + originWire.length];
        System.arraycopy(arena, off, w, 0, relLen(rec));
        System.arraycopy(originWire, 0, w, relLen(rec), originWire.length);
        try {
            return Name.fromWire(w).toString();
        } catch (Exception e) {
            return origin.toString();
        }
    }

    private boolean sameOwner(int a, int b) {
        int la = relLen(a);
        return la == relLen(b) && Arrays.equals(arena, recOff[a] + 1, recOff[a] + 1 + la, arena, recOff[b] + 1, recOff[b] + 1 + la);
    }

    private boolean sameRdata(int a, int b) {
        int fa = fieldsAt(a);
        int fb = fieldsAt(b);
        int la = get16(arena, fa + 8);
        return la == get16(arena, fb + 8) && Arrays.equals(arena, fa + 10, fa + 10 + la, arena, fb + 10, fb + 10 + la);
    }

    /**
     * Sorts, checks and packs the zone.
     *
     * @throws ZoneFileException listing every error found (each with file and line)
     */
    public ZoneData build() throws ZoneFileException {
        int n = records;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] sa = new int[WireNames.MAX_LABELS];
        int[] sb = new int[WireNames.MAX_LABELS];
        byte[] a = arena;
        IntSort.sort(order, n, (x, y) -> {
            int ox = recOff[x];
            int oy = recOff[y];
            int c = WireNames.compareCanonical(a, ox + 1, a[ox] & 0xFF, a, oy + 1, a[oy] & 0xFF, sa, sb);
            if (c != 0) {
                return c;
            }
            int fx = ox + 1 + (a[ox] & 0xFF);
            int fy = oy + 1 + (a[oy] & 0xFF);
            c = Integer.compare(get16(a, fx), get16(a, fy));
            if (c != 0) {
                return c;
            }
            c = Integer.compare(get16(a, fx + 2), get16(a, fy + 2));
            if (c != 0) {
                return c;
            }
            int lx = get16(a, fx + 8);
            int ly = get16(a, fy + 8);
            c = Arrays.compareUnsigned(a, fx + 10, fx + 10 + lx, a, fy + 10, fy + 10 + ly);
            return c != 0 ? c : Integer.compare(x, y);
        });

        // Sizes first, so that the packed arrays are allocated once: names of distinct owners, and at
        // most a header per record plus its RDATA.
        long namesTotal = 0;
        long dataTotal = 0;
        int owners = 0;
        for (int k = 0; k < n; k++) {
            int rec = order[k];
            if (k == 0 || !sameOwner(rec, order[k - 1])) {
                namesTotal += relLen(rec);
                owners++;
            }
            dataTotal += 12 + rdLength(rec);
        }
        if (namesTotal + dataTotal > Integer.MAX_VALUE - 64) {
            throw new IllegalStateException("zone too large for one arena");
        }
        // Pass 1: group into nodes and RRsets, check, and pack names and data.
        Packer pk = new Packer(owners, (int) namesTotal, (int) dataTotal);
        boolean soaSeen = false;
        boolean apexNs = false;
        int i = 0;
        while (i < n) {
            int nodeFirst = order[i];
            int j = i;
            while (j < n && sameOwner(order[j], nodeFirst)) {
                j++;
            }
            boolean apex = relLen(nodeFirst) == 0;
            pk.startNode(arena, recOff[nodeFirst] + 1, relLen(nodeFirst));
            int cnameAt = -1;
            int otherAt = -1;
            int k = i;
            while (k < j) {
                int first = order[k];
                int t = type(first);
                int cov = covered(first);
                int m = k;
                int firstSeq = first;
                while (m < j && type(order[m]) == t && covered(order[m]) == cov) {
                    firstSeq = Math.min(firstSeq, order[m]);
                    m++;
                }
                long setTtl = ttl(firstSeq);
                int setStart = pk.startSet(t, cov, setTtl);
                int count = 0;
                for (int r = k; r < m; r++) {
                    int rec = order[r];
                    if (r > k && sameRdata(rec, order[r - 1])) {
                        continue; // an exact duplicate
                    }
                    if (ttl(rec) != setTtl) {
                        warnings.add(problem(rec, ownerText(rec) + ": TTL set to prior TTL (" + setTtl + ")"));
                    }
                    pk.record(arena, fieldsAt(rec) + 10, rdLength(rec));
                    count++;
                }
                pk.endSet(setStart, count);
                if (t == T_SOA) {
                    if (!apex) {
                        errors.add(problem(first, ownerText(first) + ": SOA record not at the top of the zone"));
                    } else {
                        soaSeen = true;
                        if (count > 1) {
                            errors.add(problem(order[k + 1], ownerText(first) + ": multiple RRs of singleton type SOA"));
                        }
                        pk.soaSet = setStart;
                    }
                }
                if (t == T_NS && apex) {
                    apexNs = true;
                }
                if ((t == T_CNAME || t == T_DNAME) && count > 1) {
                    errors.add(problem(order[k + 1], ownerText(first) + ": multiple RRs of singleton type "
                            + (t == T_CNAME ? "CNAME" : "DNAME")));
                }
                if (t == T_CNAME) {
                    cnameAt = first;
                } else if (t != T_RRSIG && t != T_NSEC && t != T_NSEC3 && otherAt < 0) {
                    otherAt = first;
                }
                k = m;
            }
            if (cnameAt >= 0 && otherAt >= 0) {
                int later = Math.max(cnameAt, otherAt);
                errors.add(problem(later, ownerText(later) + ": CNAME and other data"));
            }
            i = j;
        }
        if (n == 0 || relLen(order[0]) != 0 || !soaSeen) {
            errors.add(new ZoneProblem(files.isEmpty() ? "zone" : files.get(0), 1, 1, "zone " + origin + " has no SOA record at its origin"));
        } else if (!apexNs) {
            errors.add(new ZoneProblem(files.get(0), 1, 1, "zone " + origin + " has no NS records at its origin"));
        }
        if (!errors.isEmpty()) {
            throw new ZoneFileException(errors);
        }
        arena = null; // the records are packed; let the arena go before the index is built
        recOff = recLine = recFile = null;
        return pk.finish();
    }

    /** Packs node names and RRsets in node order, then adds empty non-terminals, the index and flags. */
    private final class Packer {
        byte[] names;
        int namesPos;
        int[] nameStart;
        byte[] data;
        int dataPos;
        int[] dataStart;
        int nodes;
        long recordCount;
        int soaSet = -1;

        Packer(int owners, int namesSize, int dataSize) {
            nameStart = new int[owners + 2];
            dataStart = new int[owners + 2];
            names = new byte[Math.max(16, namesSize)];
            data = new byte[Math.max(16, dataSize)];
        }

        void startNode(byte[] src, int off, int len) {
            if (nodes + 2 > nameStart.length) {
                nameStart = Arrays.copyOf(nameStart, nameStart.length * 2);
                dataStart = Arrays.copyOf(dataStart, dataStart.length * 2);
            }
            names = ensure(names, namesPos, len);
            System.arraycopy(src, off, names, namesPos, len);
            nameStart[nodes] = namesPos;
            dataStart[nodes] = dataPos;
            namesPos += len;
            nodes++;
        }

        int startSet(int type, int covered, long ttl) {
            data = ensure(data, dataPos, 10);
            int s = dataPos;
            int p = put16(data, s, type);
            p = put16(data, p, covered);
            p = put32(data, p, ttl);
            dataPos = p + 2;
            return s;
        }

        void record(byte[] src, int off, int len) {
            data = ensure(data, dataPos, len + 2);
            int p = put16(data, dataPos, len);
            System.arraycopy(src, off, data, p, len);
            dataPos = p + len;
            recordCount++;
        }

        void endSet(int set, int count) {
            put16(data, set + 8, count);
        }

        ZoneData finish() {
            nameStart[nodes] = namesPos;
            dataStart[nodes] = dataPos;
            int[] table = index(nodes, names, nameStart);
            List<byte[]> ents = emptyNonTerminals(table);
            byte[] nm = names;
            int[] ns = nameStart;
            int[] ds = dataStart;
            int total = nodes;
            if (!ents.isEmpty()) {
                total = nodes + ents.size();
                int extra = 0;
                for (byte[] e : ents) {
                    extra += e.length;
                }
                nm = new byte[namesPos + extra];
                ns = new int[total + 1];
                ds = new int[total + 1];
                int[] sa = new int[WireNames.MAX_LABELS];
                int[] sb = new int[WireNames.MAX_LABELS];
                int a = 0;
                int b = 0;
                int out = 0;
                int p = 0;
                while (a < nodes || b < ents.size()) {
                    boolean takeEnt;
                    if (a >= nodes) {
                        takeEnt = true;
                    } else if (b >= ents.size()) {
                        takeEnt = false;
                    } else {
                        byte[] e = ents.get(b);
                        takeEnt = WireNames.compareCanonical(e, 0, e.length, names, nameStart[a], nameStart[a + 1] - nameStart[a], sa, sb) < 0;
                    }
                    ns[out] = p;
                    if (takeEnt) {
                        byte[] e = ents.get(b++);
                        System.arraycopy(e, 0, nm, p, e.length);
                        p += e.length;
                        ds[out] = a < nodes ? dataStart[a] : dataPos;
                    } else {
                        int len = nameStart[a + 1] - nameStart[a];
                        System.arraycopy(names, nameStart[a], nm, p, len);
                        p += len;
                        ds[out] = dataStart[a];
                        a++;
                    }
                    out++;
                }
                ns[total] = p;
                ds[total] = dataPos;
                table = index(total, nm, ns);
            } else {
                nm = names.length == namesPos ? names : Arrays.copyOf(names, namesPos);
                ns = nameStart.length == total + 1 ? nameStart : Arrays.copyOf(nameStart, total + 1);
                ds = dataStart.length == total + 1 ? dataStart : Arrays.copyOf(dataStart, total + 1);
            }
            byte[] dt = data.length == dataPos ? data : Arrays.copyOf(data, dataPos);
            byte[] flags = new byte[total];
            ZoneData probe = new ZoneData(origin, total, nm, ns, flags, ds, dt, table, recordCount, soaSet, 0, 0, null, false, List.of());
            computeFlags(probe, flags);
            int soaRecord = ZoneData.firstRecord(soaSet);
            int soaRdata = soaRecord + 2;
            int afterNames = soaRdata + WireNames.length(dt, soaRdata);
            afterNames += WireNames.length(dt, afterNames);
            long serial = get32(dt, afterNames);
            long minimum = get32(dt, afterNames + 16);
            long negativeTtl = Math.min(probe.setTtl(soaSet), minimum);
            boolean signed = probe.findSignatures(0, T_SOA) >= 0;
            Nsec3Chain chain = nsec3Chain(probe);
            return new ZoneData(origin, total, nm, ns, flags, ds, dt, table, recordCount, soaSet, negativeTtl, serial, chain, signed,
                    warnings);
        }

        /** The names of missing ancestors of nodes (in canonical order), each once. */
        private List<byte[]> emptyNonTerminals(int[] table) {
            List<byte[]> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int[] starts = new int[WireNames.MAX_LABELS];
            int[] hashes = new int[WireNames.MAX_LABELS + 1];
            int mask = table.length - 1;
            for (int node = 1; node < nodes; node++) {
                int off = nameStart[node];
                int len = nameStart[node + 1] - off;
                int labels = WireNames.relativeLabelStarts(names, off, len, starts);
                int h = originHash;
                hashes[labels] = h;
                for (int l = labels - 1; l >= 0; l--) {
                    h = WireNames.step(h, names, starts[l]);
                    hashes[l] = h;
                }
                for (int l = 1; l < labels; l++) {
                    int aOff = starts[l];
                    int aLen = off + len - aOff;
                    if (lookup(table, mask, names, nameStart, names, aOff, aLen, hashes[l]) >= 0) {
                        break;
                    }
                    String key = new String(names, aOff, aLen, StandardCharsets.ISO_8859_1);
                    if (seen.add(key)) {
                        out.add(Arrays.copyOfRange(names, aOff, aOff + aLen));
                    }
                }
            }
            if (out.size() > 1) {
                int[] sa = new int[WireNames.MAX_LABELS];
                int[] sb = new int[WireNames.MAX_LABELS];
                out.sort((x, y) -> WireNames.compareCanonical(x, 0, x.length, y, 0, y.length, sa, sb));
            }
            return out;
        }

        private int[] index(int count, byte[] nm, int[] ns) {
            int size = Integer.highestOneBit(Math.max(4, count) * 5 / 3) << 1; // load factor 0.3..0.6
            int[] table = new int[size];
            int mask = size - 1;
            int[] starts = new int[WireNames.MAX_LABELS];
            for (int node = 1; node < count; node++) {
                int h = relativeHash(nm, ns[node], ns[node + 1] - ns[node], starts);
                int slot = WireNames.spread(h) & mask;
                while (table[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                table[slot] = node + 1;
            }
            return table;
        }

        private int relativeHash(byte[] b, int off, int len, int[] starts) {
            int labels = WireNames.relativeLabelStarts(b, off, len, starts);
            int h = originHash;
            for (int l = labels - 1; l >= 0; l--) {
                h = WireNames.step(h, b, starts[l]);
            }
            return h;
        }

        private int lookup(int[] table, int mask, byte[] nm, int[] ns, byte[] b, int off, int len, int hash) {
            if (len == 0) {
                return 0;
            }
            for (int slot = WireNames.spread(hash) & mask; ; slot = slot + 1 & mask) {
                int e = table[slot];
                if (e == 0) {
                    return -1;
                }
                int node = e - 1;
                if (ns[node + 1] - ns[node] == len && Arrays.equals(nm, ns[node], ns[node] + len, b, off, off + len)) {
                    return node;
                }
            }
        }

        private void computeFlags(ZoneData z, byte[] flags) {
            int[] starts = new int[WireNames.MAX_LABELS];
            for (int node = 0; node < z.nodeCount; node++) {
                int f = 0;
                if (node != 0 && z.findSet(node, T_NS) >= 0) {
                    f |= ZoneData.DELEGATION;
                }
                if (z.findSet(node, T_CNAME) >= 0) {
                    f |= ZoneData.CNAME;
                }
                if (z.findSet(node, T_DNAME) >= 0) {
                    f |= ZoneData.DNAME;
                }
                if (z.findSet(node, T_DS) >= 0) {
                    f |= ZoneData.HAS_DS;
                }
                if (node != 0 && nsec3Only(z, node)) {
                    f |= ZoneData.NSEC3_ONLY;
                }
                if (node != 0) {
                    int off = z.nameStart[node];
                    int len = z.nameStart[node + 1] - off;
                    int first = z.names[off];
                    int parentOff = off + 1 + first;
                    int parentLen = len - 1 - first;
                    int parent = z.findRelative(z.names, parentOff, parentLen, relativeHash(z.names, parentOff, parentLen, starts));
                    if (parent >= 0) {
                        if ((flags[parent] & (ZoneData.DELEGATION | ZoneData.DNAME | ZoneData.OCCLUDED)) != 0) {
                            f |= ZoneData.OCCLUDED;
                        }
                        if (first == 1 && z.names[off + 1] == '*') {
                            flags[parent] |= ZoneData.WILDCARD_CHILD;
                        }
                    }
                }
                flags[node] |= (byte) f;
            }
        }

        private boolean nsec3Only(ZoneData z, int node) {
            int end = z.setsEnd(node);
            boolean any = false;
            for (int s = z.setsStart(node); s < end; s = z.nextSet(s)) {
                int t = z.setType(s);
                if (t == T_NSEC3 || t == T_RRSIG && z.setCovered(s) == T_NSEC3) {
                    any = true;
                } else {
                    return false;
                }
            }
            return any;
        }

        private Nsec3Chain nsec3Chain(ZoneData z) {
            int param = z.findSet(0, T_NSEC3PARAM);
            if (param < 0) {
                return null;
            }
            // NSEC3PARAM: HASH ALG (8) FLAGS (8) ITERATIONS (16) SALT LENGTH (8) SALT
            int rd = ZoneData.firstRecord(param) + 2;
            int algorithm = z.data[rd] & 0xFF;
            int iterations = get16(z.data, rd + 2);
            int saltLen = z.data[rd + 4] & 0xFF;
            byte[] salt = Arrays.copyOfRange(z.data, rd + 5, rd + 5 + saltLen);
            if (algorithm != 1) {
                return null; // only SHA-1 is defined (RFC 5155 §11)
            }
            List<byte[]> hashes = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int node = 1; node < z.nodeCount; node++) {
                int off = z.nameStart[node];
                int len = z.nameStart[node + 1] - off;
                if (z.names[off] + 1 != len || z.findSet(node, T_NSEC3) < 0) {
                    continue; // NSEC3 owners are one label below the apex
                }
                byte[] h = Base32Hex.tryDecode(z.names, off + 1, len - 1);
                if (h != null && h.length == 20) {
                    hashes.add(h);
                    owners.add(node);
                }
            }
            Integer[] idx = new Integer[hashes.size()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = k;
            }
            Arrays.sort(idx, (x, y) -> Arrays.compareUnsigned(hashes.get(x), hashes.get(y)));
            byte[] packed = new byte[idx.length * 20];
            int[] nodesOut = new int[idx.length];
            for (int k = 0; k < idx.length; k++) {
                System.arraycopy(hashes.get(idx[k]), 0, packed, k * 20, 20);
                nodesOut[k] = owners.get(idx[k]);
            }
            return new Nsec3Chain(iterations, salt, 20, packed, nodesOut);
        }
    }

    private static byte[] ensure(byte[] b, int pos, int need) {
        if (pos + need <= b.length) {
            return b;
        }
        long grown = Math.max((long) b.length * 3 / 2, (long) pos + need);
        if (grown > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("zone too large for one arena");
        }
        return Arrays.copyOf(b, (int) grown);
    }

    static int put16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
        return p + 2;
    }

    static int put32(byte[] b, int p, long v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        return p + 4;
    }

    static int get16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | b[p + 1] & 0xFF;
    }

    static long get32(byte[] b, int p) {
        return ((long) (b[p] & 0xFF) << 24) | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | b[p + 3] & 0xFF;
    }
}
