package org.dunlin.dns.wire.tsig;

import java.io.ByteArrayOutputStream;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.dnssec.internal.WireScan;
import org.dunlin.dns.wire.dnssec.internal.WireScan.MalformedException;

/**
 * The fields of a TSIG record as received or sent (RFC 8945 §4.2):
 * <pre>
 *   NAME        key name (owner)            CLASS ANY, TTL 0
 *   Algorithm Name | Time Signed (u48) | Fudge (u16) | MAC Size (u16) | MAC |
 *   Original ID (u16) | Error (u16) | Other Len (u16) | Other Data
 * </pre>
 * Immutable; array accessors return copies.
 *
 * @param offset the offset of the record in its message (where the message without TSIG ends)
 */
public record TsigRecord(Name keyName, Name algorithmName, long timeSigned, int fudge, byte[] mac,
        int originalId, TsigError error, byte[] otherData, int offset) {

    /** TSIG RR type (RFC 8945 §4.2). */
    public static final int TYPE = 250;
    /** CLASS ANY. */
    static final int CLASS_ANY = 255;

    /** Copies the arrays. */
    public TsigRecord {
        mac = mac.clone();
        otherData = otherData.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    @Override
    public byte[] otherData() {
        return otherData.clone();
    }

    /** The server time carried by a BADTIME response (RFC 8945 §5.2.3), or -1. */
    public long otherTime() {
        return otherData.length == 6 ? WireScan.u48(otherData, 0) : -1;
    }

    byte[] macUnsafe() {
        return mac;
    }

    byte[] otherDataUnsafe() {
        return otherData;
    }

    /**
     * The TSIG at the end of {@code message}, if there is one (for diagnostics; verification reads it
     * itself).
     *
     * @throws IllegalArgumentException if the message or its TSIG is malformed
     */
    public static java.util.Optional<TsigRecord> read(byte[] message) {
        try {
            return java.util.Optional.ofNullable(find(message));
        } catch (MalformedException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads the TSIG at the end of {@code message}.
     *
     * @return null if the last record is not a TSIG (the message is unsigned)
     * @throws MalformedException for a broken message, a TSIG that is not last, or broken TSIG RDATA
     */
    static TsigRecord find(byte[] message) throws MalformedException {
        WireScan.LastRecord last = WireScan.lastAdditional(message);
        if (last == null || last.type() != TYPE) {
            if (last != null && last.tsigBefore()) {
                throw new MalformedException("TSIG is not the last record", last.start());
            }
            return null;
        }
        if (last.tsigBefore()) {
            throw new MalformedException("more than one TSIG record", last.start());
        }
        int p = last.rdataStart();
        int end = p + last.rdataLength();
        byte[] algorithm = WireScan.readName(message, p);
        p = WireScan.skipName(message, p);
        if (p + 10 > end) {
            throw new MalformedException("TSIG RDATA truncated", p);
        }
        long time = WireScan.u48(message, p);
        int fudge = WireScan.u16(message, p + 6);
        int macSize = WireScan.u16(message, p + 8);
        p += 10;
        if (p + macSize + 6 > end) {
            throw new MalformedException("TSIG MAC size " + macSize + " overruns the RDATA", p);
        }
        byte[] mac = java.util.Arrays.copyOfRange(message, p, p + macSize);
        p += macSize;
        int originalId = WireScan.u16(message, p);
        int error = WireScan.u16(message, p + 2);
        int otherLen = WireScan.u16(message, p + 4);
        p += 6;
        if (p + otherLen != end) {
            throw new MalformedException("TSIG Other Len " + otherLen + " does not match the RDATA", p);
        }
        byte[] other = java.util.Arrays.copyOfRange(message, p, end);
        if (last.rrClass() != CLASS_ANY || last.ttl() != 0) {
            throw new MalformedException("TSIG must have class ANY and TTL 0", last.start());
        }
        try {
            return new TsigRecord(Name.fromWire(last.ownerWire()), Name.fromWire(algorithm), time, fudge, mac,
                    originalId, new TsigError(error), other, last.start());
        } catch (WireFormatException e) {
            throw new MalformedException("TSIG name: " + e.getMessage(), last.start());
        }
    }

    /** The TSIG RR in wire form, names uncompressed and lowercase. */
    byte[] toWire() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + mac.length + otherData.length);
        out.writeBytes(keyName.toCanonicalWire());
        u16(out, TYPE);
        u16(out, CLASS_ANY);
        u16(out, 0);
        u16(out, 0);
        byte[] alg = algorithmName.toCanonicalWire();
        int rdlength = alg.length + 10 + mac.length + 6 + otherData.length;
        u16(out, rdlength);
        out.writeBytes(alg);
        u48(out, timeSigned);
        u16(out, fudge);
        u16(out, mac.length);
        out.writeBytes(mac);
        u16(out, originalId);
        u16(out, error.code());
        u16(out, otherData.length);
        out.writeBytes(otherData);
        return out.toByteArray();
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    static void u48(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v >>> 32));
        u16(out, (int) (v >>> 16));
        u16(out, (int) v);
    }
}
