package org.dunlin.dns.authority.internal;

import java.util.List;

/**
 * Runs the answering code over a zone's own names before the server opens its sockets, so that the
 * JIT compiler has compiled the hot path when the first real query arrives (an interpreted server on a
 * busy core falls behind a burst and the kernel drops what does not fit in its buffer). Queries are
 * made from the zones' first few thousand names: every name with A, AAAA, MX and TXT, a child of it
 * (NXDOMAIN or wildcard), over UDP with and without EDNS. The counters of the workspace used are
 * thrown away.
 */
public final class Warmup {
    private static final int[] TYPES = {1, 28, 15, 16};

    private Warmup() {
    }

    /** Answers about {@code queries} synthetic queries for {@code zones} with {@code engine}. */
    public static void run(QueryEngine engine, List<ZoneData> zones, int queries) {
        Workspace ws = new Workspace();
        byte[] q = new byte[12 + 255 + 4 + 11];
        int done = 0;
        while (done < queries && !zones.isEmpty()) {
            int before = done;
            for (ZoneData z : zones) {
                int nodes = Math.min(z.nodeCount(), 2000);
                for (int node = 0; node < nodes && done < queries; node++) {
                    for (int t : TYPES) {
                        int len = query(q, z, node, t, done % 3 == 0, done & 1);
                        if (len > 0) {
                            engine.answer(ws, q, 0, len, false);
                            done++;
                        }
                    }
                }
            }
            if (done == before) {
                return;
            }
        }
    }

    /** Writes a query for node {@code node} (with a child label when {@code child}); returns its length. */
    private static int query(byte[] q, ZoneData z, int node, int type, boolean child, int edns) {
        int relLen = z.nameLength(node);
        int nameLen = (child ? 2 : 0) + relLen + z.originWire.length;
        if (nameLen > 255) {
            return -1;
        }
        q[0] = (byte) (node >>> 8);
        q[1] = (byte) node;
        q[2] = 0;
        q[3] = 0;
        q[4] = 0;
        q[5] = 1;
        q[6] = q[7] = q[8] = q[9] = q[10] = 0;
        q[11] = (byte) edns;
        int p = 12;
        if (child) {
            q[p++] = 1;
            q[p++] = 'w';
        }
        System.arraycopy(z.names, z.nameOffset(node), q, p, relLen);
        p += relLen;
        System.arraycopy(z.originWire, 0, q, p, z.originWire.length);
        p += z.originWire.length;
        q[p++] = (byte) (type >>> 8);
        q[p++] = (byte) type;
        q[p++] = 0;
        q[p++] = 1;
        if (edns == 1) {
            byte[] opt = {0, 0, 41, 4, (byte) 0xD0, 0, 0, 0, 0, 0, 0};
            System.arraycopy(opt, 0, q, p, opt.length);
            p += opt.length;
        }
        return p;
    }
}
