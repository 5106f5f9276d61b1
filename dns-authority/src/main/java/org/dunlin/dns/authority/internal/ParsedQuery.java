package org.dunlin.dns.authority.internal;

import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.EdnsOption;
import org.dunlin.dns.wire.edns.Nsid;

/**
 * A query parsed in place: the header, the question's position and labels, and the EDNS fields the
 * server needs, read straight from the packet's bytes into reused fields (one instance per
 * {@link Workspace}, so one thread at a time). Nothing is allocated for the common query (one question,
 * no records or one plain OPT record).
 *
 * <p>Anything unusual — records in the answer or authority section, other additional records, EDNS
 * options whose contents the decoder checks (client subnet, cookies, ...) — is handed to dns-wire's
 * strict decoder ({@link Message#fromWire}), so that what counts as malformed is decided in one place:
 * a {@link WireFormatException} there makes the answer FORMERR.
 */
public final class ParsedQuery {
    /** The query can be answered. */
    public static final int OK = 0;
    /** No answer is possible or wanted: shorter than a header, or a response (QR set). */
    public static final int DROP = 1;
    /** Malformed: answer FORMERR (RFC 1035 §4.1.1). */
    public static final int FORMERR = 2;
    /** An opcode other than QUERY and UPDATE: answer NOTIMP. */
    public static final int NOTIMP = 3;
    /** Opcode UPDATE (RFC 2136). */
    static final int OPCODE_UPDATE = 5;

    private static final int OPT = 41;

    byte[] buf;
    int off;
    int len;
    int id;
    int flags;
    int opcode;
    int status;
    /** Octets of the question from offset 12 (name, type, class); 0 when it is not echoed. */
    int questionLength;
    final int[] labelStarts = new int[WireNames.MAX_LABELS + 1];
    final int[] suffixHashes = new int[WireNames.MAX_LABELS + 1];
    int labelCount;
    int qtype;
    int qclass;
    boolean edns;
    int ednsVersion;
    boolean dnssecOk;
    int payload;
    boolean nsid;
    boolean tsig;
    /** The whole message as dns-wire decoded it: set for UPDATE (and any query taking the strict path). */
    Message message;
    String problem;

    /** Parses the {@code len} octets at {@code off} of {@code b}; returns {@link #status}. */
    int parse(byte[] b, int off, int len) {
        this.buf = b;
        this.off = off;
        this.len = len;
        questionLength = 0;
        labelCount = 0;
        message = null;
        edns = false;
        ednsVersion = 0;
        dnssecOk = false;
        payload = 0;
        nsid = false;
        tsig = false;
        problem = null;
        if (len < 12) {
            return status = DROP;
        }
        flags = u16(2);
        if ((flags & 0x8000) != 0) {
            return status = DROP; // never answer a response (RFC 1035 §7.3 spirit; avoids reflection loops)
        }
        id = u16(0);
        opcode = flags >>> 11 & 0xF;
        int qd = u16(4);
        int an = u16(6);
        int ns = u16(8);
        int ar = u16(10);
        if (qd == 0) {
            return status = fail(unsupported(opcode) ? NOTIMP : FORMERR, "no question");
        }
        // The question name: uncompressed (nothing precedes it that a pointer could use), at most 255 octets.
        int p = 12;
        int end = len;
        int n = 0;
        while (true) {
            if (p >= end) {
                return status = fail(unsupported(opcode) ? NOTIMP : FORMERR, "question name runs past the end");
            }
            int l = b[off + p] & 0xFF;
            if (l == 0) {
                break;
            }
            if (l > 63) {
                return status = fail(unsupported(opcode) ? NOTIMP : FORMERR, (l & 0xC0) == 0xC0
                        ? "compression pointer in the question name" : "unsupported label type");
            }
            if (n == WireNames.MAX_LABELS - 1 || p + l + 1 - 12 + 1 > 255) {
                return status = fail(unsupported(opcode) ? NOTIMP : FORMERR, "question name longer than 255 octets");
            }
            labelStarts[n++] = off + p;
            p += l + 1;
        }
        labelStarts[n] = off + p;
        if (p + 5 > end) {
            return status = fail(unsupported(opcode) ? NOTIMP : FORMERR, "question type and class run past the end");
        }
        labelCount = n;
        qtype = u16(p + 1);
        qclass = u16(p + 3);
        p += 5;
        questionLength = p - 12;
        if (unsupported(opcode)) {
            return status = NOTIMP;
        }
        if (qd > 1) {
            questionLength = 0;
            return status = fail(FORMERR, "more than one question");
        }
        WireNames.suffixHashes(b, labelStarts, n, suffixHashes);
        if (opcode == OPCODE_UPDATE) {
            return status = slowPath(); // prerequisite and update sections: decoded whole, strictly
        }
        if (an == 0 && ns == 0) {
            if (ar == 0) {
                return status = p == end ? OK : fail(FORMERR, (end - p) + " octets after the question");
            }
            if (ar == 1 && fastOpt(p)) {
                return status;
            }
        }
        return status = slowPath();
    }

    /** A lone OPT record after the question; returns false to hand the query to the strict decoder. */
    private boolean fastOpt(int p) {
        if (p + 11 > len || buf[off + p] != 0 || u16(p + 1) != OPT) {
            return false;
        }
        int rdlen = u16(p + 9);
        if (p + 11 + rdlen != len) {
            return false;
        }
        int o = p + 11;
        int optEnd = o + rdlen;
        boolean wantNsid = false;
        while (o < optEnd) {
            if (o + 4 > optEnd) {
                return false;
            }
            int code = u16(o);
            int olen = u16(o + 2);
            if (o + 4 + olen > optEnd) {
                return false;
            }
            if (code == 3) {
                wantNsid = true;
            } else if (code == 8 || code == 10 || code == 11 || code == 12 || code == 15) {
                return false; // typed options: the decoder checks their contents
            }
            o += 4 + olen;
        }
        edns = true;
        payload = u16(p + 3);
        ednsVersion = buf[off + p + 6] & 0xFF;
        dnssecOk = (u16(p + 7) & Edns.FLAG_DO) != 0;
        nsid = wantNsid;
        status = OK;
        return true;
    }

    private int slowPath() {
        Message m;
        try {
            m = Message.fromWire(buf, off, len);
        } catch (WireFormatException e) {
            return fail(FORMERR, e.getMessage());
        }
        Edns e = m.edns().orElse(null);
        if (e != null) {
            edns = true;
            payload = e.udpPayloadSize();
            ednsVersion = e.version();
            dnssecOk = e.dnssecOk();
            for (EdnsOption o : e.options()) {
                if (o instanceof Nsid) {
                    nsid = true;
                }
            }
        }
        tsig = m.tsig().isPresent();
        message = m;
        return OK;
    }

    private static boolean unsupported(int opcode) {
        return opcode != 0 && opcode != OPCODE_UPDATE;
    }

    private int fail(int s, String why) {
        problem = why;
        return s;
    }

    private int u16(int p) {
        return (buf[off + p] & 0xFF) << 8 | buf[off + p + 1] & 0xFF;
    }

    /** The offset of the question name in the buffer. */
    int qnameAt() {
        return off + 12;
    }
}
