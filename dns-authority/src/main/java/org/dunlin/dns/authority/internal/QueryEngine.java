package org.dunlin.dns.authority.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.dunlin.dns.wire.tsig.Tsig;
import org.dunlin.dns.wire.tsig.TsigKeyring;
import org.dunlin.dns.wire.tsig.TsigStreamSigner;
import org.dunlin.dns.wire.tsig.TsigVerification;

/**
 * Answers one query from its bytes into a {@link Workspace}'s response buffer: the protocol rules around
 * the answer (header and flags, FORMERR, NOTIMP, REFUSED, BADVERS, EDNS and truncation), shared by the
 * UDP and TCP front ends; the answer itself comes from the workspace's {@link Resolver}. Thread-safe (it
 * holds only immutable configuration); each call uses the caller's workspace and the catalog current at
 * that moment, so a zone swapped in during a query is seen by the next one.
 */
public final class QueryEngine {
    static final int NOERROR = 0;
    static final int FORMERR = 1;
    static final int NOTIMP = 4;
    static final int REFUSED = 5;
    static final int NOTAUTH = 9;
    static final int BADVERS = 16;
    static final int SERVFAIL = 2;
    /** What {@link #answer} returns when the query asks for a zone transfer it may have: see {@link #transfer}. */
    public static final int TRANSFER = -2;

    private static final int T_SOA = 6;
    private static final int T_DS = 43;
    private static final int T_IXFR = 251;
    private static final int T_AXFR = 252;
    private static final int EDE_PROHIBITED = 18;
    private static final int EDE_NOT_AUTHORITATIVE = 20;
    private static final int EDE_NOT_SUPPORTED = 21;

    private final Supplier<CatalogIndex> catalog;
    private final byte[] nsid;
    private final int maxUdpPayload;
    private final TsigKeyring keys;
    private final AccessList transferAcl;
    private final AccessList updateAcl;
    private final UpdateHandler updates;
    private final Tsig tsig;

    /** Applies an authorized DNS UPDATE (RFC 2136) to the zone it names; returns the RCODE of the answer. */
    @FunctionalInterface
    public interface UpdateHandler {
        /** Applies {@code update} to {@code zone}; called on the thread that read the request. */
        int update(ZoneData zone, org.dunlin.dns.wire.Message update);
    }

    /**
     * An engine answering from whatever catalog {@code catalog} returns at each query, identifying itself
     * with {@code nsid} (RFC 5001; null or empty for none) and advertising and honouring at most
     * {@code maxUdpPayload} octets over UDP (512..65535; 1232 is the DNS flag day 2020 value).
     */
    public QueryEngine(Supplier<CatalogIndex> catalog, byte[] nsid, int maxUdpPayload) {
        this(catalog, nsid, maxUdpPayload, TsigKeyring.of(), AccessList.NONE, AccessList.NONE, null, Clock.systemUTC());
    }

    /**
     * As {@link #QueryEngine(Supplier, byte[], int)}, also checking TSIG-signed queries against
     * {@code keys} (RFC 8945 §5.2; answers to verified queries are signed, failures get the TSIG error
     * response of §5.3), serving zone transfers to whom {@code transferAcl} allows and handing UPDATE
     * requests from whom {@code updateAcl} allows to {@code updates} (null: updates are refused), with
     * {@code clock} for TSIG's time checks.
     */
    public QueryEngine(Supplier<CatalogIndex> catalog, byte[] nsid, int maxUdpPayload, TsigKeyring keys,
            AccessList transferAcl, AccessList updateAcl, UpdateHandler updates, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.transferAcl = Objects.requireNonNull(transferAcl, "transferAcl");
        this.updateAcl = Objects.requireNonNull(updateAcl, "updateAcl");
        this.updates = updates;
        this.tsig = new Tsig(clock);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.nsid = nsid == null || nsid.length == 0 ? null : nsid.clone();
        if (maxUdpPayload < 512 || maxUdpPayload > 65535) {
            throw new IllegalArgumentException("max UDP payload must be 512..65535: " + maxUdpPayload);
        }
        this.maxUdpPayload = maxUdpPayload;
    }

    /**
     * Answers the query in {@code b[off, off + len)}; returns the response's length in
     * {@code ws.out().buffer()}, or -1 when no response must be sent (shorter than a header, or not a
     * query but a response).
     */
    public int answer(Workspace ws, byte[] b, int off, int len, boolean tcp) {
        return answer(ws, b, off, len, tcp, null);
    }

