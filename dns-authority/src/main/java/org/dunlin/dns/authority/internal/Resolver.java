package org.dunlin.dns.authority.internal;

import org.dunlin.dns.wire.internal.NameOctets;

/**
 * The answer to one query from one zone: RFC 1034 §4.3.2 as its successors refined it. One per
 * {@link Workspace}, reset for each query, so it allocates nothing.
 *
 * <p>Design. Three steps, writing straight into the response:
 * <ol>
 *   <li><b>Find the node.</b> The common case, a name that exists above every zone cut and DNAME, costs
 *       one hash probe (the node flags say "occluded" for everything below a cut or a DNAME). Otherwise
 *       the name's ancestors are probed from the origin down with the suffix hashes the parser computed:
 *       the first zone cut gives a referral (§4.3.2 step 3b), the first DNAME a synthesized CNAME
 *       (RFC 6672 §3.3), and the deepest existing ancestor is the closest encloser, whose {@code *} child
 *       answers for the missing name (RFC 4592 §3.3.1 — an empty non-terminal is a node, so it blocks
 *       the wildcard as §2.2.2 requires), or else the answer is NXDOMAIN.</li>
 *   <li><b>Answer at the node:</b> the RRset asked for; for ANY, one RRset (RFC 8482 §4.2, the first by
 *       type as Knot does); a CNAME, whose target is then resolved the same way while it stays in the
 *       zone (loops end at the first repeated name, as in NSD and Knot); else NODATA.</li>
 *   <li><b>The other sections:</b> the SOA of a negative answer with the RFC 2308 §5 TTL or the NS RRset
 *       of a referral, DNSSEC denial proofs when the query set DO ({@link Denial}), then the addresses
 *       of NS, MX and SRV targets that the zone holds, glue included for NS (RFC 9471: TC when in-domain
 *       glue does not fit).</li>
 * </ol>
 * Names are never decoded into objects: the current name is bytes with label starts and suffix hashes
 * (the question's, then CNAME targets in the zone's arena, then DNAME-synthesized names in the
 * workspace), and owners are compression pointers to where the name was written.
 */
final class Resolver {
    static final int T_A = 1;
    static final int T_NS = 2;
    static final int T_CNAME = 5;
    static final int T_SOA = 6;
    static final int T_MX = 15;
    static final int T_AAAA = 28;
    static final int T_SRV = 33;
    static final int T_DNAME = 39;
    static final int T_DS = 43;
    static final int T_RRSIG = 46;
    static final int T_ANY = 255;

    static final int NOERROR = 0;
    static final int NXDOMAIN = 3;
    static final int YXDOMAIN = 6;

    private static final int AA = 0x0400;
    private static final int HARD_LIMIT = ResponseWriter.MAX_MESSAGE;
    private static final int CONTINUE = -1;
    private static final int NOT_DONE = -2;

    private static final int TAIL_NONE = 0;
    private static final int TAIL_NEGATIVE = 1;
    private static final int TAIL_REFERRAL = 2;

    private static final byte ADD_AUTHORITATIVE = 0;
    private static final byte ADD_GLUE = 1;

    private final Workspace ws;
    private final ResponseWriter out;
    private final Denial denial;

    private ZoneData z;
    private int qtype;
    private boolean dnssec;

    // The current name: bytes, label starts, suffix hashes, label count, the label where the origin begins,
    // and where it is written in full in the response (a pointer target), or -1.
    private byte[] nb;
    private int[] st;
    private int[] hs;
    private int n;
    private int apex;
    private int ownerAt;

    private int tail;
    private int referralNode;
    private byte[] referralName;
    private int referralAt;
    private boolean followed;

    Resolver(Workspace ws) {
        this.ws = ws;
        this.out = ws.out;
        this.denial = new Denial(ws);
    }

