package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.RRType;

/**
 * EUI64: a 64-bit EUI (RFC 7043 §4), printed {@code 00-00-5e-ef-10-00-00-2a}.
 * <pre>
 *   |  EUI-64 ADDRESS (64)  |
 * </pre>
 */
public record Eui64Rdata(long address) implements Rdata {
    @Override
    public RRType type() {
        return RRType.EUI64;
    }
}
