package org.dunlin.dns.wire.tsig;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import javax.crypto.Mac;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.dnssec.internal.WireScan;
import org.dunlin.dns.wire.dnssec.internal.WireScan.MalformedException;

/**
 * TSIG signing and verification of DNS messages in wire form (RFC 8945, RFC 4635 truncation).
 *
 * <p>Works on octets because the MAC covers exactly the octets sent: a request is encoded, signed here,
 * and sent; a received message is verified here and then decoded. The digest of RFC 8945 §4.3 is
 * <pre>
 *   request:   DNS message | TSIG variables
 *   response:  request MAC (u16 length | MAC) | DNS message | TSIG variables
 *   TSIG variables: key name | CLASS ANY | TTL 0 | algorithm name | time signed | fudge | error |
 *                   other len | other data   (names in canonical wire form)
 * </pre>
 * where the DNS message is the one received with the TSIG removed, ARCOUNT decremented and the ID
 * replaced by Original ID. Checks run in RFC 8945 §5.2 order: key, MAC, time, truncation policy.
 * Multi-message responses (zone transfers) use {@link TsigStreamSigner} and {@link TsigStreamVerifier}.
 *
 * <p>Immutable and thread-safe. Time comes from the injected clock. Replay caching of Time Signed values
 * (RFC 8945 §5.2.3 "SHOULD") is left to the server, which knows its key lifetimes.
 */
public final class Tsig {

    /** The fudge RFC 8945 §10 recommends: 300 seconds. */
    public static final int DEFAULT_FUDGE = 300;

    /** RCODE NOTAUTH (RFC 8945 §5.3.2): set on responses carrying a TSIG error. */
    static final int RCODE_NOTAUTH = 9;
    /** RCODE FORMERR, for requests whose TSIG is unreadable (RFC 8945 §5.1, RFC 4635 §3.1). */
    static final int RCODE_FORMERR = 1;

    private final Clock clock;
    private final int fudge;

    /** An engine using {@code clock} and a fudge of {@link #DEFAULT_FUDGE} seconds. */
    public Tsig(Clock clock) {
        this(clock, DEFAULT_FUDGE);
    }

    /** An engine using {@code clock} and the given fudge (0–65535 seconds) for what it signs. */
    public Tsig(Clock clock, int fudgeSeconds) {
        if (fudgeSeconds < 0 || fudgeSeconds > 0xffff) {
            throw new IllegalArgumentException("fudge must be 0..65535 seconds, not " + fudgeSeconds);
        }
        this.clock = clock;
        this.fudge = fudgeSeconds;
    }

    long now() {
        return clock.millis() / 1000;
    }

    int fudge() {
        return fudge;
    }

    /**
     * Signs a request (RFC 8945 §5.1).
     *
     * @param message the complete request in wire form, without a TSIG
     * @throws IllegalArgumentException if the message is shorter than a header or already ends in a TSIG
     */
    public SignedMessage signRequest(TsigKey key, byte[] message) {
        requireUnsigned(message);
        long time = now();
        byte[] mac = truncate(computeMac(key, null, message, message.length, WireScan.u16(message, 0),
                variables(key, time, fudge, TsigError.NOERROR, new byte[0])), key.macLength());
        TsigRecord record = new TsigRecord(key.name(), key.algorithm().algorithmName(), time, fudge, mac,
                WireScan.u16(message, 0), TsigError.NOERROR, new byte[0], message.length);
        return new SignedMessage(append(message, record), mac, time);
    }

    /**
     * Signs an encoded request message (see {@link #signRequest(TsigKey, byte[])}).
     *
     * @throws IllegalArgumentException if the message already carries a TSIG
     */
    public SignedMessage signRequest(TsigKey key, Message request) {
        return signRequest(key, request.toWire());
    }