    /**
     * As {@link #answer(Workspace, byte[], int, int, boolean)} for a query from {@code client} (null if
     * unknown), which the transfer ACL is checked against. A zone transfer asked over TCP by an allowed
     * client (by address, or by a verified TSIG key the ACL names), naming the apex of a served zone,
     * returns {@link #TRANSFER}: the caller then gets the transfer from {@link #transfer}, with the same
     * workspace and query bytes, before answering anything else.
     */
    public int answer(Workspace ws, byte[] b, int off, int len, boolean tcp, InetAddress client) {
        Counters c = ws.counters;
        c.queries++;
        if (tcp) {
            c.tcpQueries++;
        } else {
            c.udpQueries++;
        }
        ParsedQuery q = ws.query;
        int status = q.parse(b, off, len);
        if (status == ParsedQuery.DROP) {
            c.dropped++;
            return -1;
        }
        ResponseWriter out = ws.out;
        // QR set; opcode, RD and CD echoed (RFC 1035 §4.1.1, RFC 4035 §3.1.6); RA, AD and Z clear.
        int flags = 0x8000 | q.flags & 0x7800 | q.flags & 0x0100 | q.flags & 0x0010;
        if (status == ParsedQuery.OK) {
            out.begin(b, off, flags, q.questionLength, q.labelStarts, q.suffixHashes, q.labelCount);
        } else {
            out.begin(b, off, flags, q.questionLength);
        }
        boolean opt = q.edns;
        int ede = -1;
        int rcode;
        // RFC 8945 §5.2: check the signature before anything else looks at the request
        TsigVerification signed = status == ParsedQuery.OK && q.tsig
                ? tsig.verifyRequest(keys, Arrays.copyOfRange(b, off, off + len)) : null;
        if (status == ParsedQuery.FORMERR) {
            rcode = FORMERR;
            opt = false; // the OPT record may be what was malformed
        } else if (status == ParsedQuery.NOTIMP) {
            rcode = NOTIMP;
        } else if (q.edns && q.ednsVersion != 0) {
            rcode = BADVERS; // RFC 6891 §6.1.3: version 0 in the reply, no data
        } else if (signed != null && !signed.isVerified()) {
            rcode = NOTAUTH; // the TSIG error (BADKEY, BADSIG, BADTIME) goes in the TSIG record (§5.3.2)
        } else if (q.qclass != 1 && q.qclass != 255) {
            rcode = REFUSED; // only class IN is served
            ede = EDE_NOT_SUPPORTED;
        } else {
            CatalogIndex cat = catalog.get();
            ZoneData z = cat.find(q.buf, q.labelStarts, q.suffixHashes, q.labelCount);
            if (q.opcode == ParsedQuery.OPCODE_UPDATE) {
                // RFC 2136 §3.1 and §3.3: the zone section names a zone we serve, then who may update it
                if (q.qtype != T_SOA) {
                    rcode = FORMERR; // §3.1.1: ZTYPE must be SOA
                } else if (z == null || q.labelCount != z.originLabels()) {
                    rcode = NOTAUTH; // §3.1.2
                } else if (updates == null || !updateAcl.allows(client, signed)) {
                    rcode = REFUSED;
                    ede = EDE_PROHIBITED;
                } else {
                    rcode = updates.update(z, q.message);
                }
            } else if (z == null) {
                rcode = REFUSED;
                ede = EDE_NOT_AUTHORITATIVE;
            } else if (q.qtype == T_AXFR || q.qtype == T_IXFR) {
                if (!tcp) {
                    rcode = NOTIMP; // AXFR over UDP is not defined (RFC 5936 §4.2); IXFR falls back to TCP
                } else if (!transferAcl.allows(client, signed)) {
                    rcode = REFUSED;
                    ede = EDE_PROHIBITED;
                } else if (q.labelCount != z.originLabels()) {
                    rcode = NOTAUTH; // not the name of a zone we serve (RFC 5936 §2.2.1)
                    ede = EDE_NOT_AUTHORITATIVE;
                } else {
                    ws.transfer = z;
                    ws.transferTsig = signed;
                    return TRANSFER; // counted by transfer(), which knows how it ended
                }
            } else {
                if (q.qtype == T_DS && q.labelCount == z.originLabels) {
                    // DS lives on the parent side of a cut (RFC 4035 §3.1.4.1): answer from the parent if served.
                    ZoneData parent = cat.parentOf(q.buf, q.labelStarts, q.suffixHashes, q.labelCount, z);
                    if (parent != null) {
                        z = parent;
                    }
                }
                rcode = ws.resolver.resolve(z, q.qtype, q.dnssecOk && z.signed);
            }
        }
        int optLength = 0;
        if (opt) {
            optLength = 11 + (nsid != null && q.nsid ? 4 + nsid.length : 0) + (ede >= 0 ? 6 : 0);
        }
        int limit = tcp ? ResponseWriter.MAX_MESSAGE
                : q.edns ? Math.max(512, Math.min(q.payload, maxUdpPayload)) : 512;
        if (signed != null) {
            limit -= tsigLength(signed); // room for the TSIG record the answer gets below
        }
        out.rcode(rcode);
        boolean tc = out.finish(limit - optLength);
        if (opt) {
            writeOpt(out, rcode, q, ede);
        }
        if (signed != null) {
            out.load(tsig.signResponse(signed, Arrays.copyOf(out.buffer(), out.length())));
        }
        c.responses[Math.min(rcode, Counters.RCODES - 1)]++;
        if (tc) {
            c.truncated++;
        }
        return out.length();
    }

