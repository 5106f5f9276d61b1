package org.dunlin.dns.wire.dnssec;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.dnssec.internal.Buf;
import org.dunlin.dns.wire.dnssec.internal.WireScan;
import org.dunlin.dns.wire.dnssec.internal.WireScan.MalformedException;
import org.dunlin.dns.wire.rdata.KeyData;

/**
 * SIG(0) transaction signatures (RFC 2931): a SIG record with Type Covered 0 at the end of the
 * additional section, signed with a host's private key and verified with its public KEY record.
 * <pre>
 *   request:  data = SIG RDATA without signature | request without the SIG(0)
 *   response: data = SIG RDATA without signature | full request as received | response without the SIG(0)
 *   SIG RR:   owner root, type SIG (24), class ANY, TTL 0 (RFC 2931 §3)
 * </pre>
 * where a message "without the SIG(0)" has its ARCOUNT as before the SIG was added (RFC 2931 §3.1).
 * Verification digests the received RDATA octets, so the signer's name is checked as sent.
 *
 * <p>Immutable and thread-safe; time and randomness are injected. Signatures are valid from
 * {@code now - fudge} to {@code now + fudge} (RFC 2931 §3.3 suggests five minutes each way).
 */
public final class SigZero {

    /** The SIG RR type. */
    static final int TYPE_SIG = 24;
    private static final int CLASS_ANY = 255;

    private final Clock clock;
    private final SecureRandom random;
    private final int fudgeSeconds;

    /** An engine with a five-minute validity bracket. */
    public SigZero(Clock clock, SecureRandom random) {
        this(clock, random, 300);
    }

