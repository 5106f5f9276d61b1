package org.dunlin.dns.wire.internal;

import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.HipRdata;

/**
 * The whole HIP RDATA (RFC 8005 §5 wire, §6 text {@code pk-algorithm HIT-hex public-key-base64
 * servers...}): the two lengths at the front are derived from the HIT and key.
 */
final class HipField extends Field<HipRdata> {
    HipField() {
        super(List.of("publicKeyAlgorithm", "hit", "publicKey", "rendezvousServers"));
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        int hitLength = in.u8(end, "HIT length");
        v.set(slot, in.u8(end, "public key algorithm"));
        int pkLength = in.u16(end, "public key length");
        if (hitLength == 0) {
            throw in.error(Kind.BAD_RDATA, "empty HIT");
        }
        if (pkLength == 0) {
            throw in.error(Kind.BAD_RDATA, "empty public key");
        }
        v.set(slot + 1, in.bytes(hitLength, end, "HIT"));
        v.set(slot + 2, in.bytes(pkLength, end, "public key"));
        List<Name> servers = new ArrayList<>();
        while (in.position() < end) {
            servers.add(in.name(end, false));
        }
        v.set(slot + 3, servers);
    }

    @Override
    public void write(HipRdata r, WireWriter out) {
        out.u8(r.hit().length());
        out.u8(r.publicKeyAlgorithm());
        out.u16(r.publicKey().length());
        out.bytes(r.hit());
        out.bytes(r.publicKey());
        for (Name n : r.rendezvousServers()) {
            out.name(n, false);
        }
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        v.set(slot, in.intValue("public key algorithm", 255));
        String hit = in.word("HIT");
        byte[] h = TextUtil.decodeHex(hit);
        if (h == null || h.length == 0 || h.length > 255) {
            throw in.error("bad HIT '" + hit + "'");
        }
        String pk = in.word("public key");
        byte[] k = TextUtil.decodeBase64(pk);
        if (k == null || k.length == 0 || k.length > 65535) {
            throw in.error("bad public key");
        }
        List<Name> servers = new ArrayList<>();
        while (in.hasNext()) {
            servers.add(in.name("rendezvous server"));
        }
        v.set(slot + 1, ByteString.of(h));
        v.set(slot + 2, ByteString.of(k));
        v.set(slot + 3, servers);
    }

    @Override
    public void print(HipRdata r, StringBuilder sb) {
        sb.append(r.publicKeyAlgorithm()).append(' ').append(r.hit().toHex()).append(' ').append(r.publicKey().toBase64());
        for (Name n : r.rendezvousServers()) {
            sb.append(' ');
            n.appendTo(sb);
        }
    }
}