    /** Answers the parsed query from zone {@code z} (with DNSSEC records when {@code dnssec}); returns the rcode. */
    int resolve(ZoneData zone, int type, boolean withDnssec) {
        ParsedQuery q = ws.query;
        z = zone;
        qtype = type;
        dnssec = withDnssec;
        nb = q.buf;
        st = q.labelStarts;
        hs = q.suffixHashes;
        n = q.labelCount;
        apex = n - z.originLabels;
        ownerAt = ResponseWriter.QNAME;
        tail = TAIL_NONE;
        referralName = null;
        followed = false;
        ws.chain = 0;
        ws.additional = 0;
        if (dnssec) {
            denial.reset(z, qtype);
        }
        out.flag(AA, true);
        int rcode = chase();
        out.section(2);
        if (tail == TAIL_NEGATIVE) {
            writeSoa();
        } else if (tail == TAIL_REFERRAL) {
            writeReferral();
        }
        if (dnssec) {
            denial.writeProofs();
        }
        out.section(3);
        writeAdditional();
        nb = null;
        referralName = null;
        return rcode;
    }

    /** Resolves the current name, following CNAMEs and DNAMEs inside the zone. */
    private int chase() {
        while (true) {
            int node = z.find(nb, st, hs, 0, apex);
            if (node >= 0 && (z.flags[node] & (ZoneData.OCCLUDED | ZoneData.NSEC3_ONLY)) == 0) {
                if ((z.flags[node] & ZoneData.DELEGATION) != 0 && qtype != T_DS) {
                    return referral(node, 0);
                }
                int r = atNode(node, false, 0);
                if (r != CONTINUE) {
                    return r;
                }
                continue;
            }
            int ce = 0;
            int ceLabel = apex;
            int r = NOT_DONE;
            for (int l = apex - 1; l >= 0; l--) {
                int m = z.find(nb, st, hs, l, apex);
                if (m < 0 || (z.flags[m] & ZoneData.NSEC3_ONLY) != 0) {
                    break;
                }
                ce = m;
                ceLabel = l;
                int f = z.flags[m];
                if ((f & ZoneData.DELEGATION) != 0 && !(l == 0 && qtype == T_DS)) {
                    return referral(m, l);
                }
                if ((f & ZoneData.DNAME) != 0 && l > 0) {
                    r = dname(m, l);
                    break;
                }
            }
            if (r == CONTINUE) {
                continue;
            }
            if (r != NOT_DONE) {
                return r;
            }
            if (ceLabel == 0) {
                // The name exists but the fast path passed it by: only a DS query at a cut below a cut.
                r = atNode(ce, false, 0);
                if (r != CONTINUE) {
                    return r;
                }
                continue;
            }
            if ((z.flags[ce] & ZoneData.WILDCARD_CHILD) != 0) {
                int w = wildcardChild(ce, ceLabel);
                if (w >= 0) {
                    if (dnssec) {
                        denial.noCloserMatch(nb, st, n, apex, ceLabel); // RFC 4035 §3.1.3.3, RFC 5155 §7.2.6
                    }
                    r = atNode(w, true, ceLabel);
                    if (r != CONTINUE) {
                        return r;
                    }
                    continue;
                }
            }
            if (dnssec) {
                denial.nxdomain(nb, st, n, apex, ceLabel); // RFC 4035 §3.1.3.2, RFC 5155 §7.2.2
            }
            tail = TAIL_NEGATIVE;
            return NXDOMAIN;
        }
    }

    /** The node named {@code *.<closest encloser>}, or -1. */
    private int wildcardChild(int ce, int ceLabel) {
        byte[] rel = ws.relName;
        rel[0] = 1;
        rel[1] = '*';
        int ceOff = z.nameStart[ce];
        int ceLen = z.nameStart[ce + 1] - ceOff;
        System.arraycopy(z.names, ceOff, rel, 2, ceLen);
        int h = WireNames.step(hs[ceLabel], rel, 0);
        return z.findRelative(rel, 0, 2 + ceLen, h);
    }

