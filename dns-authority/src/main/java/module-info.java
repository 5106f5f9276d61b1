/**
 * An authoritative DNS server: zones loaded into a compact immutable form, a catalog with longest-match
 * lookup, answering per RFC 1034 and its successors (wildcards, DNAME, DNSSEC proofs, EDNS), served over
 * UDP and TCP on futures-io. Start with {@link org.dunlin.dns.authority.AuthorityServer}.
 */
module org.dunlin.dns.authority {
    requires transitive org.dunlin.dns.wire;
    requires transitive org.dunlin.futures.io;
    requires org.slf4j;
    requires jdk.management;

    exports org.dunlin.dns.authority;
}
