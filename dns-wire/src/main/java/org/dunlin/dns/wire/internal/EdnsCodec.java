package org.dunlin.dns.wire.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.edns.ClientSubnet;
import org.dunlin.dns.wire.edns.Cookie;
import org.dunlin.dns.wire.edns.EdnsOption;
import org.dunlin.dns.wire.edns.EdnsOptionCode;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.dunlin.dns.wire.edns.ExtendedErrorCode;
import org.dunlin.dns.wire.edns.Nsid;
import org.dunlin.dns.wire.edns.Padding;
import org.dunlin.dns.wire.edns.TcpKeepalive;
import org.dunlin.dns.wire.edns.UnknownOption;

/**
 * EDNS(0) options on the wire (RFC 6891 §6.1.2). Known options are checked as their RFCs require a
 * receiver to check them, failing with {@link Kind#BAD_EDNS_OPTION} (a server answers FORMERR).
 */
public final class EdnsCodec {
    private EdnsCodec() {
    }

    /** Reads options until message position {@code end}. */
    public static List<EdnsOption> readOptions(WireReader in, int end) throws WireFormatException {
        List<EdnsOption> l = new ArrayList<>(2);
        while (in.position() < end) {
            int at = in.position();
            int code = in.u16(end, "option code");
            int len = in.u16(end, "option length");
            in.require(len, end, "option data");
            int optEnd = in.position() + len;
            try {
                l.add(read(code, in, optEnd));
            } catch (IllegalArgumentException e) {
                throw in.errorAt(Kind.BAD_EDNS_OPTION, e.getMessage(), at);
            }
            if (in.position() != optEnd) {
                throw in.errorAt(Kind.BAD_EDNS_OPTION, "option " + EdnsOptionCode.of(code) + " not consumed exactly", at);
            }
        }
        return l;
    }

    private static EdnsOption read(int code, WireReader in, int end) throws WireFormatException {
        int len = end - in.position();
        switch (code) {
            case 3:
                return new Nsid(in.bytes(len, end, "NSID"));
            case 8: {
                // RFC 7871 §6: FAMILY, SOURCE PREFIX-LENGTH, SCOPE PREFIX-LENGTH, ADDRESS truncated to
                // whole octets of the source prefix, bits beyond it zero; anything else is FORMERR (§7.1.1).
                if (len < 4) {
                    throw in.error(Kind.BAD_EDNS_OPTION, "CLIENT-SUBNET shorter than 4 octets");
                }
                int family = in.u16(end, "ECS family");
                int source = in.u8(end, "ECS source prefix");
                int scope = in.u8(end, "ECS scope prefix");
                int size = family == 1 ? 4 : family == 2 ? 16 : -1;
                if (size < 0) {
                    throw in.error(Kind.BAD_EDNS_OPTION, "CLIENT-SUBNET family " + family + " is neither 1 nor 2");
                }
                if (source > size * 8 || scope > size * 8) {
                    throw in.error(Kind.BAD_EDNS_OPTION, "CLIENT-SUBNET prefix longer than the address");
                }
                int octets = (source + 7) / 8;
                if (len - 4 != octets) {
                    throw in.error(Kind.BAD_EDNS_OPTION, "CLIENT-SUBNET address has " + (len - 4) + " octets, source prefix needs " + octets);
                }
                byte[] full = new byte[size];
                System.arraycopy(in.byteArray(octets, end, "ECS address"), 0, full, 0, octets);
                InetAddress a = size == 4 ? AddressFields.ipv4(full) : AddressFields.ipv6(full);
                return new ClientSubnet(a, source, scope);
            }
            case 10:
                if (len != 8 && (len < 16 || len > 40)) {
                    throw in.error(Kind.BAD_EDNS_OPTION, "COOKIE length " + len + " is neither 8 nor 16..40 (RFC 7873 §5.2.2)");
                }
                return new Cookie(in.bytes(8, end, "client cookie"), in.bytes(len - 8, end, "server cookie"));
            case 11:
                if (len == 0) {
                    return TcpKeepalive.REQUEST;
                }
                if (len != 2) {
                    throw in.error(Kind.BAD_EDNS_OPTION, "TCP-KEEPALIVE length " + len + " is neither 0 nor 2 (RFC 7828 §3.1)");
                }
                return new TcpKeepalive(OptionalInt.of(in.u16(end, "TCP keepalive timeout")));
            case 12:
                in.skip(len, end, "padding");
                return new Padding(len);
            case 15: {
                if (len < 2) {
                    throw in.error(Kind.BAD_EDNS_OPTION, "EDE shorter than 2 octets (RFC 8914 §2)");
                }
                int info = in.u16(end, "EDE info code");
                byte[] text = in.byteArray(len - 2, end, "EDE extra text");
                return new ExtendedError(ExtendedErrorCode.of(info), new String(text, StandardCharsets.UTF_8));
            }
            default:
                return new UnknownOption(EdnsOptionCode.of(code), in.bytes(len, end, "option data"));
        }
    }

    /** Writes the options. */
    public static void writeOptions(List<EdnsOption> options, WireWriter out) {
        for (EdnsOption o : options) {
            write(o, out);
        }
    }

    /** The encoded size of {@code options}, option headers included. */
    public static int size(List<EdnsOption> options) {
        int n = 0;
        for (int i = 0; i < options.size(); i++) {
            n += 4 + dataSize(options.get(i));
        }
        return n;
    }

    private static int dataSize(EdnsOption o) {
        if (o instanceof Nsid n) {
            return n.id().length();
        } else if (o instanceof ClientSubnet c) {
            return 4 + (c.sourcePrefixLength() + 7) / 8;
        } else if (o instanceof Cookie c) {
            return 8 + c.serverCookie().length();
        } else if (o instanceof TcpKeepalive k) {
            return k.timeout().isPresent() ? 2 : 0;
        } else if (o instanceof Padding p) {
            return p.length();
        } else if (o instanceof ExtendedError e) {
            return 2 + e.extraText().getBytes(StandardCharsets.UTF_8).length;
        } else {
            return ((UnknownOption) o).data().length();
        }
    }

    private static void write(EdnsOption o, WireWriter out) {
        out.u16(o.code().value());
        int lenAt = out.position();
        out.u16(0);
        int start = out.position();
        if (o instanceof Nsid n) {
            out.bytes(n.id());
        } else if (o instanceof ClientSubnet c) {
            out.u16(c.family());
            out.u8(c.sourcePrefixLength());
            out.u8(c.scopePrefixLength());
            byte[] a = c.address().getAddress();
            out.bytes(a, 0, (c.sourcePrefixLength() + 7) / 8);
        } else if (o instanceof Cookie c) {
            out.bytes(c.clientCookie());
            out.bytes(c.serverCookie());
        } else if (o instanceof TcpKeepalive k) {
            if (k.timeout().isPresent()) {
                out.u16(k.timeout().getAsInt());
            }
        } else if (o instanceof Padding p) {
            out.bytes(new byte[p.length()], 0, p.length());
        } else if (o instanceof ExtendedError e) {
            out.u16(e.infoCode().value());
            byte[] t = e.extraText().getBytes(StandardCharsets.UTF_8);
            out.bytes(t, 0, t.length);
        } else if (o instanceof UnknownOption u) {
            out.bytes(u.data());
        }
        int len = out.position() - start;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("EDNS option " + o.code() + " longer than 65535 octets");
        }
        out.patchU16(lenAt, len);
    }
}
