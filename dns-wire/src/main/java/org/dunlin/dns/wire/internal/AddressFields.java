package org.dunlin.dns.wire.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;

/** IPv4 and IPv6 address fields (A, AAAA, L32). */
public final class AddressFields {
    private AddressFields() {
    }

    /** An {@link Inet4Address} from exactly 4 octets. */
    public static Inet4Address ipv4(byte[] b) {
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** An {@link Inet6Address} from exactly 16 octets (IPv4-mapped addresses stay IPv6). */
    public static Inet6Address ipv6(byte[] b) {
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Four octets, printed as a dotted quad. */
    public static <R> Field<R> ipv4(String name, Function<R, Inet4Address> get) {
        return new Field<R>(name) {
            @Override
            public int sizeGuess() {
                return 4;
            }

            @Override
            public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
                v.set(slot, ipv4(in.byteArray(4, end, name)));
            }

            @Override
            public void write(R r, WireWriter out) {
                byte[] b = get.apply(r).getAddress();
                out.bytes(b, 0, 4);
            }

            @Override
            public void parse(Tokens in, Values v, int slot) throws TextParseException {
                String s = in.word(name);
                byte[] b = TextUtil.parseIpv4(s);
                if (b == null) {
                    throw in.error("bad IPv4 address '" + s + "'");
                }
                v.set(slot, ipv4(b));
            }

            @Override
            public void print(R r, StringBuilder sb) {
                byte[] b = get.apply(r).getAddress();
                sb.append(b[0] & 0xFF).append('.').append(b[1] & 0xFF).append('.').append(b[2] & 0xFF).append('.').append(b[3] & 0xFF);
            }
        };
    }

    /** Sixteen octets, printed as BIND prints IPv6 addresses. */
    public static <R> Field<R> ipv6(String name, Function<R, Inet6Address> get) {
        return new Field<R>(name) {
            @Override
            public int sizeGuess() {
                return 16;
            }

            @Override
            public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
                v.set(slot, ipv6(in.byteArray(16, end, name)));
            }

            @Override
            public void write(R r, WireWriter out) {
                out.bytes(get.apply(r).getAddress(), 0, 16);
            }

            @Override
            public void parse(Tokens in, Values v, int slot) throws TextParseException {
                String s = in.word(name);
                byte[] b = TextUtil.parseIpv6(s);
                if (b == null) {
                    throw in.error("bad IPv6 address '" + s + "'");
                }
                v.set(slot, ipv6(b));
            }

            @Override
            public void print(R r, StringBuilder sb) {
                sb.append(TextUtil.formatIpv6(get.apply(r).getAddress()));
            }
        };
    }
}
