package org.dunlin.dns.wire.internal;

import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.AplRdata;

/** The APL item list (RFC 3123 §4 wire, §5 text: {@code [!]afi:address/prefix}). */
final class AplField extends Field<AplRdata> {
    AplField() {
        super("items");
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        List<AplRdata.Item> items = new ArrayList<>();
        while (in.position() < end) {
            int at = in.position();
            int family = in.u16(end, "address family");
            int prefix = in.u8(end, "prefix");
            int nl = in.u8(end, "AFD length");
            boolean negation = (nl & 0x80) != 0;
            int len = nl & 0x7F;
            if (family != 1 && family != 2) {
                throw in.errorAt(Kind.BAD_RDATA, "unsupported address family " + family, at);
            }
            if (len > (family == 1 ? 4 : 16)) {
                throw in.errorAt(Kind.BAD_RDATA, "AFD length " + len + " too long for family " + family, at + 3);
            }
            ByteString afd = in.bytes(len, end, "AFD part");
            try {
                items.add(new AplRdata.Item(negation, family, prefix, afd));
            } catch (IllegalArgumentException e) {
                throw in.errorAt(Kind.BAD_RDATA, e.getMessage(), at);
            }
        }
        v.set(slot, items);
    }

    @Override
    public void write(AplRdata r, WireWriter out) {
        for (AplRdata.Item i : r.items()) {
            out.u16(i.family());
            out.u8(i.prefixLength());
            out.u8((i.negation() ? 0x80 : 0) | i.address().length());
            out.bytes(i.address());
        }
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        List<AplRdata.Item> items = new ArrayList<>();
        while (in.hasNext()) {
            String t = in.word("APL item");
            boolean neg = t.startsWith("!");
            String s = neg ? t.substring(1) : t;
            int colon = s.indexOf(':');
            int slash = s.lastIndexOf('/');
            if (colon < 0 || slash < colon) {
                throw in.error("bad APL item '" + t + "' (expected [!]family:address/prefix)");
            }
            int family = CodeTable.parseDecimal(s.substring(0, colon), 0, 0xFFFF);
            String addr = s.substring(colon + 1, slash);
            int prefix = CodeTable.parseDecimal(s.substring(slash + 1), 0, 255);
            byte[] b = family == 1 ? TextUtil.parseIpv4(addr) : family == 2 ? TextUtil.parseIpv6(addr) : null;
            if (b == null || prefix < 0) {
                throw in.error("bad APL item '" + t + "'");
            }
            int n = b.length;
            while (n > 0 && b[n - 1] == 0) {
                n--;
            }
            try {
                items.add(new AplRdata.Item(neg, family, prefix, ByteString.copyOf(b, 0, n)));
            } catch (IllegalArgumentException e) {
                throw in.error("bad APL item '" + t + "': " + e.getMessage());
            }
        }
        v.set(slot, items);
    }

    @Override
    public void print(AplRdata r, StringBuilder sb) {
        boolean first = true;
        for (AplRdata.Item i : r.items()) {
            if (!first) {
                sb.append(' ');
            }
            first = false;
            if (i.negation()) {
                sb.append('!');
            }
            sb.append(i.family()).append(':');
            byte[] full = new byte[i.family() == 1 ? 4 : 16];
            i.address().copyTo(full, 0);
            if (i.family() == 1) {
                sb.append(full[0] & 0xFF).append('.').append(full[1] & 0xFF).append('.').append(full[2] & 0xFF).append('.').append(full[3] & 0xFF);
            } else {
                sb.append(TextUtil.formatIpv6(full));
            }
            sb.append('/').append(i.prefixLength());
        }
    }
}
