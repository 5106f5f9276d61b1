package org.dunlin.dns.wire.internal;

import java.util.function.Function;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;

/**
 * A domain name in RDATA, with the compression rule of its type (RFC 3597 §4).
 *
 * @param <R> the RDATA record type
 */
public final class NameField<R> extends Field<R> {
    /** Whether the name may be compressed. */
    public enum Compression {
        /** Compressed when sent, decompressed when received: the RFC 1035 types (NS, CNAME, SOA, PTR, MX...). */
        COMPRESS,
        /** Sent uncompressed, but pointers accepted when received (RP, AFSDB, SIG, NAPTR, SRV, DNAME, KX). */
        DECOMPRESS,
        /** Never compressed; a pointer is an error (RRSIG, NSEC, HIP, SVCB, TSIG, ...). */
        NONE
    }

    private final Compression compression;
    private final Function<R, Name> get;
    private final String what;

    public NameField(String name, Compression compression, Function<R, Name> get) {
        super(name);
        this.compression = compression;
        this.get = get;
        this.what = name;
    }

    @Override
    public int sizeGuess() {
        return compression == Compression.COMPRESS ? 12 : 24;
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        v.set(slot, in.name(end, compression != Compression.NONE));
    }

    @Override
    public void write(R r, WireWriter out) {
        out.name(get.apply(r), compression == Compression.COMPRESS);
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        v.set(slot, in.name(what));
    }

    @Override
    public void print(R r, StringBuilder sb) {
        get.apply(r).appendTo(sb);
    }
}
