package org.dunlin.dns.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dunlin.dns.wire.internal.Check;
import org.dunlin.dns.wire.rdata.Rdata;

/**
 * A resource record set: the records sharing owner, type and class (RFC 2181 §5), with one TTL.
 * Immutable. The data keep the order given; {@link #canonicalRdata()} gives the DNSSEC order.
 *
 * @param owner   the absolute owner name
 * @param type    the type of every element of {@code rdata}
 * @param rrClass the class
 * @param ttl     the TTL of the set
 * @param rdata   the data, at least one
 */
public record RRset(Name owner, RRType type, RRClass rrClass, long ttl, List<Rdata> rdata) {
    public RRset {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rrClass, "rrClass");
        Check.u32(ttl, "TTL");
        rdata = Check.list(rdata, "rdata");
        if (rdata.isEmpty()) {
            throw new IllegalArgumentException("an RRset has at least one record");
        }
        for (Rdata r : rdata) {
            if (!r.type().equals(type)) {
                throw new IllegalArgumentException("RRset of type " + type + " cannot hold " + r.type() + " data");
            }
        }
        new Record(owner, rrClass, ttl, rdata.get(0)); // validates owner and class
    }

    /**
     * The RRset of {@code records}, which must share owner, type and class; its TTL is the smallest of
     * theirs (RFC 2181 §5.2 makes differing TTLs an error a receiver resolves this way).
     */
    public static RRset of(List<Record> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no records");
        }
        Record first = records.get(0);
        long ttl = first.ttl();
        List<Rdata> data = new ArrayList<>(records.size());
        for (Record r : records) {
            if (!r.owner().equals(first.owner()) || !r.type().equals(first.type()) || !r.rrClass().equals(first.rrClass())) {
                throw new IllegalArgumentException("records of different RRsets: " + first + " and " + r);
            }
            ttl = Math.min(ttl, r.ttl());
            data.add(r.rdata());
        }
        return new RRset(first.owner(), first.type(), first.rrClass(), ttl, data);
    }

    /** Groups {@code records} into RRsets, in the order each set first appears. */
    public static List<RRset> group(List<Record> records) {
        Map<List<Object>, List<Record>> sets = new LinkedHashMap<>();
        for (Record r : records) {
            sets.computeIfAbsent(List.of(r.owner(), r.type(), r.rrClass()), k -> new ArrayList<>()).add(r);
        }
        List<RRset> out = new ArrayList<>(sets.size());
        for (List<Record> l : sets.values()) {
            out.add(of(l));
        }
        return out;
    }

    /** The records of this set, each with the set's TTL. */
    public List<Record> records() {
        List<Record> out = new ArrayList<>(rdata.size());
        for (Rdata r : rdata) {
            out.add(new Record(owner, rrClass, ttl, r));
        }
        return out;
    }

    /** The number of records. */
    public int size() {
        return rdata.size();
    }

    /** A copy with another TTL. */
    public RRset withTtl(long newTtl) {
        return new RRset(owner, type, rrClass, newTtl, rdata);
    }

    /**
     * The canonical RDATA forms (RFC 4034 §6.2) sorted as RFC 4034 §6.3 orders an RRset's records, with
     * duplicates removed: what RRSIG signing and verification consume.
     */
    public List<byte[]> canonicalRdata() {
        List<byte[]> forms = new ArrayList<>(rdata.size());
        for (Rdata r : rdata) {
            forms.add(r.toCanonicalWire());
        }
        forms.sort(Arrays::compareUnsigned);
        List<byte[]> out = new ArrayList<>(forms.size());
        for (byte[] f : forms) {
            if (out.isEmpty() || !Arrays.equals(out.get(out.size() - 1), f)) {
                out.add(f);
            }
        }
        return out;
    }
}
