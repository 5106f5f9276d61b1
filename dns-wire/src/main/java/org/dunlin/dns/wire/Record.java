package org.dunlin.dns.wire;

import java.util.Comparator;
import java.util.Objects;
import org.dunlin.dns.wire.internal.Check;
import org.dunlin.dns.wire.internal.RdataCodecs;
import org.dunlin.dns.wire.internal.RecordText;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.UnknownRdata;

/**
 * A resource record (RFC 1035 §3.2.1): owner, class, TTL and data; the type is that of the data.
 * Immutable and thread-safe; a TTL that decays is a new record ({@link #withTtl(long)}).
 *
 * <p>The TTL is the unsigned 32-bit value as sent; RFC 2181 §8 asks receivers to treat values with
 * the top bit set as 0, which is left to the cache that interprets it.
 *
 * @param owner   the absolute owner name
 * @param rrClass the class
 * @param ttl     the TTL in seconds, 0..2^32-1
 * @param rdata   the data, whose {@link Rdata#type()} is the record's type
 */
public record Record(Name owner, RRClass rrClass, long ttl, Rdata rdata) {
    public Record {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(rrClass, "rrClass");
        Objects.requireNonNull(rdata, "rdata");
        if (!owner.isAbsolute()) {
            throw new IllegalArgumentException("owner must be an absolute name: " + owner);
        }
        Check.u32(ttl, "TTL");
        int c = rrClass.value();
        if (c != 1 && c != 254 && c != 255 && !(rdata instanceof UnknownRdata) && RdataCodecs.schemaOf(rdata).classInOnly()) {
            throw new IllegalArgumentException(rdata.type() + " data is defined for class IN only; use UnknownRdata for class " + rrClass);
        }
    }

    /** A class IN record. */
    public static Record of(Name owner, long ttl, Rdata rdata) {
        return new Record(owner, RRClass.IN, ttl, rdata);
    }

    /** A class IN record, the owner in presentation form (see {@link Name#of(String)}). */
    public static Record of(String owner, long ttl, Rdata rdata) {
        return new Record(Name.of(owner), RRClass.IN, ttl, rdata);
    }

    /**
     * Parses one record in zone-file syntax with all fields present: {@code owner [ttl] [class] type
     * rdata} (TTL required; class defaults to IN); relative names are completed with {@code origin}
     * (may be null).
     */
    public static Record fromText(String text, Name origin) throws TextParseException {
        return RecordText.parse(text, origin);
    }

    /** Parses one record whose names are all absolute; see {@link #fromText(String, Name)}. */
    public static Record fromText(String text) throws TextParseException {
        return RecordText.parse(text, null);
    }

    /** The type, that of the data. */
    public RRType type() {
        return rdata.type();
    }

    /** A copy with another TTL. */
    public Record withTtl(long newTtl) {
        return newTtl == ttl ? this : new Record(owner, rrClass, newTtl, rdata);
    }

    /** A copy with another owner. */
    public Record withOwner(Name newOwner) {
        return new Record(newOwner, rrClass, ttl, rdata);
    }

    /** The uncompressed wire form: owner, type, class, TTL, RDLENGTH, RDATA. */
    public byte[] toWire() {
        return MessageCodec.recordToWire(this, ttl, false);
    }

    /**
     * The canonical form of RFC 4034 §6.2 with TTL {@code ttl} (the RRSIG's original TTL): owner
     * lower-cased, RDATA in canonical form, uncompressed. RRSIG signing and verification hash the
     * concatenation of these for the RRset, sorted.
     */
    public byte[] toCanonicalWire(long ttl) {
        return MessageCodec.recordToWire(this, ttl, true);
    }

    /**
     * Orders records by owner (canonical order), class, type, RDATA ({@link Rdata#CANONICAL_ORDER})
     * and TTL: the order {@code zone print} uses; consistent with equals.
     */
    public static final Comparator<Record> CANONICAL_ORDER = (a, b) -> {
        int c = a.owner.compareTo(b.owner);
        if (c != 0) {
            return c;
        }
        c = a.rrClass.compareTo(b.rrClass);
        if (c != 0) {
            return c;
        }
        c = a.type().compareTo(b.type());
        if (c != 0) {
            return c;
        }
        c = Rdata.CANONICAL_ORDER.compare(a.rdata, b.rdata);
        return c != 0 ? c : Long.compare(a.ttl, b.ttl);
    };

    /** The presentation form as dig prints it: owner, TTL, class, type and RDATA separated by tabs. */
    @Override
    public String toString() {
        return RecordText.format(this);
    }
}