    /**
     * Checks a request's TSIG, as a server does before answering (RFC 8945 §5.2). Pass the result to
     * {@link #signResponse} to sign the answer or produce the matching TSIG error response.
     */
    public TsigVerification verifyRequest(TsigKeyring keys, byte[] request) {
        TsigRecord record;
        try {
            record = TsigRecord.find(request);
        } catch (MalformedException e) {
            return TsigVerification.failed(TsigError.FORMERR, e.getMessage(), null, null);
        }
        if (record == null) {
            return TsigVerification.unsigned();
        }
        TsigKey key = keys.find(record.keyName()).orElse(null);
        if (key == null || !key.algorithm().algorithmName().equals(record.algorithmName())) {
            return TsigVerification.failed(TsigError.BADKEY, key == null ? "unknown key " + record.keyName()
                    : "key " + record.keyName() + " does not use " + record.algorithmName(), null, record);
        }
        return check(key, null, request, record, null);
    }

    /**
     * Checks the TSIG of a response to a request we signed (RFC 8945 §5.3.3 / §5.4). A response without
     * TSIG fails with FORMERR; a response whose TSIG carries an error yields {@code PEER_ERROR}.
     *
     * @param requestMac the MAC of our request ({@link SignedMessage#mac()})
     */
    public TsigVerification verifyResponse(TsigKey key, byte[] requestMac, byte[] response) {
        TsigRecord record;
        try {
            record = TsigRecord.find(response);
        } catch (MalformedException e) {
            return TsigVerification.failed(TsigError.FORMERR, e.getMessage(), key, null);
        }
        if (record == null) {
            return TsigVerification.failed(TsigError.FORMERR, "response carries no TSIG", key, null);
        }
        if (!key.name().equals(record.keyName()) || !key.algorithm().algorithmName().equals(record.algorithmName())) {
            return TsigVerification.failed(TsigError.BADKEY, "response signed with key " + record.keyName()
                    + " (" + record.algorithmName() + "), expected " + key.name(), key, record);
        }
        if (!record.error().equals(TsigError.NOERROR)) {
            String how;
            if (record.macUnsafe().length == 0) {
                how = "unsigned error response";
            } else {
                TsigVerification signed = check(key, requestMac, response, record, null);
                how = signed.isVerified() ? "signed error response, verified" : "error response failed: " + signed.reason();
            }
            String reason = "peer reported " + record.error() + " (" + how + ")"
                    + (record.otherTime() >= 0 ? ", peer time " + record.otherTime() : "");
            return new TsigVerification(TsigVerification.Status.PEER_ERROR, record.error(), reason, key, record);
        }
        return check(key, requestMac, response, record, null);
    }

    /**
     * Signs a response to a request checked by {@link #verifyRequest} (RFC 8945 §5.3):
     * <ul>
     *   <li>VERIFIED: a normal signed response covering the request MAC;</li>
     *   <li>BADKEY, BADSIG: an unsigned TSIG (MAC size 0) carrying the error, RCODE NOTAUTH;</li>
     *   <li>FORMERR (a misplaced or malformed TSIG): RCODE FORMERR and no TSIG;</li>
     *   <li>BADTIME: a signed TSIG with the request's Time Signed and our time in Other Data;</li>
     *   <li>BADTRUNC: a signed TSIG carrying the error;</li>
     *   <li>UNSIGNED: the response unchanged (RFC 8945 §5.3: never sign an answer to an unsigned request).</li>
     * </ul>
     *
     * @param response the complete response in wire form, without a TSIG
     */
    public byte[] signResponse(TsigVerification request, byte[] response) {
        requireUnsigned(response);
        TsigRecord req = request.record();
        switch (request.status()) {
            case UNSIGNED:
                return response.clone();
            case VERIFIED:
                return signAnswer(request.key(), req.macUnsafe(), response, TsigError.NOERROR, now())[0];
            case FAILED:
                break;
            default:
                throw new IllegalArgumentException("not a request verification: " + request);
        }
        TsigError error = request.error();
        if (error.equals(TsigError.FORMERR)) {
            return withRcode(response, RCODE_FORMERR); // RFC 4635 §3.1: FORMERR, no TSIG to answer with
        }
        if (error.equals(TsigError.BADTIME) || error.equals(TsigError.BADTRUNC)) {
            return signAnswer(request.key(), req.macUnsafe(), withRcode(response, RCODE_NOTAUTH), error,
                    error.equals(TsigError.BADTIME) ? req.timeSigned() : now())[0];
        }
        TsigRecord unsigned = new TsigRecord(req.keyName(), req.algorithmName(), now(), fudge, new byte[0],
                WireScan.u16(response, 0), error, new byte[0], response.length);
        return append(withRcode(response, RCODE_NOTAUTH), unsigned);
    }

