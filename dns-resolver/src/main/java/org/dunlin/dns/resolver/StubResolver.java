package org.dunlin.dns.resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.dunlin.dns.resolver.internal.AddressText;
import org.dunlin.dns.resolver.internal.ResponseReader;
import org.dunlin.dns.resolver.internal.SearchList;
import org.dunlin.dns.resolver.internal.SearchWalk;
import org.dunlin.dns.resolver.internal.ServerRanking;
import org.dunlin.dns.resolver.internal.ServerWalk;
import org.dunlin.dns.resolver.internal.Typed;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.rdata.MxRdata;
import org.dunlin.dns.wire.rdata.PtrRdata;
import org.dunlin.dns.wire.rdata.SrvRdata;
import org.dunlin.dns.wire.rdata.TxtRdata;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Memoizer;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Ticker;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.IoRuntime;

/**
 * A stub resolver: asks the recursive name servers of a {@link ResolverConfig}, with a cache.
 *
 * <h2>A lookup's way</h2>
 * <ol>
 *   <li>Names as text go through the search list ({@code ndots}, {@code search}) exactly as glibc's
 *       {@code res_search} walks it; each candidate name is a question.</li>
 *   <li>A question is answered from the {@link DnsCache} if it holds a live outcome (TTLs decayed).</li>
 *   <li>Otherwise concurrent lookups of the same question share one query (futures-core's
 *       {@link Memoizer}): a thousand callers asking at once cause one query.</li>
 *   <li>The query goes to the name servers in smoothed-RTT order (round-robin with {@code rotate}), a
 *       per-try timeout each, {@code attempts} rounds, failing over on timeouts, errors, SERVFAIL,
 *       REFUSED, NOTIMP and FORMERR, all within the lookup timeout. Each server is a
 *       {@link DnsClient}: spoofing checks, TCP on truncation, EDNS fallback.</li>
 *   <li>The response is read: CNAME and DNAME chains followed (at most {@code maxChain} aliases, loops
 *       detected), asking again for the end of a chain the server left incomplete; the outcome is
 *       stored in the cache (negative answers for their RFC 2308 TTL).</li>
 * </ol>
 *
 * <h2>Threads, cancellation, closing</h2>
 * Promises complete on the I/O runtime's callback executor (see {@link IoRuntime}), or on the caller's
 * thread when everything came from the cache or the host table. Cancelling a lookup unsubscribes it; the
 * query itself is cancelled — its socket closed — when every lookup sharing it has cancelled.
 * {@link #close()} closes the clients (lookups in flight fail with
 * {@link org.dunlin.futures.io.ConnectionClosedException}) and, if the resolver created its runtime,
 * the runtime and all its threads. Thread-safe.
 */
public final class StubResolver implements Resolver {
    private final ResolverConfig config;
    private final IoRuntime runtime;
    private final boolean ownsRuntime;
    private final List<DnsClient> clients;
    private final ServerRanking ranking;
    private final DnsCache cache;
    private final Memoizer<Question, LookupResult<Record>> inFlight;
    private final Duration lookupTimeout;
    private final int maxChain;
    private final boolean checkingDisabled;
    private final Edns edns;
    private final RandomGenerator random;
    private final AddressSelection selection;
    private final Timer timer;
    private volatile boolean closed;

    private StubResolver(Builder b, IoRuntime runtime, boolean owns) {
        this.config = b.config;
        this.runtime = runtime;
        this.ownsRuntime = owns;
        this.random = b.random != null ? b.random : new SecureRandom();
        ClientOptions co = b.clientOptions.toBuilder().tcpOnly(b.clientOptions.tcpOnly() || config.useTcp())
                .random(b.clientOptions.random().orElse(random)).build();
        List<DnsClient> cs = new ArrayList<>();
        for (InetSocketAddress s : config.nameservers()) {
            cs.add(DnsClient.create(runtime, s, co));
        }
        this.clients = List.copyOf(cs);
        this.ranking = new ServerRanking(clients.size(), config.rotate());
        this.timer = runtime.timer();
        Ticker ticker = b.ticker != null ? b.ticker : timer;
        this.cache = new DnsCache(b.cache, ticker);
        this.inFlight = Memoizer.builder(this::load).ttl(Duration.ZERO).maxSize(1 << 16).ticker(ticker).build();
        this.lookupTimeout = b.lookupTimeout != null ? b.lookupTimeout
                : config.timeout().multipliedBy((long) config.attempts() * clients.size());
        this.maxChain = b.maxChain;
        this.checkingDisabled = b.checkingDisabled;
        this.edns = config.edns() ? Edns.DEFAULT.withUdpPayloadSize(b.ednsPayload).withDnssecOk(b.dnssecOk) : null;
        this.selection = b.selection != null ? b.selection : AddressSelection.system();
    }

