/**
 * TCP, UDP and TLS as futures and streams over NIO.2, with framing, idle timeouts and request/response
 * helpers. Start with {@link org.dunlin.futures.io.IoRuntime}: it owns every thread this module uses.
 */
module org.dunlin.futures.io {
    requires transitive org.dunlin.futures;
    requires org.slf4j;
    requires jdk.net;

    exports org.dunlin.futures.io;
    exports org.dunlin.futures.io.codec;
    exports org.dunlin.futures.io.proto;
    exports org.dunlin.futures.io.tls;
}
