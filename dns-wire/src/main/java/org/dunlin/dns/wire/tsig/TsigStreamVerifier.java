package org.dunlin.dns.wire.tsig;

import java.io.ByteArrayOutputStream;
import org.dunlin.dns.wire.dnssec.internal.WireScan.MalformedException;

/**
 * Verifies the envelopes of a multi-message response to a request we signed, such as a zone transfer
 * (RFC 8945 §5.3.1): the first envelope must be signed; later ones may be unsigned for at most 99 in a
 * row, and are then digested into the next signed envelope; the last must be signed, which
 * {@link #finish()} checks. After any failure the stream stays failed.
 *
 * <p>Not thread-safe: one instance per transfer, fed in arrival order.
 */
public final class TsigStreamVerifier {

    private final Tsig tsig;
    private final TsigKey key;
    private byte[] priorMac;
    private boolean first = true;
    private final ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
    private int unsignedRun;
    private TsigVerification failure;

    TsigStreamVerifier(Tsig tsig, TsigKey key, byte[] requestMac) {
        this.tsig = tsig;
        this.key = key;
        this.priorMac = requestMac;
    }

    /**
     * Checks the next envelope. An unsigned intermediate envelope yields {@code UNSIGNED} (accepted so
     * far, to be covered by the next signed one); a signed one {@code VERIFIED} or a failure.
     */
    public TsigVerification next(byte[] message) {
        if (failure != null) {
            return failure;
        }
        TsigRecord record;
        try {
            record = TsigRecord.find(message);
        } catch (MalformedException e) {
            return fail(TsigVerification.failed(TsigError.FORMERR, e.getMessage(), key, null));
        }
        if (record == null) {
            if (first) {
                return fail(TsigVerification.failed(TsigError.FORMERR, "first envelope carries no TSIG", key, null));
            }
            if (++unsignedRun > TsigStreamSigner.MAX_UNSIGNED_RUN) {
                return fail(TsigVerification.failed(TsigError.FORMERR,
                        "100 envelopes in a row without TSIG (RFC 8945 §5.3.1)", key, null));
            }
            unsigned.writeBytes(message);
            return TsigVerification.unsigned();
        }
        TsigVerification result;
        if (first) {
            result = tsig.verifyResponse(key, priorMac, message);
        } else if (!key.name().equals(record.keyName()) || !key.algorithm().algorithmName().equals(record.algorithmName())) {
            result = TsigVerification.failed(TsigError.BADKEY, "envelope signed with another key", key, record);
        } else {
            result = tsig.check(key, priorMac, message, record, unsigned.toByteArray());
        }
        if (!result.isVerified()) {
            return fail(result);
        }
        first = false;
        priorMac = record.mac();
        unsigned.reset();
        unsignedRun = 0;
        return result;
    }

    /** Checks that the stream ended on a signed envelope; returns the failure if one happened. */
    public TsigVerification finish() {
        if (failure != null) {
            return failure;
        }
        if (first) {
            return TsigVerification.failed(TsigError.FORMERR, "no envelope received", key, null);
        }
        if (unsignedRun > 0) {
            return TsigVerification.failed(TsigError.FORMERR, "the last envelope carries no TSIG", key, null);
        }
        return new TsigVerification(TsigVerification.Status.VERIFIED, TsigError.NOERROR, "stream verified", key, null);
    }

    private TsigVerification fail(TsigVerification result) {
        failure = result;
        return result;
    }
}
