package org.dunlin.dns.resolver;

import java.net.InetAddress;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.MxRdata;
import org.dunlin.dns.wire.rdata.SrvRdata;
import org.dunlin.dns.wire.rdata.TxtRdata;
import org.dunlin.futures.Promise;

/**
 * Typed DNS lookups. Every method returns a promise of a {@link LookupResult} that says distinctly
 * whether there is an answer, the name does not exist, it has no such data, the server failed or
 * refused, the answer is bogus, or nobody answered in time: those outcomes complete the promise
 * normally. The promise fails only if the input is invalid ({@link IllegalArgumentException}), the
 * resolver is closed ({@link IllegalStateException}, or
 * {@link org.dunlin.futures.io.ConnectionClosedException} for lookups in flight), or it is cancelled.
 *
 * <p>Names given as text go through the search list and {@code ndots} as glibc treats them (a trailing
 * dot makes a name absolute); a {@link Name} is always absolute and used as is.
 *
 * <p>Implementations are thread-safe; see {@link StubResolver} for which thread completes the promises
 * and how cancellation flows.
 */
public interface Resolver extends AutoCloseable {

    /** The records of {@code type} for {@code name} (search list applied), aliases followed. */
    Promise<LookupResult<Record>> lookup(String name, RRType type);

    /** The records of {@code type} for the absolute {@code name}, aliases followed. */
    Promise<LookupResult<Record>> lookup(Name name, RRType type);

    /**
     * The addresses of a host: an IP literal as is, the host table, {@code localhost} (RFC 6761 §6.3), or A
     * and AAAA asked in parallel; sorted for connecting by RFC 6724 (see {@link AddressSelection}).
     */
    Promise<LookupResult<InetAddress>> lookupIp(String host);

    /** The mail exchangers of a domain, by preference, equal preferences in random order (RFC 5321 §5.1). */
    Promise<LookupResult<MxRdata>> lookupMx(String domain);

    /**
     * The SRV records of a service name such as {@code _sip._tcp.example.com}, in the order RFC 2782
     * says to try them: by priority, and within a priority a weighted random order.
     */
    Promise<LookupResult<SrvRdata>> lookupSrv(String service);

    /** The TXT records of a name, in the order received. */
    Promise<LookupResult<TxtRdata>> lookupTxt(String name);

    /** The names of an address: the host table, else PTR records under in-addr.arpa or ip6.arpa. */
    Promise<LookupResult<Name>> reverse(InetAddress address);

    /** Closes the resolver and everything it owns. */
    @Override
    void close();
}
