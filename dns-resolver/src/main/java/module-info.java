/** A DNS client, a stub resolver with a cache, typed lookups, DNSSEC validation and a dig-like CLI. */
module org.dunlin.dns.resolver {
    requires transitive org.dunlin.dns.wire;
    requires transitive org.dunlin.futures.io;
    requires org.slf4j;
}
