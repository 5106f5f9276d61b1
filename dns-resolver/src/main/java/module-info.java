/**
 * A DNS client for one name server ({@link org.dunlin.dns.resolver.DnsClient}), a stub resolver with a
 * cache ({@link org.dunlin.dns.resolver.StubResolver}), typed lookups returning
 * {@link org.dunlin.dns.resolver.LookupResult}s, and the {@code ./dunlin dig} command.
 *
 * <p>The one exported package is the API; {@code .internal} (spoofing checks, TCP multiplexing, the
 * resolv.conf parser, search lists, address sorting) and {@code .cli} are implementation.
 */
module org.dunlin.dns.resolver {
    requires transitive org.dunlin.dns.wire;
    requires transitive org.dunlin.futures.io;
    requires org.slf4j;

    exports org.dunlin.dns.resolver;
}
