package org.dunlin.dns.wire;

import org.dunlin.dns.wire.internal.CodeTable;

/**
 * A resource record type: any 16-bit value, with named constants for the registered ones. Unknown
 * types are ordinary instances that print and parse in the RFC 3597 §5 form {@code TYPE65280}; they
 * are never null and never an error.
 *
 * <p>Instances are immutable, compare by value ({@code equals}, never {@code ==}) and are thread-safe.
 */
public final class RRType implements Comparable<RRType> {
    private static final CodeTable<RRType> TABLE = new CodeTable<>(300, v -> new RRType(v, null));

    private final int value;
    private final String mnemonic;

    private RRType(int value, String mnemonic) {
        this.value = value;
        this.mnemonic = mnemonic;
    }

    private static RRType named(int value, String mnemonic) {
        return TABLE.add(value, new RRType(value, mnemonic), mnemonic);
    }

    public static final RRType A = named(1, "A");
    public static final RRType NS = named(2, "NS");
    public static final RRType MD = named(3, "MD");
    public static final RRType MF = named(4, "MF");
    public static final RRType CNAME = named(5, "CNAME");
    public static final RRType SOA = named(6, "SOA");
    public static final RRType MB = named(7, "MB");
    public static final RRType MG = named(8, "MG");
    public static final RRType MR = named(9, "MR");
    public static final RRType NULL = named(10, "NULL");
    public static final RRType WKS = named(11, "WKS");
    public static final RRType PTR = named(12, "PTR");
    public static final RRType HINFO = named(13, "HINFO");
    public static final RRType MINFO = named(14, "MINFO");
    public static final RRType MX = named(15, "MX");
    public static final RRType TXT = named(16, "TXT");
    public static final RRType RP = named(17, "RP");
    public static final RRType AFSDB = named(18, "AFSDB");
    public static final RRType X25 = named(19, "X25");
    public static final RRType ISDN = named(20, "ISDN");
    public static final RRType RT = named(21, "RT");
    public static final RRType NSAP = named(22, "NSAP");
    public static final RRType NSAP_PTR = named(23, "NSAP-PTR");
    public static final RRType SIG = named(24, "SIG");
    public static final RRType KEY = named(25, "KEY");
    public static final RRType PX = named(26, "PX");
    public static final RRType GPOS = named(27, "GPOS");
    public static final RRType AAAA = named(28, "AAAA");
    public static final RRType LOC = named(29, "LOC");
    public static final RRType NXT = named(30, "NXT");
    public static final RRType EID = named(31, "EID");
    public static final RRType NIMLOC = named(32, "NIMLOC");
    public static final RRType SRV = named(33, "SRV");
    public static final RRType ATMA = named(34, "ATMA");
    public static final RRType NAPTR = named(35, "NAPTR");
    public static final RRType KX = named(36, "KX");
    public static final RRType CERT = named(37, "CERT");
    public static final RRType A6 = named(38, "A6");
    public static final RRType DNAME = named(39, "DNAME");
    public static final RRType SINK = named(40, "SINK");
    public static final RRType OPT = named(41, "OPT");
    public static final RRType APL = named(42, "APL");
    public static final RRType DS = named(43, "DS");
    public static final RRType SSHFP = named(44, "SSHFP");
    public static final RRType IPSECKEY = named(45, "IPSECKEY");
    public static final RRType RRSIG = named(46, "RRSIG");
    public static final RRType NSEC = named(47, "NSEC");
    public static final RRType DNSKEY = named(48, "DNSKEY");
    public static final RRType DHCID = named(49, "DHCID");
    public static final RRType NSEC3 = named(50, "NSEC3");
    public static final RRType NSEC3PARAM = named(51, "NSEC3PARAM");
    public static final RRType TLSA = named(52, "TLSA");
    public static final RRType SMIMEA = named(53, "SMIMEA");
    public static final RRType HIP = named(55, "HIP");
    public static final RRType NINFO = named(56, "NINFO");
    public static final RRType RKEY = named(57, "RKEY");
    public static final RRType TALINK = named(58, "TALINK");
    public static final RRType CDS = named(59, "CDS");
    public static final RRType CDNSKEY = named(60, "CDNSKEY");
    public static final RRType OPENPGPKEY = named(61, "OPENPGPKEY");
    public static final RRType CSYNC = named(62, "CSYNC");
    public static final RRType ZONEMD = named(63, "ZONEMD");
    public static final RRType SVCB = named(64, "SVCB");
    public static final RRType HTTPS = named(65, "HTTPS");
    public static final RRType DSYNC = named(66, "DSYNC");
    public static final RRType SPF = named(99, "SPF");
    public static final RRType UINFO = named(100, "UINFO");
    public static final RRType UID = named(101, "UID");
    public static final RRType GID = named(102, "GID");
    public static final RRType UNSPEC = named(103, "UNSPEC");
    public static final RRType NID = named(104, "NID");
    public static final RRType L32 = named(105, "L32");
    public static final RRType L64 = named(106, "L64");
    public static final RRType LP = named(107, "LP");
    public static final RRType EUI48 = named(108, "EUI48");
    public static final RRType EUI64 = named(109, "EUI64");
    public static final RRType TKEY = named(249, "TKEY");
    public static final RRType TSIG = named(250, "TSIG");
    public static final RRType IXFR = named(251, "IXFR");
    public static final RRType AXFR = named(252, "AXFR");
    public static final RRType MAILB = named(253, "MAILB");
    public static final RRType MAILA = named(254, "MAILA");
    public static final RRType ANY = named(255, "ANY");
    public static final RRType URI = named(256, "URI");
    public static final RRType CAA = named(257, "CAA");
    public static final RRType AVC = named(258, "AVC");
    public static final RRType DOA = named(259, "DOA");
    public static final RRType AMTRELAY = named(260, "AMTRELAY");
    public static final RRType RESINFO = named(261, "RESINFO");
    public static final RRType WALLET = named(262, "WALLET");
    public static final RRType TA = named(32768, "TA");
    public static final RRType DLV = named(32769, "DLV");

    /** The type with this 16-bit value: the named constant if there is one. */
    public static RRType of(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("RR type out of range 0..65535: " + value);
        }
        return TABLE.of(value);
    }

    /**
     * The type written as a mnemonic ({@code "AAAA"}, any case) or in the RFC 3597 form
     * ({@code "TYPE28"}).
     *
     * @throws IllegalArgumentException if it is neither
     */
    public static RRType valueOf(String text) {
        RRType t = tryParse(text);
        if (t == null) {
            throw new IllegalArgumentException("unknown RR type: " + text);
        }
        return t;
    }

    /** Like {@link #valueOf(String)} but returns null for text that is not a type. */
    public static RRType tryParse(String text) {
        return TABLE.parse(text, "TYPE");
    }

    /** The 16-bit value. */
    public int value() {
        return value;
    }

    /** Whether this type has a registered mnemonic. */
    public boolean isKnown() {
        return mnemonic != null;
    }

    /**
     * Whether this is a meta-type or question-only type (RFC 6895 §3.1: OPT and 128..255, e.g. TSIG,
     * TKEY, IXFR, AXFR, ANY), which never appears in zone data.
     */
    public boolean isMetaType() {
        return value == 41 || value >= 128 && value <= 255;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RRType t && t.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** Numeric order. */
    @Override
    public int compareTo(RRType o) {
        return Integer.compare(value, o.value);
    }

    /** The mnemonic, or {@code TYPE} followed by the decimal value (RFC 3597 §5). */
    @Override
    public String toString() {
        return mnemonic != null ? mnemonic : "TYPE" + value;
    }
}