    /**
     * Answers at {@code node} for the current name ({@code wildcard}: the node is the source of synthesis
     * and {@code ceLabel} the closest encloser's label); returns an rcode, or CONTINUE after a CNAME.
     */
    private int atNode(int node, boolean wildcard, int ceLabel) {
        if (qtype == T_ANY) {
            int end = z.setsEnd(node);
            for (int s = z.setsStart(node); s < end; s = z.nextSet(s)) {
                if (z.setType(s) != T_RRSIG) {
                    answerSet(node, s);
                    return NOERROR;
                }
            }
            return nodata(node, wildcard, ceLabel);
        }
        if (qtype == T_RRSIG) {
            boolean any = false;
            int end = z.setsEnd(node);
            for (int s = z.setsStart(node); s < end; s = z.nextSet(s)) {
                if (z.setType(s) == T_RRSIG) {
                    writeUnit(node, s, false);
                    any = true;
                }
            }
            return any ? NOERROR : nodata(node, wildcard, ceLabel);
        }
        int set = z.findSet(node, qtype);
        if (set >= 0) {
            answerSet(node, set);
            return NOERROR;
        }
        if ((z.flags[node] & ZoneData.CNAME) != 0 && qtype != T_CNAME) {
            return cname(node);
        }
        return nodata(node, wildcard, ceLabel);
    }

    private int nodata(int node, boolean wildcard, int ceLabel) {
        if (dnssec) {
            if (wildcard) {
                denial.wildcardNodata(node, nb, st, n, apex, ceLabel); // RFC 4035 §3.1.3.4, RFC 5155 §7.2.5
            } else {
                denial.nodata(node, nb, st, n, apex); // RFC 4035 §3.1.3.1, RFC 5155 §7.2.3-4
            }
        }
        tail = TAIL_NEGATIVE;
        return NOERROR;
    }

    private void answerSet(int node, int set) {
        writeUnit(node, set, dnssec);
        int type = z.setType(set);
        if (type == T_NS || type == T_MX || type == T_SRV) {
            queueTargets(set, type, ADD_AUTHORITATIVE);
        }
    }

    /** Whether (node, current name) was met before in this chain; records it if not. */
    private boolean seenInChain(int node) {
        int nameHash = hs[0];
        for (int i = 0; i < ws.chain; i++) {
            if (ws.chainNodes[i] == node && ws.chainHashes[i] == nameHash) {
                return true;
            }
        }
        if (ws.chain >= Workspace.MAX_CHAIN) {
            return true;
        }
        ws.chainNodes[ws.chain] = node;
        ws.chainHashes[ws.chain] = nameHash;
        ws.chain++;
        return false;
    }

    /** Follows the CNAME at {@code node}: CONTINUE with its target as the current name, or NOERROR. */
    private int cname(int node) {
        if (seenInChain(node)) {
            return NOERROR; // a loop: every name of it is answered already
        }
        int set = z.findSet(node, T_CNAME);
        int written = writeUnit(node, set, dnssec);
        return moveTo(z.data, ZoneData.firstRecord(set) + 2, written);
    }

    /** Makes the name at {@code at} in {@code b}, written at {@code writtenAt}, the current name. */
    private int moveTo(byte[] b, int at, int writtenAt) {
        followed = true;
        int[] s = ws.starts;
        int[] h = ws.hashes;
        int count = WireNames.labelStarts(b, at, s);
        if (count < z.originLabels) {
            return NOERROR;
        }
        int from = count - z.originLabels;
        int len = s[count] + 1 - s[from];
        if (len != z.originWire.length || !WireNames.equalsFolded(b, s[from], z.originWire, 0, len)) {
            return NOERROR; // out of the zone: the resolver takes it from here
        }
        WireNames.suffixHashes(b, s, count, h);
        nb = b;
        st = s;
        hs = h;
        n = count;
        apex = from;
        ownerAt = writtenAt >= 0 && writtenAt < 0x4000 ? writtenAt : -1;
        return CONTINUE;
    }

