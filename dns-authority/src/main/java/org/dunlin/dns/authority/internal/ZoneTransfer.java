package org.dunlin.dns.authority.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.dunlin.dns.wire.tsig.TsigStreamSigner;

/**
 * Writes a full zone transfer (AXFR, RFC 5936) of one {@link ZoneData} as the TCP byte stream that
 * carries it: a sequence of DNS messages, each behind its two-octet length (RFC 1035 §4.2.2).
 *
 * <p>The stream follows RFC 5936 §2.2: the zone's SOA first, then every other record of the zone (glue,
 * occluded data, DNSSEC records and the NSEC3 chain included), then the SOA again. Every message repeats
 * the query's ID and question (§2.2.1 allows the question in messages after the first), so an owner
 * name is written as its labels below the origin followed by a compression pointer to the question's
 * name, which is the origin; the node's further records in the same message point to that owner. Owner
 * names come out in lower case, as the zone stores them; RDATA is sent
 * as loaded, uncompressed. When the query had an OPT record, each message carries one (RFC 6891
 * §6.1.1), echoing DO. A message is closed once it holds about {@value #SOFT_LIMIT} octets. A transfer
 * asked with a verified TSIG has every message signed by a {@link TsigStreamSigner} (RFC 8945 §5.3.1),
 * each covering the MAC of the one before.
 *
 * <p>Stateless and thread-safe: each call builds its own stream. The stream is as large as the zone's
 * wire form plus a header per message.
 */
public final class ZoneTransfer {
    /** A message is closed once it reaches this many octets (RFC 5936 §2.2 leaves it to the server). */
    static final int SOFT_LIMIT = 16 * 1024;
    private static final int MAX_MESSAGE = 65535;
    private static final int T_SOA = 6;
    private static final int OPT_LENGTH = 11;

    private byte[] buf = new byte[4096];
    private int pos;
    private int messageStart;
    private int answers;
    /** The node whose owner name was last written in full in this message, and where (-1: none). */
    private int ownerNode = -1;
    private int ownerAt = -1;

    private final byte[] query;
    private final int questionAt;
    private final int questionLength;
    private final int id;
    private final int flags;
    private final boolean edns;
    private final boolean dnssecOk;
    private final int payload;
    private final TsigStreamSigner signer;
    /** Octets kept free in each message for its TSIG record. */
    private final int reserve;

    private ZoneTransfer(byte[] query, int off, int questionLength, int flags, boolean edns, boolean dnssecOk,
            int payload, TsigStreamSigner signer, int reserve) {
        this.signer = signer;
        this.reserve = (edns ? OPT_LENGTH : 0) + (signer != null ? reserve : 0);
        this.query = query;
        this.questionAt = off + 12;
        this.questionLength = questionLength;
        this.id = (query[off] & 0xFF) << 8 | query[off + 1] & 0xFF;
        this.flags = flags;
        this.edns = edns;
        this.dnssecOk = dnssecOk;
        this.payload = payload;
    }

    /**
     * The AXFR stream of {@code zone} for the query at {@code query[off..]} whose question (naming the
     * zone's origin) is {@code questionLength} octets long; {@code flags} are the response's header flags
     * (QR and AA set, RD echoed). With a {@code signer}, each message is signed, {@code reserve} octets
     * being kept for its TSIG record. Returns null if a single record cannot fit in a 65,535-octet
     * message (the caller answers SERVFAIL).
     */
    public static ByteBuffer axfr(ZoneData zone, byte[] query, int off, int questionLength, int flags, boolean edns,
            boolean dnssecOk, int payload, TsigStreamSigner signer, int reserve) {
        ZoneTransfer t = new ZoneTransfer(query, off, questionLength, flags, edns, dnssecOk, payload, signer, reserve);
        return t.write(zone) ? ByteBuffer.wrap(t.buf, 0, t.pos) : null;
    }

