package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.internal.CodeTable;

/**
 * An SVCB/HTTPS parameter key (RFC 9460 §14.3.2): any 16-bit value, with names for the registered
 * ones; others print and parse as {@code key65000}. Immutable, compared by value.
 */
public final class SvcParamKey implements Comparable<SvcParamKey> {
    private static final CodeTable<SvcParamKey> TABLE = new CodeTable<>(16, v -> new SvcParamKey(v, null));

    private final int value;
    private final String mnemonic;

    private SvcParamKey(int value, String mnemonic) {
        this.value = value;
        this.mnemonic = mnemonic;
    }

    private static SvcParamKey named(int value, String mnemonic) {
        return TABLE.add(value, new SvcParamKey(value, mnemonic), mnemonic);
    }

    /** Keys the client must understand (RFC 9460 §8). */
    public static final SvcParamKey MANDATORY = named(0, "mandatory");
    /** Application protocols (RFC 9460 §7.1). */
    public static final SvcParamKey ALPN = named(1, "alpn");
    /** The default protocol is not supported (RFC 9460 §7.1). */
    public static final SvcParamKey NO_DEFAULT_ALPN = named(2, "no-default-alpn");
    /** The port (RFC 9460 §7.2). */
    public static final SvcParamKey PORT = named(3, "port");
    /** IPv4 address hints (RFC 9460 §7.3). */
    public static final SvcParamKey IPV4HINT = named(4, "ipv4hint");
    /** Encrypted ClientHello configuration (RFC 9460 §14.3.2, RFC 9849). */
    public static final SvcParamKey ECH = named(5, "ech");
    /** IPv6 address hints (RFC 9460 §7.3). */
    public static final SvcParamKey IPV6HINT = named(6, "ipv6hint");
    /** The DNS-over-HTTPS URI template (RFC 9461 §5). */
    public static final SvcParamKey DOHPATH = named(7, "dohpath");
    /** Oblivious HTTP gateway support (RFC 9540 §4). */
    public static final SvcParamKey OHTTP = named(8, "ohttp");
    /** Reserved as the invalid key (RFC 9460 §14.3.2); never valid in a record. */
    public static final int INVALID = 65535;

    /** The key with this value. */
    public static SvcParamKey of(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("SvcParamKey out of range: " + value);
        }
        return TABLE.of(value);
    }

    /** The key written as a name ({@code alpn}) or {@code keyNNNNN}; null if neither. */
    public static SvcParamKey tryParse(String text) {
        SvcParamKey k = TABLE.byName(text);
        if (k != null) {
            return k;
        }
        if (text.length() > 3 && text.startsWith("key")) {
            if (text.length() > 4 && text.charAt(3) == '0') {
                return null; // RFC 9460 §2.1: no leading zeros
            }
            int v = CodeTable.parseDecimal(text, 3, 0xFFFF);
            return v < 0 ? null : of(v);
        }
        return null;
    }

    /** The 16-bit value. */
    public int value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SvcParamKey k && k.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(SvcParamKey o) {
        return Integer.compare(value, o.value);
    }

    /** The name, or {@code key} followed by the decimal value. */
    @Override
    public String toString() {
        return mnemonic != null ? mnemonic : "key" + value;
    }
}
