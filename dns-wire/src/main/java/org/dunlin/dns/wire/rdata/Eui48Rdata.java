package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.RRType;

/**
 * EUI48: a 48-bit MAC address (RFC 7043 §3), printed {@code 00-00-5e-00-53-2a}.
 * <pre>
 *   |  EUI-48 ADDRESS (48)  |
 * </pre>
 */
public record Eui48Rdata(long address) implements Rdata {
    public Eui48Rdata {
        if (address < 0 || address > 0xFFFFFFFFFFFFL) {
            throw new IllegalArgumentException("EUI48.address out of 48 bits: " + Long.toHexString(address));
        }
    }

    @Override
    public RRType type() {
        return RRType.EUI48;
    }
}
