/**
 * jqwik properties and fuzz runs across all Dunlin modules. The properties live in the test sources,
 * one package per module under test; this module publishes nothing.
 */
module org.dunlin.properties {
    requires org.dunlin.futures;
    requires org.dunlin.futures.io;
    requires org.dunlin.dns.wire;
    requires org.dunlin.dns.authority;
    requires org.dunlin.dns.resolver;
}
