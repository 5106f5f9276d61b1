/** An authoritative DNS server: zones, catalog, answering, UDP/TCP serving, transfers, updates, signing. */
module org.dunlin.dns.authority {
    requires transitive org.dunlin.dns.wire;
    requires transitive org.dunlin.futures.io;
    requires org.slf4j;
}
