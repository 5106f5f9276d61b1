package org.dunlin.dns.resolver;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.ExtendedError;

/**
 * The outcome of a lookup: exactly one of seven cases, so that "the name does not exist" is never
 * confused with "the server failed" or "nobody answered".
 *
 * <ul>
 *   <li>{@link Answer}: data of the type asked for (after following CNAME and DNAME aliases).</li>
 *   <li>{@link NxDomain}: the name does not exist (RCODE 3; RFC 8020: nor does anything below it).</li>
 *   <li>{@link NoData}: the name exists but has no data of that type (RFC 2308 §2.2).</li>
 *   <li>{@link ServFail}: the server could not answer (SERVFAIL, FORMERR, NOTIMP or another error code,
 *       or an alias chain that loops or is too long), with its Extended DNS Errors (RFC 8914).</li>
 *   <li>{@link Timeout}: no server gave a usable response before the deadline (silence, unreachable
 *       ports, only malformed or spoofed-looking responses).</li>
 *   <li>{@link Refused}: the server refused the query (RCODE 5).</li>
 *   <li>{@link Bogus}: the validating upstream found the answer bogus: SERVFAIL carrying one of the
 *       DNSSEC Extended DNS Errors 6 to 12 (RFC 8914 §4.7–§4.13). A stub does not validate itself.</li>
 * </ul>
 *
 * Java 17 has no pattern-matching {@code switch}: switch on {@link #status()} or test with
 * {@code instanceof}. {@link #name()} is always the name that was asked (for a search-list lookup, the
 * candidate that produced this outcome). Values are immutable; TTLs are those remaining when the result
 * was made.
 *
 * @param <T> the type of the answer's values (records, addresses, MX data, ...)
 */
public sealed interface LookupResult<T> permits LookupResult.Answer, LookupResult.NxDomain, LookupResult.NoData,
        LookupResult.ServFail, LookupResult.Timeout, LookupResult.Refused, LookupResult.Bogus {

    /** The seven cases, for {@code switch}. */
    enum Status { ANSWER, NXDOMAIN, NODATA, SERVFAIL, TIMEOUT, REFUSED, BOGUS }

    /** The name asked. */
    Name name();

    /** Which case this is. */
    Status status();

    /** Whether this is an {@link Answer}. */
    default boolean isAnswer() {
        return this instanceof Answer;
    }

    /** The answer's values, or an empty list for any other case. */
    default List<T> values() {
        return this instanceof Answer<T> a ? a.values() : List.of();
    }

    /**
     * The answer's values.
     *
     * @throws LookupException carrying this result, for any case but {@link Answer}
     */
    default List<T> valuesOrThrow() {
        if (this instanceof Answer<T> a) {
            return a.values();
        }
        throw new LookupException(this);
    }

    /**
     * Data found.
     *
     * @param name          the name asked
     * @param canonicalName the name the data belongs to, after aliases ({@code name} if there were none)
     * @param values        the typed values, in the order the lookup defines (sorted for addresses, MX, SRV)
     * @param records       the records of the type asked, with remaining TTLs (empty for host-table answers)
     * @param chain         the CNAME and DNAME records followed, in order
     * @param ttl           the smallest remaining TTL of {@code records} and {@code chain}, in seconds
     * @param authenticated whether the upstream set AD and the configuration trusts it ({@code trust-ad})
     */
    record Answer<T>(Name name, Name canonicalName, List<T> values, List<Record> records, List<Record> chain,
            long ttl, boolean authenticated) implements LookupResult<T> {
        public Answer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(canonicalName, "canonicalName");
            values = List.copyOf(values);
            records = List.copyOf(records);
            chain = List.copyOf(chain);
        }

        @Override
        public Status status() {
            return Status.ANSWER;
        }
    }

    /**
     * The name does not exist.
     *
     * @param name  the name asked
     * @param chain aliases followed before reaching the name that does not exist (RFC 6604)
     * @param soa   the SOA record proving it, with its remaining TTL, if the server sent one
     */
    record NxDomain<T>(Name name, List<Record> chain, Optional<Record> soa) implements LookupResult<T> {
        public NxDomain {
            Objects.requireNonNull(name, "name");
            chain = List.copyOf(chain);
            Objects.requireNonNull(soa, "soa");
        }

        @Override
        public Status status() {
            return Status.NXDOMAIN;
        }
    }

    /**
     * The name exists but has no data of the type asked.
     *
     * @param name  the name asked
     * @param chain aliases followed
     * @param soa   the SOA record of the negative answer, with its remaining TTL, if sent
     */
    record NoData<T>(Name name, List<Record> chain, Optional<Record> soa) implements LookupResult<T> {
        public NoData {
            Objects.requireNonNull(name, "name");
            chain = List.copyOf(chain);
            Objects.requireNonNull(soa, "soa");
        }

        @Override
        public Status status() {
            return Status.NODATA;
        }
    }

    /**
     * The server failed.
     *
     * @param name   the name asked
     * @param rcode  the response code (SERVFAIL for failures found by the resolver itself)
     * @param errors the Extended DNS Errors of the response (RFC 8914), possibly empty
     * @param detail a short description for people
     */
    record ServFail<T>(Name name, Rcode rcode, List<ExtendedError> errors, String detail) implements LookupResult<T> {
        public ServFail {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(rcode, "rcode");
            errors = List.copyOf(errors);
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Status status() {
            return Status.SERVFAIL;
        }
    }

    /**
     * No usable response before the deadline.
     *
     * @param name   the name asked
     * @param detail what went wrong with each server, for people
     */
    record Timeout<T>(Name name, String detail) implements LookupResult<T> {
        public Timeout {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Status status() {
            return Status.TIMEOUT;
        }
    }

    /**
     * The server refused to answer.
     *
     * @param name   the name asked
     * @param errors the Extended DNS Errors of the response (e.g. Prohibited), possibly empty
     */
    record Refused<T>(Name name, List<ExtendedError> errors) implements LookupResult<T> {
        public Refused {
            Objects.requireNonNull(name, "name");
            errors = List.copyOf(errors);
        }

        @Override
        public Status status() {
            return Status.REFUSED;
        }
    }

    /**
     * The validating upstream judged the answer bogus.
     *
     * @param name   the name asked
     * @param errors the DNSSEC Extended DNS Errors that say why (at least one)
     */
    record Bogus<T>(Name name, List<ExtendedError> errors) implements LookupResult<T> {
        public Bogus {
            Objects.requireNonNull(name, "name");
            errors = List.copyOf(errors);
        }

        @Override
        public Status status() {
            return Status.BOGUS;
        }
    }
}
