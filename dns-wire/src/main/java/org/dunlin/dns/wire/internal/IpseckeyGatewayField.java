package org.dunlin.dns.wire.internal;

import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.IpseckeyRdata;

/**
 * The gateway type, algorithm and gateway of IPSECKEY (RFC 4025 §2.3-§2.5, text §3): the type octet
 * decides the gateway's format and is derived from the gateway when writing.
 */
final class IpseckeyGatewayField extends Field<IpseckeyRdata> {
    IpseckeyGatewayField() {
        super(List.of("algorithm", "gateway"));
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        int at = in.position();
        int type = in.u8(end, "gateway type");
        v.set(slot, in.u8(end, "algorithm"));
        IpseckeyRdata.Gateway g;
        switch (type) {
            case 0:
                g = new IpseckeyRdata.NoGateway();
                break;
            case 1:
                g = new IpseckeyRdata.AddressGateway(AddressFields.ipv4(in.byteArray(4, end, "gateway")));
                break;
            case 2:
                g = new IpseckeyRdata.AddressGateway(AddressFields.ipv6(in.byteArray(16, end, "gateway")));
                break;
            case 3:
                g = new IpseckeyRdata.NameGateway(in.name(end, false));
                break;
            default:
                throw in.errorAt(Kind.BAD_RDATA, "unknown gateway type " + type, at);
        }
        v.set(slot + 1, g);
    }

    @Override
    public void write(IpseckeyRdata r, WireWriter out) {
        IpseckeyRdata.Gateway g = r.gateway();
        out.u8(g.type());
        out.u8(r.algorithm());
        if (g instanceof IpseckeyRdata.AddressGateway a) {
            byte[] b = a.address().getAddress();
            out.bytes(b, 0, b.length);
        } else if (g instanceof IpseckeyRdata.NameGateway n) {
            out.name(n.name(), false);
        }
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        int type = in.intValue("gateway type", 255);
        v.set(slot, in.intValue("algorithm", 255));
        IpseckeyRdata.Gateway g;
        switch (type) {
            case 0: {
                String s = in.word("gateway");
                if (!s.equals(".")) {
                    throw in.error("gateway type 0 needs the gateway '.'");
                }
                g = new IpseckeyRdata.NoGateway();
                break;
            }
            case 1: {
                String s = in.word("gateway");
                byte[] b = TextUtil.parseIpv4(s);
                if (b == null) {
                    throw in.error("bad IPv4 gateway '" + s + "'");
                }
                g = new IpseckeyRdata.AddressGateway(AddressFields.ipv4(b));
                break;
            }
            case 2: {
                String s = in.word("gateway");
                byte[] b = TextUtil.parseIpv6(s);
                if (b == null) {
                    throw in.error("bad IPv6 gateway '" + s + "'");
                }
                g = new IpseckeyRdata.AddressGateway(AddressFields.ipv6(b));
                break;
            }
            case 3: {
                Name n = in.name("gateway");
                g = new IpseckeyRdata.NameGateway(n);
                break;
            }
            default:
                throw in.error("unknown gateway type " + type);
        }
        v.set(slot + 1, g);
    }

    @Override
    public void print(IpseckeyRdata r, StringBuilder sb) {
        IpseckeyRdata.Gateway g = r.gateway();
        sb.append(g.type()).append(' ').append(r.algorithm()).append(' ');
        if (g instanceof IpseckeyRdata.AddressGateway a) {
            byte[] b = a.address().getAddress();
            if (b.length == 4) {
                sb.append(b[0] & 0xFF).append('.').append(b[1] & 0xFF).append('.').append(b[2] & 0xFF).append('.').append(b[3] & 0xFF);
            } else {
                sb.append(TextUtil.formatIpv6(b));
            }
        } else if (g instanceof IpseckeyRdata.NameGateway n) {
            n.name().appendTo(sb);
        } else {
            sb.append('.');
        }
    }
}
