package org.dunlin.dns.resolver.internal;

import java.nio.ByteBuffer;

/**
 * Does a response answer a query? RFC 5452 §9.1: the ID, and the question — name, type and class — must
 * be those of the query; with DNS 0x20 the name must also have exactly the letter case sent. The
 * response must be a response (QR) with the query's opcode. Works on the raw bytes, before any decoding,
 * so spoofed or stray datagrams cost a few comparisons and no allocation. (Source address and port are
 * checked by the transport: a connected UDP socket and a TCP connection only deliver the server's
 * packets.)
 *
 * <p>One exception, for RFC 6891 §7 fallback: an old server may answer FORMERR or NOTIMP to an EDNS query
 * without echoing the question; such a response with a matching ID and no question is accepted.
 */
public final class ResponseMatcher {
    private static final int FORMERR = 1;
    private static final int NOTIMP = 4;

    private ResponseMatcher() {
    }

    /** Whether {@code response} (position to limit) answers {@code query}. */
    public static boolean matches(ByteBuffer response, WireQuery query) {
        int base = response.position();
        int len = response.remaining();
        if (len < 12) {
            return false;
        }
        int id = (response.get(base) & 0xFF) << 8 | response.get(base + 1) & 0xFF;
        if (id != query.id()) {
            return false;
        }
        int flags = response.get(base + 2) & 0xFF;
        if ((flags & 0x80) == 0 || (flags >>> 3 & 0xF) != query.opcode()) {
            return false;
        }
        int qdcount = (response.get(base + 4) & 0xFF) << 8 | response.get(base + 5) & 0xFF;
        if (qdcount == 0) {
            int rcode = response.get(base + 3) & 0xF;
            return rcode == FORMERR || rcode == NOTIMP;
        }
        if (qdcount != 1) {
            return false;
        }
        int qlen = query.questionLength();
        if (len < WireQuery.QUESTION + qlen) {
            return false;
        }
        int off = base + WireQuery.QUESTION;
        boolean exact = query.caseSensitive();
        int nameLength = qlen - 4;
        for (int i = 0; i < qlen; i++) {
            byte a = response.get(off + i);
            byte b = query.questionByte(i);
            // letters fold only inside the name (length octets are below 64); type and class are exact
            if (a != b && (exact || i >= nameLength || lower(a) != lower(b))) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        int c = b & 0xFF;
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
