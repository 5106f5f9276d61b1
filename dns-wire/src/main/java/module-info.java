/**
 * The DNS data model and its codecs: names, records, messages, EDNS, presentation format, zone files,
 * and the DNSSEC and TSIG cryptography. No network I/O. Bouncy Castle is optional and used only for
 * algorithms the JDK's providers lack.
 */
module org.dunlin.dns.wire {
    requires static org.bouncycastle.provider;

    exports org.dunlin.dns.wire;
    exports org.dunlin.dns.wire.rdata;
    exports org.dunlin.dns.wire.edns;
    exports org.dunlin.dns.wire.zone;
    exports org.dunlin.dns.wire.dnssec;
    exports org.dunlin.dns.wire.tsig;

    // Not API: the octet-level name rules (NameOctets) and the base32hex codec, shared with the
    // authoritative server's raw-wire code so that the two cannot drift apart.
    exports org.dunlin.dns.wire.internal to org.dunlin.dns.authority;
}
