package org.dunlin.dns.wire.edns;

import org.dunlin.dns.wire.internal.CodeTable;

/**
 * An EDNS(0) option code (RFC 6891 §6.1.2): any 16-bit value, with names for the registered ones.
 * Immutable, compared by value.
 */
public final class EdnsOptionCode implements Comparable<EdnsOptionCode> {
    private static final CodeTable<EdnsOptionCode> TABLE = new CodeTable<>(32, v -> new EdnsOptionCode(v, null));

    private final int value;
    private final String mnemonic;

    private EdnsOptionCode(int value, String mnemonic) {
        this.value = value;
        this.mnemonic = mnemonic;
    }

    private static EdnsOptionCode named(int value, String mnemonic) {
        return TABLE.add(value, new EdnsOptionCode(value, mnemonic), mnemonic);
    }

    public static final EdnsOptionCode LLQ = named(1, "LLQ");
    public static final EdnsOptionCode UPDATE_LEASE = named(2, "UPDATE-LEASE");
    /** Name server identifier (RFC 5001). */
    public static final EdnsOptionCode NSID = named(3, "NSID");
    public static final EdnsOptionCode DAU = named(5, "DAU");
    public static final EdnsOptionCode DHU = named(6, "DHU");
    public static final EdnsOptionCode N3U = named(7, "N3U");
    /** Client subnet (RFC 7871). */
    public static final EdnsOptionCode CLIENT_SUBNET = named(8, "CLIENT-SUBNET");
    /** Zone expiry (RFC 7314). */
    public static final EdnsOptionCode EXPIRE = named(9, "EXPIRE");
    /** DNS cookies (RFC 7873). */
    public static final EdnsOptionCode COOKIE = named(10, "COOKIE");
    /** TCP keepalive (RFC 7828). */
    public static final EdnsOptionCode TCP_KEEPALIVE = named(11, "TCP-KEEPALIVE");
    /** Padding (RFC 7830). */
    public static final EdnsOptionCode PADDING = named(12, "PADDING");
    public static final EdnsOptionCode CHAIN = named(13, "CHAIN");
    public static final EdnsOptionCode KEY_TAG = named(14, "KEY-TAG");
    /** Extended DNS errors (RFC 8914). */
    public static final EdnsOptionCode EDE = named(15, "EDE");
    public static final EdnsOptionCode CLIENT_TAG = named(16, "CLIENT-TAG");
    public static final EdnsOptionCode SERVER_TAG = named(17, "SERVER-TAG");
    public static final EdnsOptionCode REPORT_CHANNEL = named(18, "REPORT-CHANNEL");
    public static final EdnsOptionCode ZONEVERSION = named(19, "ZONEVERSION");

    /** The code with this value. */
    public static EdnsOptionCode of(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("option code out of range: " + value);
        }
        return TABLE.of(value);
    }

    /** The 16-bit value. */
    public int value() {
        return value;
    }

    /** Whether this code has a registered name. */
    public boolean isKnown() {
        return mnemonic != null;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof EdnsOptionCode c && c.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public int compareTo(EdnsOptionCode o) {
        return Integer.compare(value, o.value);
    }

    /** The name, or {@code OPT} followed by the value as dig prints unknown options ({@code OPT=65001}). */
    @Override
    public String toString() {
        return mnemonic != null ? mnemonic : "OPT=" + value;
    }
}
