/** TCP, UDP and TLS as futures and streams over NIO.2, with framing and idle timeouts. */
module org.dunlin.futures.io {
    requires transitive org.dunlin.futures;
    requires org.slf4j;
}