    /** A builder for a resolver with {@code config}. */
    public static Builder builder(ResolverConfig config) {
        return new Builder(config);
    }

    /** A resolver for the system's configuration ({@link ResolverConfig#system()}) with its own runtime. */
    public static StubResolver system() {
        return builder(ResolverConfig.system()).build();
    }

    // ------------------------------------------------------------------------------------------------
    // Lookups

    @Override
    public Promise<LookupResult<Record>> lookup(String name, RRType type) {
        Objects.requireNonNull(type, "type");
        return search(name, n -> resolve(new Question(n, type, RRClass.IN)));
    }

    @Override
    public Promise<LookupResult<Record>> lookup(Name name, RRType type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (closed) {
            return closedFailure();
        }
        return resolve(new Question(name, type, RRClass.IN));
    }

    /** The outcome for one question: cache, coalesced query, aliases followed. */
    public Promise<LookupResult<Record>> resolve(Question question) {
        Objects.requireNonNull(question, "question");
        if (closed) {
            return closedFailure();
        }
        Optional<LookupResult<Record>> hit = cache.get(question);
        if (hit.isPresent()) {
            return Promise.completed(hit.get());
        }
        return inFlight.get(question);
    }

    @Override
    public Promise<LookupResult<InetAddress>> lookupIp(String host) {
        Objects.requireNonNull(host, "host");
        if (closed) {
            return closedFailure();
        }
        InetAddress literal = AddressText.parseLiteral(host);
        if (literal != null) {
            Name n = Name.ROOT;
            return Promise.completed(new LookupResult.Answer<>(n, n, List.of(literal), List.of(), List.of(), 0, false));
        }
        Name asGiven;
        try {
            asGiven = Name.of(host);
        } catch (IllegalArgumentException e) {
            return Promise.failed(e);
        }
        List<InetAddress> fromHosts = config.hosts().addresses(asGiven);
        if (!fromHosts.isEmpty()) {
            return Promise.completed(new LookupResult.Answer<>(asGiven, asGiven, selection.sort(fromHosts), List.of(),
                    List.of(), 0, false));
        }
        Name localhost = Name.of("localhost.");
        if (asGiven.isSubdomainOf(localhost)) {
            // RFC 6761 §6.3: localhost and names below it are the loopback addresses, never sent to DNS
            List<InetAddress> loop = List.of(loopback6(), InetAddress.getLoopbackAddress());
            return Promise.completed(new LookupResult.Answer<>(asGiven, asGiven, selection.sort(loop), List.of(),
                    List.of(), 0, false));
        }
        return search(host, n -> {
            Promise<LookupResult<Record>> a = resolve(new Question(n, RRType.A, RRClass.IN));
            if (config.noAaaa()) {
                return a.map(r -> Typed.map(r, Typed::addresses));
            }
            Promise<LookupResult<Record>> aaaa = resolve(new Question(n, RRType.AAAA, RRClass.IN));
            return Futures.join(a, aaaa).map(p -> Typed.combineAddresses(n, p.first(), p.second(), selection));
        });
    }

    @Override
    public Promise<LookupResult<MxRdata>> lookupMx(String domain) {
        return lookup(domain, RRType.MX).map(r -> Typed.map(r, l -> Typed.orderMx(Typed.rdata(l, MxRdata.class), random)));
    }

    @Override
    public Promise<LookupResult<SrvRdata>> lookupSrv(String service) {
        return lookup(service, RRType.SRV).map(r -> Typed.map(r, l -> Typed.orderSrv(Typed.rdata(l, SrvRdata.class), random)));
    }

    @Override
    public Promise<LookupResult<TxtRdata>> lookupTxt(String name) {
        return lookup(name, RRType.TXT).map(r -> Typed.map(r, l -> Typed.rdata(l, TxtRdata.class)));
    }

    @Override
    public Promise<LookupResult<Name>> reverse(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (closed) {
            return closedFailure();
        }
        Optional<Name> fromHosts = config.hosts().name(address);
        Name ptr = AddressText.reverseName(address);
        if (fromHosts.isPresent()) {
            return Promise.completed(new LookupResult.Answer<>(ptr, ptr, List.of(fromHosts.get()), List.of(), List.of(), 0, false));
        }
        return lookup(ptr, RRType.PTR).map(r -> Typed.map(r, l -> {
            List<Name> names = new ArrayList<>();
            for (PtrRdata p : Typed.rdata(l, PtrRdata.class)) {
                names.add(p.target());
            }
            return names;
        }));
    }