    /** RFC 6672 §3.3: the DNAME at {@code node}, label {@code l} of the current name, rewrites the name. */
    private int dname(int node, int l) {
        if (seenInChain(node)) {
            return NOERROR;
        }
        int set = z.findSet(node, T_DNAME);
        if (out.beginUnit(false)) {
            int ownerPos = out.position();
            out.name(nb, st[l], true);
            writeSetAndSignatures(node, set, ownerPos, out.position() - ownerPos, z.setTtl(set), dnssec);
            out.endUnit(HARD_LIMIT);
        }
        int target = ZoneData.firstRecord(set) + 2;
        int targetLen = WireNames.length(z.data, target);
        int prefix = st[l] - st[0];
        if (prefix + targetLen > 255) {
            return YXDOMAIN; // §2.2: the substituted name would be longer than 255 octets
        }
        byte[] buf = ws.names[ws.nextNameBuffer];
        ws.nextNameBuffer ^= 1;
        System.arraycopy(nb, st[0], buf, 0, prefix);
        System.arraycopy(z.data, target, buf, prefix, targetLen);
        // The synthesized CNAME from the current name to the new one, with the DNAME's TTL (§3.3).
        int rdataAt = -1;
        if (out.beginUnit(false)) {
            writeOwner();
            out.u16(T_CNAME);
            out.u16(1);
            out.u32(z.setTtl(set));
            int lenAt = out.position();
            out.u16(0);
            rdataAt = out.name(buf, 0, true);
            out.patch16(lenAt, out.position() - lenAt - 2);
            out.counted();
            out.endUnit(HARD_LIMIT);
        }
        if (qtype == T_CNAME) {
            return NOERROR; // the synthesized CNAME is the answer
        }
        return moveTo(buf, 0, rdataAt);
    }

