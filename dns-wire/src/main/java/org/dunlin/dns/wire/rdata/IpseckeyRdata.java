package org.dunlin.dns.wire.rdata;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * IPSECKEY: an IPsec keying gateway (RFC 4025 §2.1). The gateway type octet of the wire form is
 * derived from the {@link Gateway} ({@link #gatewayType()}).
 * <pre>
 *   | PRECEDENCE (8) | GATEWAY TYPE (8) | ALGORITHM (8) |
 *   /  GATEWAY (none, 4 octets, 16 octets or an uncompressed name)  /
 *   /  PUBLIC KEY  /
 * </pre>
 */
public record IpseckeyRdata(int precedence, int algorithm, IpseckeyRdata.Gateway gateway, ByteString publicKey)
        implements Rdata {
    public IpseckeyRdata {
        Check.u8(precedence, "IPSECKEY.precedence");
        Check.u8(algorithm, "IPSECKEY.algorithm");
        Check.notNull(gateway, "IPSECKEY.gateway");
        Check.bytes(publicKey, 0, 65535, "IPSECKEY.publicKey");
    }

    /** The gateway: none, an IPv4 or IPv6 address, or a domain name. */
    public sealed interface Gateway permits NoGateway, AddressGateway, NameGateway {
        /** The gateway type octet (RFC 4025 §2.3): 0 none, 1 IPv4, 2 IPv6, 3 name. */
        int type();
    }

    /** No gateway (type 0, printed "."). */
    public record NoGateway() implements Gateway {
        @Override
        public int type() {
            return 0;
        }
    }

    /** An IPv4 (type 1) or IPv6 (type 2) gateway. */
    public record AddressGateway(InetAddress address) implements Gateway {
        public AddressGateway {
            if (!(address instanceof Inet4Address) && !(address instanceof Inet6Address)) {
                throw new IllegalArgumentException("IPSECKEY gateway address must be IPv4 or IPv6");
            }
        }

        @Override
        public int type() {
            return address instanceof Inet4Address ? 1 : 2;
        }
    }

    /** A gateway given by name (type 3), never compressed. */
    public record NameGateway(Name name) implements Gateway {
        public NameGateway {
            Check.absolute(name, "IPSECKEY.gateway");
        }

        @Override
        public int type() {
            return 3;
        }
    }

    /** The gateway type octet. */
    public int gatewayType() {
        return gateway.type();
    }

    @Override
    public RRType type() {
        return RRType.IPSECKEY;
    }
}