    // ------------------------------------------------------------------------------------------------
    // Accessors and closing

    /** The configuration. */
    public ResolverConfig config() {
        return config;
    }

    /** The cache. */
    public DnsCache cache() {
        return cache;
    }

    /** The client of each name server, in configured order (for statistics). */
    public List<DnsClient> clients() {
        return clients;
    }

    /** The I/O runtime the resolver uses. */
    public IoRuntime runtime() {
        return runtime;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (DnsClient c : clients) {
            c.close();
        }
        if (ownsRuntime) {
            runtime.close();
        }
    }

    @Override
    public String toString() {
        return "StubResolver[" + config.nameservers() + ", " + cache + (closed ? ", closed" : "") + "]";
    }

    // ------------------------------------------------------------------------------------------------
    // Machinery

    private <T> Promise<LookupResult<T>> search(String text, java.util.function.Function<Name, Promise<LookupResult<T>>> ask) {
        Objects.requireNonNull(text, "name");
        if (closed) {
            return closedFailure();
        }
        List<SearchList.Candidate> candidates;
        try {
            candidates = SearchList.candidates(text, config.search(), config.ndots());
        } catch (IllegalArgumentException e) {
            return Promise.failed(e);
        }
        return SearchWalk.start(candidates, ask);
    }

    /** The memoizer's loader: one coalesced resolution of {@code q}. */
    private Promise<LookupResult<Record>> load(Question q) {
        return fetch(q, new HashSet<>(), maxChain); // (no table is allocated until an alias is followed)
    }

    /** Resolves {@code q} over the network (unless the cache has it now), following incomplete chains. */
    private Promise<LookupResult<Record>> fetch(Question q, Set<Name> visited, int hopsLeft) {
        Optional<LookupResult<Record>> hit = cache.get(q);
        if (hit.isPresent()) {
            return Promise.completed(hit.get());
        }
        long deadline = timer.nanoTime() + lookupTimeout.toNanos();
        Promise<Reply> walk = ServerWalk.start(clients, ranking, query(q), config.timeout(), config.attempts(), deadline, timer);
        return walk.andThen(reply -> {
            ResponseReader.Reading reading = ResponseReader.read(q, reply.message(), config.trustAd(), hopsLeft, visited);
            if (reading instanceof ResponseReader.Done d) {
                return Promise.completed(cache.put(q, d.result()));
            }
            ResponseReader.FollowUp f = (ResponseReader.FollowUp) reading;
            visited.add(q.name());
            Question next = new Question(f.next(), q.type(), q.rrClass());
            return fetch(next, visited, hopsLeft - f.chain().size()).map(sub -> {
                return cache.put(q, prefix(q.name(), f.chain(), sub));
            });
        }).orElse(x -> x instanceof java.util.concurrent.TimeoutException
                ? Promise.completed(new LookupResult.Timeout<>(q.name(), String.valueOf(x.getMessage())))
                : Promise.failed(x));
    }

    /** The query for a question: RD, EDNS as configured, AD if {@code trust-ad} (RFC 6840 §5.7), CD, DO. */
    private Message query(Question q) {
        Message.Builder b = Message.builder().question(q).flags(Flag.RD);
        if (config.trustAd()) {
            b.flags(Flag.AD);
        }
        if (checkingDisabled) {
            b.flags(Flag.CD);
        }
        if (edns != null) {
            b.edns(edns);
        }
        return b.build();
    }

    /** The outcome for {@code name} whose aliases {@code chain} lead to the name that had {@code sub}. */
    private static LookupResult<Record> prefix(Name name, List<Record> chain, LookupResult<Record> sub) {
        if (sub instanceof LookupResult.Answer<Record> a) {
            List<Record> all = concat(chain, a.chain());
            long ttl = a.ttl();
            for (Record r : chain) {
                ttl = Math.min(ttl, r.ttl());
            }
            return new LookupResult.Answer<>(name, a.canonicalName(), a.values(), a.records(), all, ttl, a.authenticated());
        }
        if (sub instanceof LookupResult.NxDomain<Record> nx) {
            return new LookupResult.NxDomain<>(name, concat(chain, nx.chain()), nx.soa());
        }
        if (sub instanceof LookupResult.NoData<Record> nd) {
            return new LookupResult.NoData<>(name, concat(chain, nd.chain()), nd.soa());
        }
        if (sub instanceof LookupResult.ServFail<Record> s) {
            return new LookupResult.ServFail<>(name, s.rcode(), s.errors(), s.detail());
        }
        if (sub instanceof LookupResult.Timeout<Record> t) {
            return new LookupResult.Timeout<>(name, t.detail());
        }
        if (sub instanceof LookupResult.Refused<Record> r) {
            return new LookupResult.Refused<>(name, r.errors());
        }
        LookupResult.Bogus<Record> b = (LookupResult.Bogus<Record>) sub;
        return new LookupResult.Bogus<>(name, b.errors());
    }

