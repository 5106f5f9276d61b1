package org.dunlin.dns.wire.edns;

/**
 * One EDNS(0) option (RFC 6891 §6.1.2). The options this library understands are typed records, checked
 * when decoded (a malformed one makes the message FORMERR); every other option is kept as an
 * {@link UnknownOption} with its octets, so nothing is lost.
 */
public sealed interface EdnsOption permits Nsid, ClientSubnet, Cookie, TcpKeepalive, Padding, ExtendedError, UnknownOption {
    /** The option code. */
    EdnsOptionCode code();
}