    /** Signs an encoded response message (see {@link #signResponse(TsigVerification, byte[])}). */
    public byte[] signResponse(TsigVerification request, Message response) {
        return signResponse(request, response.toWire());
    }

    /**
     * A signer for the envelopes of a multi-message response (RFC 8945 §5.3.1) to a verified request.
     *
     * @throws IllegalArgumentException if the request did not verify
     */
    public TsigStreamSigner streamSigner(TsigVerification request) {
        if (!request.isVerified()) {
            throw new IllegalArgumentException("only a verified request can be answered with a signed stream");
        }
        return new TsigStreamSigner(this, request.key(), request.record().macUnsafe());
    }

    /** A verifier for the envelopes of a multi-message response to a request we signed. */
    public TsigStreamVerifier streamVerifier(TsigKey key, byte[] requestMac) {
        return new TsigStreamVerifier(this, key, requestMac.clone());
    }

    /** Returns {signed message, mac}. */
    byte[][] signAnswer(TsigKey key, byte[] requestMac, byte[] response, TsigError error, long time) {
        byte[] other = error.equals(TsigError.BADTIME) ? u48(now()) : new byte[0];
        int macLength = Math.max(key.macLength(), Math.min(requestMac.length, key.algorithm().outputLength()));
        byte[] mac = truncate(computeMac(key, requestMac, response, response.length, WireScan.u16(response, 0),
                variables(key, time, fudge, error, other)), macLength);
        TsigRecord record = new TsigRecord(key.name(), key.algorithm().algorithmName(), time, fudge, mac,
                WireScan.u16(response, 0), error, other, response.length);
        return new byte[][] {append(response, record), mac};
    }

    /**
     * The MAC, size, time and truncation checks shared by requests, responses and streams.
     *
     * @param priorMac the request or prior MAC digested first, or null for a request
     * @param unsignedBefore unsigned envelopes digested before this message (streams), or null; when
     *        non-null only the timers are digested (RFC 8945 §5.3.1)
     */
    TsigVerification check(TsigKey key, byte[] priorMac, byte[] message, TsigRecord record, byte[] unsignedBefore) {
        byte[] mac = record.macUnsafe();
        int full = key.algorithm().outputLength();
        if (mac.length > full || mac.length < key.algorithm().minimumMacLength()) {
            // RFC 4635 §3.1 cases 1 and 4.
            return TsigVerification.failed(TsigError.FORMERR, "MAC size " + mac.length + " is invalid for "
                    + key.algorithm(), key, record);
        }
        byte[] tail = unsignedBefore == null
                ? variables(key, record.timeSigned(), record.fudge(), record.error(), record.otherDataUnsafe())
                : timers(record.timeSigned(), record.fudge());
        Mac engine = key.newMac();
        if (priorMac != null) {
            engine.update((byte) (priorMac.length >>> 8));
            engine.update((byte) priorMac.length);
            engine.update(priorMac);
        }
        if (unsignedBefore != null) {
            engine.update(unsignedBefore);
        }
        byte[] expected = finish(engine, message, record.offset(), record.originalId(), tail);
        if (!MessageDigest.isEqual(Arrays.copyOf(expected, mac.length), mac)) {
            return TsigVerification.failed(TsigError.BADSIG, "MAC does not verify with key " + key.name(), key, record);
        }
        long now = now();
        if (Math.abs(now - record.timeSigned()) > record.fudge()) {
            return TsigVerification.failed(TsigError.BADTIME, "time signed " + record.timeSigned()
                    + " is outside " + now + " +/- " + record.fudge() + " s", key, record);
        }
        if (mac.length < key.macLength()) {
            return TsigVerification.failed(TsigError.BADTRUNC, "MAC truncated to " + mac.length
                    + " octets; policy requires " + key.macLength(), key, record);
        }
        return TsigVerification.verified(key, record);
    }

