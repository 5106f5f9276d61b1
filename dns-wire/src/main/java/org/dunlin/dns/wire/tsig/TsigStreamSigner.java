package org.dunlin.dns.wire.tsig;

import java.io.ByteArrayOutputStream;
import javax.crypto.Mac;
import org.dunlin.dns.wire.dnssec.internal.WireScan;

/**
 * Signs the envelopes of a multi-message response, such as a zone transfer over TCP (RFC 8945 §5.3.1).
 * The first envelope is signed like a single response (covering the request MAC and the full TSIG
 * variables); each later signed envelope covers the prior MAC, any envelopes sent unsigned since, and
 * its own timers only. RFC 8945 requires the first and last envelopes and at least every 100th to be
 * signed; {@link #sign} signs, {@link #pass} sends one unsigned and refuses the 100th in a row.
 *
 * <p>Not thread-safe: one instance per response stream, used by the one task that writes it.
 */
public final class TsigStreamSigner {

    /** RFC 8945 §5.3.1: at least every 100th envelope carries a TSIG. */
    public static final int MAX_UNSIGNED_RUN = 99;

    private final Tsig tsig;
    private final TsigKey key;
    private byte[] priorMac;
    private boolean first = true;
    private final ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
    private int unsignedRun;

    TsigStreamSigner(Tsig tsig, TsigKey key, byte[] requestMac) {
        this.tsig = tsig;
        this.key = key;
        this.priorMac = requestMac.clone();
    }

    /** Signs the next envelope and returns it with its TSIG appended. */
    public byte[] sign(byte[] message) {
        Tsig.requireUnsigned(message);
        long time = tsig.now();
        byte[] signed;
        if (first) {
            byte[][] result = tsig.signAnswer(key, priorMac, message, TsigError.NOERROR, time);
            signed = result[0];
            priorMac = result[1];
            first = false;
        } else {
            Mac engine = key.newMac();
            engine.update((byte) (priorMac.length >>> 8));
            engine.update((byte) priorMac.length);
            engine.update(priorMac);
            engine.update(unsigned.toByteArray());
            byte[] mac = Tsig.finish(engine, message, message.length, WireScan.u16(message, 0),
                    Tsig.timers(time, tsig.fudge()));
            if (mac.length > key.macLength()) {
                mac = java.util.Arrays.copyOf(mac, key.macLength());
            }
            TsigRecord record = new TsigRecord(key.name(), key.algorithm().algorithmName(), time, tsig.fudge(), mac,
                    WireScan.u16(message, 0), TsigError.NOERROR, new byte[0], message.length);
            signed = Tsig.append(message, record);
            priorMac = mac;
        }
        unsigned.reset();
        unsignedRun = 0;
        return signed;
    }

    /**
     * Lets an intermediate envelope go unsigned; it is digested into the next signed one.
     *
     * @throws IllegalStateException for the first envelope or the 100th unsigned one in a row
     */
    public byte[] pass(byte[] message) {
        if (first) {
            throw new IllegalStateException("the first envelope must be signed (RFC 8945 §5.3.1)");
        }
        if (unsignedRun >= MAX_UNSIGNED_RUN) {
            throw new IllegalStateException("at least every 100th envelope must be signed (RFC 8945 §5.3.1)");
        }
        Tsig.requireUnsigned(message);
        unsigned.writeBytes(message);
        unsignedRun++;
        return message.clone();
    }
}