    /** One message with the question and no records, with {@code flags} (the RCODE included). */
    static ByteBuffer failure(byte[] query, int off, int questionLength, int flags, TsigStreamSigner signer) {
        ZoneTransfer t = new ZoneTransfer(query, off, questionLength, flags, false, false, 0, signer, 0);
        t.begin();
        t.end();
        return ByteBuffer.wrap(t.buf, 0, t.pos);
    }

    private boolean write(ZoneData z) {
        byte[] data = z.data();
        int soa = z.soaSet();
        begin();
        if (!set(z, 0, soa, data)) {
            return false;
        }
        for (int node = 0; node < z.nodeCount(); node++) {
            for (int s = z.setsStart(node); s < z.setsEnd(node); s = z.nextSet(s)) {
                if (s != soa && !set(z, node, s, data)) {
                    return false;
                }
            }
        }
        if (!record(z, 0, T_SOA, z.setTtl(soa), data, ZoneData.firstRecord(soa))) {
            return false;
        }
        end();
        return true;
    }

    /** Writes every record of the set at {@code set} of node {@code node}. */
    private boolean set(ZoneData z, int node, int set, byte[] data) {
        int type = z.setType(set);
        long ttl = z.setTtl(set);
        int r = ZoneData.firstRecord(set);
        for (int i = z.setCount(set); i > 0; i--) {
            if (!record(z, node, type, ttl, data, r)) {
                return false;
            }
            r += 2 + z.rdLength(r);
        }
        return true;
    }

    private boolean record(ZoneData z, int node, int type, long ttl, byte[] data, int r) {
        int nameLength = z.nameLength(node);
        int rdLength = z.rdLength(r);
        int size = nameLength + 2 + 10 + rdLength;
        if (answers > 0 && pos - messageStart - 2 + size + reserve > SOFT_LIMIT) {
            end();
            begin();
        }
        if (pos - messageStart - 2 + size + reserve > MAX_MESSAGE) {
            return false;
        }
        room(size);
        int at = pos - messageStart - 2; // offset in the message
        if (node == ownerNode && ownerAt >= 0) {
            u16(0xC000 | ownerAt); // the node's owner, written for its previous record in this message
        } else {
            System.arraycopy(z.names(), z.nameOffset(node), buf, pos, nameLength);
            pos += nameLength;
            u16(0xC000 | 12); // the question's name: the origin
            ownerNode = node;
            ownerAt = at < 0x4000 ? at : -1; // a pointer reaches the first 16 KiB only
        }
        u16(type);
        u16(1); // class IN
        u16((int) (ttl >>> 16));
        u16((int) ttl);
        System.arraycopy(data, r, buf, pos, 2 + rdLength); // RDLENGTH and RDATA
        pos += 2 + rdLength;
        answers++;
        return true;
    }

    private void begin() {
        messageStart = pos;
        answers = 0;
        ownerNode = -1;
        room(2 + 12 + questionLength);
        u16(0); // the length, patched by end()
        u16(id);
        u16(flags);
        u16(1);
        u16(0);
        u16(0);
        u16(0);
        System.arraycopy(query, questionAt, buf, pos, questionLength);
        pos += questionLength;
    }

    private void end() {
        if (edns) {
            room(OPT_LENGTH);
            buf[pos++] = 0;   // the root owner
            u16(41);          // OPT
            u16(payload);
            u16(0);           // extended RCODE and version 0
            u16(dnssecOk ? 0x8000 : 0);
            u16(0);           // no options
        }
        patch(messageStart + 2 + 6, answers);
        patch(messageStart + 2 + 10, edns ? 1 : 0);
        if (signer != null) {
            byte[] signed = signer.sign(Arrays.copyOfRange(buf, messageStart + 2, pos));
            pos = messageStart + 2;
            room(signed.length);
            System.arraycopy(signed, 0, buf, pos, signed.length);
            pos += signed.length;
        }
        patch(messageStart, pos - messageStart - 2);
    }

    private void room(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void u16(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void patch(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }
}