    private static byte[] computeMac(TsigKey key, byte[] priorMac, byte[] message, int length, int originalId,
            byte[] tail) {
        Mac engine = key.newMac();
        if (priorMac != null) {
            engine.update((byte) (priorMac.length >>> 8));
            engine.update((byte) priorMac.length);
            engine.update(priorMac);
        }
        return finish(engine, message, length, originalId, tail);
    }

    /** Digests message[0, length) with ARCOUNT as it was before the TSIG and the original ID, then tail. */
    static byte[] finish(Mac engine, byte[] message, int length, int originalId, byte[] tail) {
        byte[] header = Arrays.copyOf(message, WireScan.HEADER);
        header[0] = (byte) (originalId >>> 8);
        header[1] = (byte) originalId;
        if (length < message.length) {
            int arcount = WireScan.u16(header, 10) - 1;
            header[10] = (byte) (arcount >>> 8);
            header[11] = (byte) arcount;
        }
        engine.update(header);
        engine.update(message, WireScan.HEADER, length - WireScan.HEADER);
        engine.update(tail);
        return engine.doFinal();
    }

    static byte[] variables(TsigKey key, long time, int fudge, TsigError error, byte[] other) {
        byte[] name = key.nameWire();
        byte[] alg = key.algorithm().algorithmName().toCanonicalWire();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(name.length + alg.length + 20);
        out.writeBytes(name);
        TsigRecord.u16(out, TsigRecord.CLASS_ANY);
        TsigRecord.u16(out, 0);
        TsigRecord.u16(out, 0);
        out.writeBytes(alg);
        TsigRecord.u48(out, time);
        TsigRecord.u16(out, fudge);
        TsigRecord.u16(out, error.code());
        TsigRecord.u16(out, other.length);
        out.writeBytes(other);
        return out.toByteArray();
    }

    static byte[] timers(long time, int fudge) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8);
        TsigRecord.u48(out, time);
        TsigRecord.u16(out, fudge);
        return out.toByteArray();
    }

    static byte[] append(byte[] message, TsigRecord record) {
        byte[] rr = record.toWire();
        byte[] out = Arrays.copyOf(message, message.length + rr.length);
        System.arraycopy(rr, 0, out, message.length, rr.length);
        int arcount = WireScan.u16(out, 10) + 1;
        if (arcount > 0xffff) {
            throw new IllegalArgumentException("ARCOUNT overflow");
        }
        out[10] = (byte) (arcount >>> 8);
        out[11] = (byte) arcount;
        return out;
    }

    private static byte[] withRcode(byte[] message, int rcode) {
        byte[] out = message.clone();
        out[3] = (byte) ((out[3] & 0xf0) | (rcode & 0x0f));
        return out;
    }

    private static byte[] truncate(byte[] mac, int length) {
        return mac.length == length ? mac : Arrays.copyOf(mac, length);
    }

    private static byte[] u48(long v) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(6);
        TsigRecord.u48(out, v);
        return out.toByteArray();
    }

    static void requireUnsigned(byte[] message) {
        if (message.length < WireScan.HEADER) {
            throw new IllegalArgumentException("message shorter than a DNS header");
        }
        try {
            if (TsigRecord.find(message) != null) {
                throw new IllegalArgumentException("message already carries a TSIG");
            }
        } catch (MalformedException e) {
            throw new IllegalArgumentException("malformed message: " + e.getMessage(), e);
        }
    }
}
