package org.dunlin.dns.wire.internal;

import java.util.List;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.OptRdata;

/**
 * The options of OPT RDATA. OPT has no presentation format (RFC 6891 §6.1.1: it is not zone data); it
 * prints and parses only in the RFC 3597 generic form, which {@link RdataCodecs} handles.
 */
final class OptionsField extends Field<OptRdata> {
    OptionsField() {
        super("options");
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        v.set(slot, EdnsCodec.readOptions(in, end));
    }

    @Override
    public void write(OptRdata r, WireWriter out) {
        EdnsCodec.writeOptions(r.options(), out);
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        if (in.hasNext()) {
            throw in.errorAt(in.index(), "OPT has no presentation format; use the \\# generic form");
        }
        v.set(slot, List.of());
    }

    @Override
    public void print(OptRdata r, StringBuilder sb) {
        throw new UnsupportedOperationException("OPT prints in generic form");
    }
}