    /** An upper bound of the TSIG record's length when answering a request checked as {@code v}. */
    static int tsigLength(TsigVerification v) {
        // owner, TYPE, CLASS, TTL, RDLENGTH; algorithm, time (6), fudge, MAC size, MAC, original ID,
        // error, other length, other data (6, BADTIME only) (RFC 8945 §4.2)
        int keyName = v.record() != null ? v.record().keyName().wireLength() : 255;
        int algorithm = v.record() != null ? v.record().algorithmName().wireLength() : 255;
        int mac = v.key() != null ? v.key().algorithm().outputLength() : 64;
        return keyName + 10 + algorithm + 6 + 2 + 2 + mac + 2 + 2 + 2 + 6;
    }

    /**
     * The zone transfer that {@link #answer} returned {@link #TRANSFER} for: the AXFR stream, each message
     * behind its length prefix (RFC 5936 §2.2; an IXFR gets the whole zone, RFC 1995 §4), or one SERVFAIL
     * message if a record cannot fit in a message.
     */
    public ByteBuffer transfer(Workspace ws, byte[] b, int off) {
        ParsedQuery q = ws.query;
        ZoneData z = ws.transfer;
        TsigVerification signed = ws.transferTsig;
        ws.transfer = null;
        ws.transferTsig = null;
        int flags = 0x8000 | 0x0400 | q.flags & 0x0100; // QR, AA, RD echoed
        // RFC 8945 §5.3.1: every message of a signed transfer carries a TSIG, chained to the one before
        TsigStreamSigner signer = signed != null ? tsig.streamSigner(signed) : null;
        int reserve = signed != null ? tsigLength(signed) : 0;
        ByteBuffer out = ZoneTransfer.axfr(z, b, off, q.questionLength, flags, q.edns, q.dnssecOk, maxUdpPayload,
                signer, reserve);
        ws.counters.responses[out != null ? NOERROR : SERVFAIL]++;
        if (out == null) {
            out = ZoneTransfer.failure(b, off, q.questionLength, flags | SERVFAIL,
                    signed != null ? tsig.streamSigner(signed) : null);
        }
        return out;
    }

    /** The OPT record (RFC 6891 §6.1.2): our payload size, the upper rcode bits, version 0, DO echoed. */
    private void writeOpt(ResponseWriter out, int rcode, ParsedQuery q, int ede) {
        out.u8(0);                // the root owner
        out.u16(41);              // TYPE OPT
        out.u16(maxUdpPayload);   // CLASS: our UDP payload size
        out.u32(((long) (rcode >>> 4) & 0xFF) << 24 | (q.dnssecOk ? 0x8000 : 0));
        int lenAt = out.position();
        out.u16(0);
        if (nsid != null && q.nsid) {
            out.u16(3);
            out.u16(nsid.length);
            out.bytes(nsid, 0, nsid.length);
        }
        if (ede >= 0) {
            out.u16(15);
            out.u16(2);
            out.u16(ede);
        }
        out.patch16(lenAt, out.position() - lenAt - 2);
        out.addAdditionalCount();
    }
}