    private int referral(int node, int l) {
        if (!followed) {
            out.flag(AA, false); // a referral is not authoritative (RFC 1034 §4.3.2 step 3b)
        }
        tail = TAIL_REFERRAL;
        referralNode = node;
        referralName = nb;
        referralAt = st[l];
        if (dnssec && (z.flags[node] & ZoneData.HAS_DS) == 0) {
            denial.noDs(node, nb, st, n, apex, l); // RFC 4035 §3.1.4, RFC 5155 §7.2.7
        }
        return NOERROR;
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    private void writeOwner() {
        if (ownerAt >= 0) {
            out.pointer(ownerAt);
        } else {
            out.name(nb, st[0], true);
        }
    }

    /**
     * Writes the RRset at {@code set} of {@code node}, owned by the current name, as one unit with its
     * RRSIGs when {@code sigs}; returns the response offset of the first record's RDATA, or -1.
     */
    private int writeUnit(int node, int set, boolean sigs) {
        if (!out.beginUnit(false)) {
            return -1;
        }
        int ownerPos = out.position();
        writeOwner();
        int first = writeSetAndSignatures(node, set, ownerPos, out.position() - ownerPos, z.setTtl(set), sigs);
        out.endUnit(HARD_LIMIT);
        return first;
    }

    private int writeSetAndSignatures(int node, int set, int ownerPos, int ownerLen, long ttl, boolean sigs) {
        int first = RecordWriter.write(out, z, set, ownerPos, ownerLen, ttl, true);
        int type = z.setType(set);
        if (sigs && type != T_RRSIG) {
            int sig = z.findSignatures(node, type);
            if (sig >= 0) {
                RecordWriter.write(out, z, sig, ownerPos, ownerLen, ttl, false);
            }
        }
        return first;
    }

    private void writeSoa() {
        if (!out.beginUnit(false)) {
            return;
        }
        int ownerPos = out.position();
        out.name(z.originWire, 0, true);
        writeSetAndSignatures(0, z.soaSet, ownerPos, out.position() - ownerPos, z.negativeTtl, dnssec);
        out.endUnit(HARD_LIMIT);
    }

    private void writeReferral() {
        int node = referralNode;
        int ns = z.findSet(node, T_NS);
        if (!out.beginUnit(false)) {
            return;
        }
        int ownerPos = out.position();
        out.name(referralName, referralAt, true);
        int ownerLen = out.position() - ownerPos;
        RecordWriter.write(out, z, ns, ownerPos, ownerLen, z.setTtl(ns), true);
        out.endUnit(HARD_LIMIT);
        if (dnssec) {
            int ds = z.findSet(node, T_DS);
            if (ds >= 0 && out.beginUnit(false)) {
                RecordWriter.write(out, z, ds, ownerPos, ownerLen, z.setTtl(ds), false);
                int sig = z.findSignatures(node, T_DS);
                if (sig >= 0) {
                    RecordWriter.write(out, z, sig, ownerPos, ownerLen, z.setTtl(sig), false);
                }
                out.endUnit(HARD_LIMIT);
            }
        }
        queueTargets(ns, T_NS, ADD_GLUE);
    }

    private void queueTargets(int set, int type, byte kind) {
        int r = ZoneData.firstRecord(set);
        for (int i = z.setCount(set); i > 0 && ws.additional < Workspace.MAX_ADDITIONAL; i--) {
            int rd = r + 2;
            ws.addNames[ws.additional] = type == T_NS ? rd : type == T_MX ? rd + 2 : rd + 6;
            ws.addKind[ws.additional] = kind;
            ws.additional++;
            r = rd + z.rdLength(r);
        }
    }

    /** Addresses of the queued targets that the zone holds (glue included for NS targets of referrals). */
    private void writeAdditional() {
        int done = 0;
        int[] s = ws.starts;
        int[] h = ws.hashes;
        for (int i = 0; i < ws.additional; i++) {
            int at = ws.addNames[i];
            int count = WireNames.labelStarts(z.data, at, s);
            if (count < z.originLabels) {
                continue;
            }
            int from = count - z.originLabels;
            int len = s[count] + 1 - s[from];
            if (len != z.originWire.length || !WireNames.equalsFolded(z.data, s[from], z.originWire, 0, len)) {
                continue;
            }
            WireNames.suffixHashes(z.data, s, count, h);
            int node = z.find(z.data, s, h, 0, from);
            if (node < 0) {
                continue;
            }
            boolean occluded = (z.flags[node] & ZoneData.OCCLUDED) != 0;
            if (occluded && ws.addKind[i] != ADD_GLUE) {
                continue;
            }
            boolean seen = false;
            for (int k = 0; k < done; k++) {
                if (ws.addDone[k] == node) {
                    seen = true;
                    break;
                }
            }
            if (seen) {
                continue;
            }
            ws.addDone[done++] = node;
            // In-domain glue (at or below the cut referred to) is required: losing it sets TC (RFC 9471).
            boolean required = occluded && tail == TAIL_REFERRAL && isBelowReferral(z.data, at);
            boolean sigs = dnssec && !occluded;
            int a = z.findSet(node, T_A);
            if (a >= 0) {
                additionalUnit(node, a, at, required, sigs);
            }
            int aaaa = z.findSet(node, T_AAAA);
            if (aaaa >= 0) {
                additionalUnit(node, aaaa, at, required, sigs);
            }
        }
    }

    private void additionalUnit(int node, int set, int nameAt, boolean required, boolean sigs) {
        if (!out.beginUnit(required)) {
            return;
        }
        int ownerPos = out.position();
        out.name(z.data, nameAt, true);
        writeSetAndSignatures(node, set, ownerPos, out.position() - ownerPos, z.setTtl(set), sigs);
        out.endUnit(HARD_LIMIT);
    }

    /** Whether the name at {@code at} in {@code b} is at or below the referral's delegation point. */
    private boolean isBelowReferral(byte[] b, int at) {
        int len = WireNames.length(b, at);
        int dlen = WireNames.length(referralName, referralAt);
        if (dlen > len) {
            return false;
        }
        int off = at + len - dlen;
        int p = at;
        while (p < off) {
            p += b[p] + 1;
        }
        return p == off && NameOctets.equalsIgnoreCase(b, off, referralName, referralAt, dlen);
    }
}
