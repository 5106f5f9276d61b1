/** JMH benchmarks that measure Dunlin side by side with its peers (dnsjava, Netty, Guava). */
module org.dunlin.benchmarks {
    requires jmh.core;
    requires org.dunlin.futures;
    requires org.dunlin.futures.io;
    requires org.dunlin.dns.wire;
    requires org.dunlin.dns.authority;
    requires org.dunlin.dns.resolver;
    requires com.google.common;
    requires org.dnsjava;
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec.dns;
    requires io.netty.resolver;
    requires io.netty.resolver.dns;

    opens org.dunlin.benchmarks to jmh.core;
}