    private static List<Record> concat(List<Record> a, List<Record> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<Record> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> Promise<T> closedFailure() {
        return Promise.failed(new IllegalStateException("the resolver is closed"));
    }

    private static InetAddress loopback6() {
        try {
            return Inet6Address.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, null);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Builds a {@link StubResolver}; not thread-safe. */
    public static final class Builder {
        private final ResolverConfig config;
        private IoRuntime runtime;
        private CachePolicy cache = CachePolicy.DEFAULT;
        private Ticker ticker;
        private ClientOptions clientOptions = ClientOptions.DEFAULT;
        private Duration lookupTimeout;
        private int maxChain = 16;
        private boolean dnssecOk;
        private boolean checkingDisabled;
        private int ednsPayload = Edns.DEFAULT.udpPayloadSize();
        private RandomGenerator random;
        private AddressSelection selection;

        private Builder(ResolverConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Does I/O through {@code runtime}, which the resolver does not close (default: its own runtime). */
        public Builder runtime(IoRuntime runtime) {
            this.runtime = Objects.requireNonNull(runtime, "runtime");
            return this;
        }

        /** The cache policy (default {@link CachePolicy#DEFAULT}; {@link CachePolicy#DISABLED} for none). */
        public Builder cache(CachePolicy policy) {
            this.cache = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The clock of the cache's TTLs (default: the runtime's timer); a {@code ManualTimer} in tests. */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Options of each server's {@link DnsClient} ({@code use-vc} in the configuration forces TCP). */
        public Builder clientOptions(ClientOptions options) {
            this.clientOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The most one question may take over all servers and attempts (default timeout × attempts × servers). */
        public Builder lookupTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("lookup timeout must be positive: " + timeout);
            }
            this.lookupTimeout = timeout;
            return this;
        }

        /** The most CNAME and DNAME aliases a lookup follows (default 16). */
        public Builder maxChain(int aliases) {
            if (aliases < 0) {
                throw new IllegalArgumentException("maxChain must not be negative: " + aliases);
            }
            this.maxChain = aliases;
            return this;
        }

        /** Sets DO in queries (RFC 3225): the upstream includes DNSSEC records (default off). */
        public Builder dnssecOk(boolean on) {
            this.dnssecOk = on;
            return this;
        }

        /** Sets CD in queries (RFC 4035 §3.2.2): the upstream skips validation (default off). */
        public Builder checkingDisabled(boolean on) {
            this.checkingDisabled = on;
            return this;
        }

        /** The EDNS UDP payload size offered (default 1232, DNS flag day 2020). */
        public Builder ednsPayload(int bytes) {
            if (bytes < 512 || bytes > 65535) {
                throw new IllegalArgumentException("EDNS payload must be in 512..65535: " + bytes);
            }
            this.ednsPayload = bytes;
            return this;
        }

        /** The generator for IDs (unless the client options carry one) and MX/SRV shuffles; thread-safe. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** How addresses are ordered (default {@link AddressSelection#system()}). */
        public Builder addressSelection(AddressSelection selection) {
            this.selection = Objects.requireNonNull(selection, "selection");
            return this;
        }

        /**
         * The resolver. Without {@link #runtime}, it starts its own small runtime (one I/O thread, one UDP
         * selector thread, two callback threads) that {@link StubResolver#close()} stops.
         *
         * @throws UncheckedIOException if the runtime cannot start
         */
        public StubResolver build() {
            if (runtime != null) {
                return new StubResolver(this, runtime, false);
            }
            IoRuntime own;
            try {
                own = IoRuntime.builder().name("dunlin-resolver").ioThreads(1).udpThreads(1).callbackThreads(2).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new StubResolver(this, own, true);
            } catch (RuntimeException e) {
                own.close();
                throw e;
            }
        }
    }
}