    /** An engine whose signatures are valid {@code fudgeSeconds} before and after signing. */
    public SigZero(Clock clock, SecureRandom random, int fudgeSeconds) {
        if (fudgeSeconds <= 0 || fudgeSeconds > 86_400) {
            throw new IllegalArgumentException("fudge must be 1..86400 seconds, not " + fudgeSeconds);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = random;
        this.fudgeSeconds = fudgeSeconds;
    }

    /** What a SIG(0) check found. */
    public enum Status {
        /** The signature verifies with the key and the window contains the current time. */
        VALID,
        /** The message ends without a SIG(0). */
        UNSIGNED,
        /** The message or its SIG(0) is malformed. */
        MALFORMED,
        /** The SIG(0) names another signer, algorithm or key tag than the key given. */
        WRONG_KEY,
        /** The signature has expired. */
        EXPIRED,
        /** The signature is not yet valid. */
        NOT_YET_VALID,
        /** The signature does not verify. */
        BAD_SIGNATURE,
        /** The algorithm is not supported here. */
        UNSUPPORTED_ALGORITHM
    }

    /**
     * The outcome of a SIG(0) check.
     *
     * @param status what was found
     * @param detail a readable explanation
     */
    public record Verification(Status status, String detail) {
        /** True only for {@link Status#VALID}. */
        public boolean isValid() {
            return status == Status.VALID;
        }
    }

    /**
     * Signs a request: appends a SIG(0) made with {@code key} and increments ARCOUNT.
     *
     * @throws IllegalArgumentException if the message is shorter than a header
     */
    public byte[] signRequest(byte[] request, SigningKey key) {
        return sign(request, null, key);
    }

    /** Signs a response to {@code request} (the request as received, with its SIG(0) if it had one). */
    public byte[] signResponse(byte[] response, byte[] request, SigningKey key) {
        return sign(response, Objects.requireNonNull(request, "request"), key);
    }

    /** Checks the SIG(0) of a request with the sender's public key (a KEY or DNSKEY record). */
    public Verification verifyRequest(byte[] request, DnssecKey key) {
        return verify(request, null, key);
    }

    /** Checks the SIG(0) of a response to {@code request} with the responder's public key. */
    public Verification verifyResponse(byte[] response, byte[] request, DnssecKey key) {
        return verify(response, Objects.requireNonNull(request, "request"), key);
    }

    private byte[] sign(byte[] message, byte[] request, SigningKey key) {
        if (message.length < WireScan.HEADER) {
            throw new IllegalArgumentException("message shorter than a DNS header");
        }
        long now = clock.instant().getEpochSecond();
        Buf rdata = new Buf(64);
        rdata.u16(0).u8(key.algorithm().code()).u8(0).u32(0)
                .u32(SignatureTimes.toField(Instant.ofEpochSecond(now + fudgeSeconds)))
                .u32(SignatureTimes.toField(Instant.ofEpochSecond(now - fudgeSeconds)))
                .u16(key.keyTag()).bytes(key.owner().toCanonicalWire());
        byte[] prefix = rdata.toByteArray();
        Buf data = new Buf(prefix.length + message.length + (request == null ? 0 : request.length));
        data.bytes(prefix);
        if (request != null) {
            data.bytes(request);
        }
        data.bytes(message);
        byte[] signature = key.sign(data.toByteArray(), random);
        Buf out = new Buf(message.length + 11 + prefix.length + signature.length);
        out.bytes(message).u8(0).u16(TYPE_SIG).u16(CLASS_ANY).u32(0).u16(prefix.length + signature.length)
                .bytes(prefix).bytes(signature);
        byte[] signed = out.toByteArray();
        int arcount = WireScan.u16(signed, 10) + 1;
        if (arcount > 0xffff) {
            throw new IllegalArgumentException("ARCOUNT overflow");
        }
        signed[10] = (byte) (arcount >>> 8);
        signed[11] = (byte) arcount;
        return signed;
    }

    private Verification verify(byte[] message, byte[] request, DnssecKey key) {
        WireScan.LastRecord last;
        try {
            last = WireScan.lastAdditional(message);
        } catch (MalformedException e) {
            return new Verification(Status.MALFORMED, e.getMessage());
        }
        if (last == null || last.type() != TYPE_SIG) {
            return new Verification(Status.UNSIGNED, "no SIG(0) at the end of the additional section");
        }
        int p = last.rdataStart();
        int end = p + last.rdataLength();
        if (last.rdataLength() < 18 || WireScan.u16(message, p) != 0) {
            return new Verification(Status.MALFORMED, "the last record is a SIG but not a SIG(0) (type covered 0)");
        }
        int algorithm = message[p + 2] & 0xff;
        long expiration = WireScan.u32(message, p + 8);
        long inception = WireScan.u32(message, p + 12);
        int keyTag = WireScan.u16(message, p + 16);
        Name signer;
        int signatureStart;
        try {
            byte[] signerWire = WireScan.readName(message, p + 18);
            signer = Name.fromWire(signerWire);
            signatureStart = WireScan.skipName(message, p + 18);
            if (signatureStart > end || signatureStart - (p + 18) != signerWire.length) {
                return new Verification(Status.MALFORMED, "SIG(0) signer name is compressed or overruns the RDATA");
            }
        } catch (MalformedException | WireFormatException e) {
            return new Verification(Status.MALFORMED, "SIG(0) signer name: " + e.getMessage());
        }
        KeyData k = key.rdata();
        if (!signer.equals(key.owner()) || algorithm != k.algorithm() || keyTag != key.keyTag()) {
            return new Verification(Status.WRONG_KEY, "SIG(0) by " + signer + " algorithm " + algorithm + " tag "
                    + keyTag + ", key is " + key);
        }
        Instant now = clock.instant();
        switch (SignatureTimes.check(inception, expiration, now)) {
            case EXPIRED:
                return new Verification(Status.EXPIRED, "expired at "
                        + SignatureTimes.format(SignatureTimes.toInstant(expiration, now)));
            case NOT_YET_VALID:
            case EMPTY_WINDOW:
                return new Verification(Status.NOT_YET_VALID, "not valid before "
                        + SignatureTimes.format(SignatureTimes.toInstant(inception, now)));
            default:
                break;
        }
        if (!DnssecCrypto.isSupported(key.algorithm())) {
            return new Verification(Status.UNSUPPORTED_ALGORITHM, "algorithm " + key.algorithm() + " is not supported");
        }
        byte[] header = Arrays.copyOf(message, WireScan.HEADER);
        int arcount = WireScan.u16(header, 10) - 1;
        header[10] = (byte) (arcount >>> 8);
        header[11] = (byte) arcount;
        Buf data = new Buf(message.length + (request == null ? 0 : request.length));
        data.bytes(message, p, signatureStart - p);
        if (request != null) {
            data.bytes(request);
        }
        data.bytes(header).bytes(message, WireScan.HEADER, last.start() - WireScan.HEADER);
        byte[] signature = Arrays.copyOfRange(message, signatureStart, end);
        if (!key.verifySignature(data.toByteArray(), signature)) {
            return new Verification(Status.BAD_SIGNATURE, "SIG(0) by key " + keyTag + " does not verify");
        }
        return new Verification(Status.VALID, "valid SIG(0) by " + key);
    }
}
