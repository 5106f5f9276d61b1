package org.dunlin.dns.authority.internal;

/**
 * DNSSEC denial-of-existence proofs for a query with DO set in a signed zone: which NSEC (RFC 4035
 * §3.1.3) or NSEC3 (RFC 5155 §7.2) records go in the authority section, then writing them with their
 * RRSIGs. The resolver calls the method for each situation it meets along the way (a CNAME chain can
 * meet several); proofs are collected, without duplicates, and written once the answer section is done.
 * One per {@link Workspace}, so used by one thread at a time.
 *
 * <p>NSEC: the record covering a name is the one owned by the greatest name not after it in canonical
 * order that has an NSEC (empty non-terminals and glue have none), found by binary search over the node
 * order. NSEC3: names are hashed (SHA-1 with the zone's salt and iterations) and looked up in the
 * chain's sorted hashes; the closest encloser proof is the NSEC3 matching the closest encloser plus the
 * one covering the next closer name.
 */
final class Denial {
    private static final int T_NSEC = 47;
    private static final int T_NSEC3 = 50;
    private static final int T_RRSIG = 46;
    private static final int MAX = 8;

    private final Workspace ws;
    private final int[] nodes = new int[MAX];
    private int count;
    private ZoneData z;
    private final byte[] name = new byte[256];
    private final java.security.MessageDigest sha1 = Nsec3Chain.newDigest();

    Denial(Workspace ws) {
        this.ws = ws;
    }

    void reset(ZoneData zone, int qtype) {
        this.z = zone;
        this.count = 0;
    }

    private boolean nsec3() {
        return z.nsec3 != null;
    }

    private void add(int node) {
        if (node < 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            if (nodes[i] == node) {
                return;
            }
        }
        if (count < MAX) {
            nodes[count++] = node;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Situations (the current name is nb, label starts st, n labels, origin from label apex)

    /** NXDOMAIN: no such name, and no wildcard at the closest encloser (label {@code ce}). */
    void nxdomain(byte[] nb, int[] st, int n, int apex, int ce) {
        if (nsec3()) {
            matching(nb, st[ce]);
            covering(nb, st[ce - 1]);
            covering(wildcardOf(nb, st[ce]), 0);
        } else {
            coveringRelative(nb, st[0], st[apex] - st[0]);
            int len = wildcardRelative(nb, st[ce], st[apex] - st[ce]);
            coveringRelative(name, 0, len);
        }
    }

    /** NODATA at an existing node for the current name. */
    void nodata(int node, byte[] nb, int[] st, int n, int apex) {
        if (nsec3()) {
            if (!matching(nb, st[0])) {
                closestProvableEncloser(nb, st, 1, apex);
            }
        } else if (z.findSet(node, T_NSEC) >= 0) {
            add(node);
        } else {
            coveringRelative(nb, st[0], st[apex] - st[0]); // an empty non-terminal
        }
    }

    /** NODATA from a wildcard: the wildcard's own proof of no such type (the no-closer-match proof is added separately). */
    void wildcardNodata(int wildcardNode, byte[] nb, int[] st, int n, int apex, int ce) {
        if (nsec3()) {
            matching(nb, st[ce]);
            matching(wildcardOf(nb, st[ce]), 0);
        } else {
            add(z.findSet(wildcardNode, T_NSEC) >= 0 ? wildcardNode : -1);
        }
    }

    /** An answer (or NODATA) synthesized from a wildcard: no closer match exists. */
    void noCloserMatch(byte[] nb, int[] st, int n, int apex, int ce) {
        if (nsec3()) {
            covering(nb, st[ce - 1]);
        } else {
            coveringRelative(nb, st[0], st[apex] - st[0]);
        }
    }

    /** A referral to a cut without DS (label {@code l} of the current name): prove the DS absent. */
    void noDs(int node, byte[] nb, int[] st, int n, int apex, int l) {
        if (nsec3()) {
            if (!matching(nb, st[l])) {
                closestProvableEncloser(nb, st, l + 1, apex); // opt-out (RFC 5155 §7.2.7)
            }
        } else if (z.findSet(node, T_NSEC) >= 0) {
            add(node);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // NSEC

    private void coveringRelative(byte[] rel, int off, int len) {
        int node = z.floor(rel, off, len, ws.scratchA, ws.scratchB);
        while (node > 0 && z.findSet(node, T_NSEC) < 0) {
            node--;
        }
        if (z.findSet(node, T_NSEC) >= 0) {
            add(node);
        }
    }

    /** Writes {@code *} followed by the relative name at {@code off} into the scratch name; returns its length. */
    private int wildcardRelative(byte[] b, int off, int len) {
        name[0] = 1;
        name[1] = '*';
        System.arraycopy(b, off, name, 2, Math.min(len, 254));
        return 2 + Math.min(len, 254);
    }

    // ---------------------------------------------------------------------------------------------
    // NSEC3

    /** Writes {@code *.<the absolute name at at>} into the scratch name and returns it. */
    private byte[] wildcardOf(byte[] b, int at) {
        int len = Math.min(WireNames.length(b, at), 253);
        name[0] = 1;
        name[1] = '*';
        System.arraycopy(b, at, name, 2, len);
        return name;
    }

    private boolean matching(byte[] b, int at) {
        int node = z.nsec3.matching(z.nsec3.hash(sha1, b, at));
        add(node);
        return node >= 0;
    }

    private void covering(byte[] b, int at) {
        add(z.nsec3.covering(z.nsec3.hash(sha1, b, at)));
    }

    /** The closest provable encloser proof, searching from label {@code from} up to the origin. */
    private void closestProvableEncloser(byte[] nb, int[] st, int from, int apex) {
        for (int l = from; l <= apex; l++) {
            if (z.nsec3.matching(z.nsec3.hash(sha1, nb, st[l])) >= 0) {
                matching(nb, st[l]);
                covering(nb, st[l - 1]);
                return;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Writes the collected NSEC or NSEC3 RRsets with their RRSIGs to the authority section. */
    void writeProofs() {
        ResponseWriter out = ws.out;
        int type = nsec3() ? T_NSEC3 : T_NSEC;
        for (int i = 0; i < count; i++) {
            int node = nodes[i];
            int set = z.findSet(node, type);
            if (set < 0 || !out.beginUnit(false)) {
                continue;
            }
            int relLen = z.nameLength(node);
            System.arraycopy(z.names, z.nameOffset(node), name, 0, relLen);
            System.arraycopy(z.originWire, 0, name, relLen, z.originWire.length);
            int ownerPos = out.position();
            out.name(name, 0, true);
            int ownerLen = out.position() - ownerPos;
            RecordWriter.write(out, z, set, ownerPos, ownerLen, z.setTtl(set), true);
            int sig = z.findSignatures(node, type);
            if (sig >= 0 && z.setType(sig) == T_RRSIG) {
                RecordWriter.write(out, z, sig, ownerPos, ownerLen, z.setTtl(sig), false);
            }
            out.endUnit(ResponseWriter.MAX_MESSAGE);
        }
        count = 0;
    }
}
