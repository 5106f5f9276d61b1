package org.dunlin.dns.authority;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.dunlin.dns.authority.internal.CatalogIndex;
import org.dunlin.dns.authority.internal.Counters;
import org.dunlin.dns.authority.internal.QueryEngine;
import org.dunlin.dns.authority.internal.Notifier;
import org.dunlin.dns.authority.internal.TcpFrontEnd;
import org.dunlin.dns.authority.internal.AccessList;
import org.dunlin.dns.authority.internal.UdpWorker;
import org.dunlin.dns.authority.internal.Warmup;
import org.dunlin.dns.authority.internal.Workspace;
import org.dunlin.dns.authority.internal.ZoneUpdate;
import org.dunlin.dns.authority.internal.ZoneData;
import org.dunlin.dns.authority.internal.ZoneWatcher;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.dunlin.dns.wire.tsig.TsigKeyring;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.ListenerOptions;
import org.dunlin.futures.io.TcpListener;
import org.dunlin.futures.io.UdpOptions;
import org.dunlin.futures.io.UdpSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authoritative DNS server: answers from a {@link Catalog} of zones over UDP and TCP on one or more
 * addresses. Build it with {@link #builder()}, {@link Builder#start() start} it (which loads the zone
 * files and binds every socket before returning), and {@link #close()} it.
 *
 * <h2>Threads</h2>
 * The server owns an {@link IoRuntime} named {@code dunlin-authority} with {@code workers} UDP selector
 * threads and {@code workers} TCP I/O threads, and callbacks on those threads: every query is parsed and
 * answered on the thread that read it, from immutable zone data, without locks or hand-offs. Each
 * listen address gets one UDP socket per worker ({@code SO_REUSEPORT}, so the kernel spreads datagrams
 * over them) and each worker a response buffer of its own. With {@link Builder#watch}, a watcher thread
 * ({@code dunlin-authority-watch}) polls the zone files and reloads changed ones. NOTIFY messages to
 * secondaries ({@link Builder#notifySecondaries}) go out through the runtime's UDP threads and timer.
 * {@link #close()} ends
 * them all; after it returns no thread of the server is left.
 *
 * <h2>Zones</h2>
 * The catalog is immutable and replaced atomically ({@link #replace}, {@link #reload}): a query is
 * answered from the old zone or the new one, never a mixture. A zone file that fails to load leaves the
 * zone it would have replaced in service, and the error ({@code FILE:LINE:COL: message}) is thrown or,
 * for the watcher, logged.
 *
 * <p>Thread-safe.
 */
public final class AuthorityServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorityServer.class);

    private final AtomicReference<CatalogIndex> catalog;
    private final List<ZoneSource> sources;
    private final IoRuntime runtime;
    private final QueryEngine engine;
    private final List<Workspace> workspaces = new CopyOnWriteArrayList<>();
    private final List<UdpWorker> udpWorkers = new ArrayList<>();
    private final List<TcpListener> listeners = new ArrayList<>();
    private final List<InetSocketAddress> udpAddresses = new ArrayList<>();
    private final TcpFrontEnd tcp;
    private final ZoneWatcher watcher;
    private final Notifier notifier;
    private final Duration shutdownGrace;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object reloadLock = new Object();

    private AuthorityServer(Builder b, CatalogIndex initial) throws IOException {
        this.catalog = new AtomicReference<>(initial);
        this.sources = List.copyOf(b.sources);
        this.shutdownGrace = b.shutdownGrace;
        this.engine = new QueryEngine(catalog::get, b.nsid, b.maxUdpPayload, TsigKeyring.of(b.tsigKeys), b.transferAcl,
                b.updateAcl, b.updateAcl.isEmpty() ? null : this::applyUpdate, Clock.systemUTC());
        if (b.warmupQueries > 0) {
            long t0 = System.nanoTime();
            List<ZoneData> zones = new ArrayList<>();
            for (Zone z : initial.zones()) {
                zones.add((ZoneData) z);
            }
            Warmup.run(engine, zones, b.warmupQueries);
            LOG.debug("warmed up with {} queries in {} ms", b.warmupQueries, (System.nanoTime() - t0) / 1_000_000);
        }
        this.runtime = IoRuntime.builder().name("dunlin-authority").ioThreads(b.workers).udpThreads(b.workers)
                .callbacksOnIoThreads().build();
        // before the watcher starts: its reloads send NOTIFY through it
        this.notifier = new Notifier(runtime, b.notifyTargets,
                b.notifyKey == null ? null : TsigKeyring.of(b.tsigKeys).find(b.notifyKey).orElseThrow());
        TcpFrontEnd front = null;
        ZoneWatcher w = null;
        try {
            front = new TcpFrontEnd(engine, this::newWorkspace, b.tcpIdleTimeout, runtime.timer());
            ListenerOptions lo = ListenerOptions.builder().backlog(1024).maxConnections(b.maxTcpConnections)
                    .maxConnectionsPerAddress(Math.min(b.maxTcpConnectionsPerClient, b.maxTcpConnections)).build();
            UdpOptions uo = UdpOptions.builder().reusePort(b.workers > 1).receiveBufferSize(b.udpReceiveBuffer)
                    .receiveQueueCapacity(4096).build();
            for (InetSocketAddress listen : b.listen) {
                bind(listen, b.workers, uo, lo);
            }
            for (UdpWorker u : udpWorkers) {
                u.start();
            }
            for (TcpListener l : listeners) {
                front.serve(l);
            }
            if (b.watch && !sources.isEmpty()) {
                w = new ZoneWatcher(sources, b.watchInterval, this::reloadQuietly, "dunlin-authority-watch");
            }
        } catch (IOException | RuntimeException x) {
            runtime.close();
            throw x;
        }
        this.tcp = front;
        this.watcher = w;
    }

    private Workspace newWorkspace() {
        Workspace ws = new Workspace();
        workspaces.add(ws);
        return ws;
    }

    /** Binds UDP (one socket per worker) and TCP on {@code listen}; port 0 picks one port for both. */
    private void bind(InetSocketAddress listen, int workers, UdpOptions uo, ListenerOptions lo) throws IOException {
        for (int attempt = 0; ; attempt++) {
            List<UdpSocket> sockets = new ArrayList<>();
            TcpListener listener = null;
            try {
                UdpSocket first = runtime.bindUdp(listen, uo);
                sockets.add(first);
                InetSocketAddress actual = new InetSocketAddress(listen.getAddress(), first.localAddress().getPort());
                for (int i = 1; i < workers; i++) {
                    sockets.add(runtime.bindUdp(actual, uo));
                }
                listener = runtime.bind(actual, lo);
            } catch (BindException x) {
                for (UdpSocket s : sockets) {
                    s.close();
                }
                if (listen.getPort() == 0 && attempt < 20) {
                    continue; // the UDP port's TCP twin was taken: try another port
                }
                throw new BindException("cannot bind " + format(listen) + ": " + x.getMessage());
            } catch (IOException | RuntimeException x) {
                for (UdpSocket s : sockets) {
                    s.close();
                }
                throw x;
            }
            for (UdpSocket s : sockets) {
                udpWorkers.add(new UdpWorker(s, engine, newWorkspace()));
            }
            udpAddresses.add(sockets.get(0).localAddress());
            listeners.add(listener);
            return;
        }
    }

    /** A builder with the defaults given on its methods. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------------------------------------

    /** The UDP addresses served, one per listen address (with the actual port when 0 was asked for). */
    public List<InetSocketAddress> udpAddresses() {
        return List.copyOf(udpAddresses);
    }

    /** The TCP addresses served, one per listen address. */
    public List<InetSocketAddress> tcpAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        for (TcpListener l : listeners) {
            out.add(l.localAddress());
        }
        return out;
    }

    /** The catalog being served. */
    public Catalog catalog() {
        return catalog.get();
    }

    /**
     * Serves {@code zone} from now on, in place of any zone with the same origin. If its serial differs
     * from the replaced zone's, the secondaries of {@link Builder#notifySecondaries} are notified.
     */
    public void replace(Zone zone) {
        Objects.requireNonNull(zone, "zone");
        swapIn(zone);
    }

    /**
     * Applies a DNS UPDATE the engine authorized (RFC 2136), on the thread that read it: one update at a
     * time, against the zone being served at that moment; a changed zone is swapped in (and announced
     * by NOTIFY). Signed zones are refused, since the server does not sign.
     */
    private int applyUpdate(ZoneData named, Message update) {
        synchronized (reloadLock) {
            Zone current = catalog.get().zone(named.origin()).orElse(null);
            if (current == null) {
                return Rcode.NOTAUTH.value();
            }
            if (current.isSigned()) {
                LOG.warn("UPDATE of {} refused: the zone is signed and the server does not sign", named.origin());
                return Rcode.REFUSED.value();
            }
            ZoneUpdate.Result r = ZoneUpdate.apply(current, update);
            if (r.problem() != null) {
                LOG.info("UPDATE of {} not applied ({}): {}", named.origin(), Rcode.of(r.rcode()), r.problem());
            }
            if (r.zone() != null) {
                swapIn(r.zone());
                LOG.info("UPDATE of {}: serial {}, {} records", named.origin(), r.zone().serial(), r.zone().recordCount());
            }
            return r.rcode();
        }
    }

    /** Swaps {@code zone} into the catalog and sends NOTIFY if its serial changed (RFC 1996 §3.7). */
    private void swapIn(Zone zone) {
        Zone old;
        synchronized (reloadLock) {
            CatalogIndex c = catalog.get();
            old = c.zone(zone.origin()).orElse(null);
            catalog.set(CatalogIndex.cast(c.with(zone)));
        }
        if (!notifier.isEmpty() && (old == null || old.serial() != zone.serial()) && !closed.get()) {
            notifier.zoneChanged(zone);
        }
    }

    /**
     * Reloads the zone at {@code origin} from its file. On success the new zone replaces the old one
     * atomically; on failure the old zone keeps being served and the error is thrown.
     *
     * @throws IllegalArgumentException if no zone file is configured for {@code origin}
     * @throws ZoneFileException with {@code FILE:LINE:COL: message} if the file has errors
     * @throws IOException if the file cannot be read
     */
    public Zone reload(Name origin) throws IOException, ZoneFileException {
        for (ZoneSource s : sources) {
            if (s.origin().equals(origin)) {
                return load(s);
            }
        }
        throw new IllegalArgumentException("no zone file is configured for " + origin);
    }

    private Zone load(ZoneSource s) throws IOException, ZoneFileException {
        synchronized (reloadLock) { // one reload at a time, so an older file never replaces a newer one
            ZoneData z = ZoneData.load(s.origin(), s.file());
            swapIn(z);
            return z;
        }
    }

    private void reloadQuietly(ZoneSource s) {
        long started = System.nanoTime();
        try {
            Zone z = load(s);
            LOG.info("reloaded {} from {}: serial {}, {} records in {} ms", s.origin(), s.file(), z.serial(),
                    z.recordCount(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            for (var w : z.warnings()) {
                LOG.warn("{}", w);
            }
        } catch (ZoneFileException e) {
            LOG.error("{} (still serving the previous {})", e.getMessage(), s.origin());
        } catch (IOException e) {
            LOG.error("{}: {} (still serving the previous {})", s.file(), e.getMessage(), s.origin());
        }
    }

    /** The counters so far (see {@link ServerStats} on accuracy while running). */
    public ServerStats stats() {
        long queries = 0;
        long udp = 0;
        long tcpQ = 0;
        long truncated = 0;
        long dropped = 0;
        long[] byRcode = new long[Counters.RCODES];
        for (Workspace ws : workspaces) {
            Counters c = ws.counters();
            queries += c.queries();
            udp += c.udpQueries();
            tcpQ += c.tcpQueries();
            truncated += c.truncated();
            dropped += c.dropped() + c.sendFailures();
            for (int r = 0; r < byRcode.length; r++) {
                byRcode[r] += c.responses(r);
            }
        }
        for (UdpWorker u : udpWorkers) {
            long lost = u.socket().receiveDrops();
            dropped += lost;
            queries += lost;
            udp += lost;
        }
        Map<Rcode, Long> responses = new TreeMap<>();
        for (int r = 0; r < byRcode.length; r++) {
            if (byRcode[r] > 0) {
                responses.put(Rcode.of(r), byRcode[r]);
            }
        }
        long accepted = 0;
        long rejected = 0;
        for (TcpListener l : listeners) {
            accepted += l.acceptedCount();
            rejected += l.rejectedCount();
        }
        return new ServerStats(queries, udp, tcpQ, responses, truncated, dropped, accepted, rejected,
                tcp == null ? 0 : tcp.activeConnections());
    }

    /**
     * Stops gracefully: stops the watcher, stops accepting connections and datagrams, lets each TCP
     * connection answer the queries it has read (for up to the shutdown grace period), then closes every
     * socket and ends every thread. Idempotent; returns when all of it is done.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (watcher != null) {
            watcher.close();
        }
        notifier.close();
        for (TcpListener l : listeners) {
            l.close();
        }
        for (UdpWorker u : udpWorkers) {
            u.socket().close(); // queries being answered on the selector thread finish first: the close runs after them
        }
        tcp.stopReading();
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        while (tcp.activeConnections() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runtime.close();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "AuthorityServer[" + catalog.get() + ", udp " + udpAddresses + (closed.get() ? ", closed" : "") + "]";
    }

    /** {@code ADDR:PORT}: IPv6 in brackets and in RFC 5952 form ({@code [::1]:53}). */
    public static String format(InetSocketAddress a) {
        if (a.getAddress() instanceof java.net.Inet6Address) {
            return "[" + ipv6(a.getAddress().getAddress()) + "]:" + a.getPort();
        }
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return host + ":" + a.getPort();
    }

    /** RFC 5952 §4: lower-case hex, no leading zeros, the longest run of two or more zero groups as "::". */
    private static String ipv6(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** Configures and starts an {@link AuthorityServer}; not thread-safe. */
    public static final class Builder {
        private final List<ZoneSource> sources = new ArrayList<>();
        private final List<Zone> zones = new ArrayList<>();
        private final List<InetSocketAddress> listen = new ArrayList<>();
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private Duration tcpIdleTimeout = Duration.ofSeconds(10);
        private int maxTcpConnections = 1000;
        private int maxTcpConnectionsPerClient = 100;
        private byte[] nsid;
        private boolean watch;
        private Duration watchInterval = Duration.ofMillis(500);
        private int maxUdpPayload = 1232;
        private int udpReceiveBuffer = 1 << 20;
        private Duration shutdownGrace = Duration.ofSeconds(5);
        private int warmupQueries = 50_000;
        private AccessList transferAcl = AccessList.NONE;
        private List<TsigKey> tsigKeys = List.of();
        private List<InetSocketAddress> notifyTargets = List.of();
        private AccessList updateAcl = AccessList.NONE;
        private Name notifyKey;

        private Builder() {
        }

        /**
         * Lets these transfer every served zone over TCP: AXFR (RFC 5936), and IXFR answered with the
         * whole zone (RFC 1995 §4). Each entry is an address prefix ({@code 192.0.2.7},
         * {@code 10.0.0.0/8}, {@code 2001:db8::/32}), allowing that address without a key, or
         * {@code key:NAME}, allowing requests from any address signed with the TSIG key {@code NAME}
         * (which {@link #tsigKeys} must hold). Anyone else is answered REFUSED, with the Extended DNS
         * Error "Prohibited". Default: nobody. Replaces earlier calls.
         *
         * @throws IllegalArgumentException naming an entry that is neither
         */
        public Builder allowTransfer(List<String> entries) {
            this.transferAcl = AccessList.parse(entries);
            return this;
        }

        /**
         * Accepts DNS UPDATE (RFC 2136) for every served unsigned zone from these: address prefixes and
         * {@code key:NAME} entries as in {@link #allowTransfer}. Prerequisites, the apex SOA/NS and CNAME
         * rules and the serial increment are RFC 2136's; the updated zone is checked like a loaded one,
         * replaces the old one atomically, is announced by NOTIFY, and lasts until the zone is reloaded
         * from its file (updates are not written back). Anyone else gets REFUSED. Default: nobody.
         */
        public Builder allowUpdate(List<String> entries) {
            this.updateAcl = AccessList.parse(entries);
            return this;
        }

        /**
         * The TSIG keys (RFC 8945) the server knows. A query signed with one of them is answered with a
         * signed response (every message of a transfer is signed); a query signed with another key, a
         * wrong MAC or a time outside the fudge gets NOTAUTH with the TSIG error BADKEY, BADSIG or BADTIME.
         * Without keys every signed query gets BADKEY. Replaces earlier calls.
         */
        public Builder tsigKeys(List<TsigKey> keys) {
            this.tsigKeys = List.copyOf(keys);
            return this;
        }

        /**
         * The secondaries to send DNS NOTIFY (RFC 1996) to whenever a zone is replaced or reloaded with a
         * new serial, so that they transfer it at once: over UDP, up to five tries each, the outcome
         * logged. Default: none. Replaces earlier calls.
         */
        public Builder notifySecondaries(List<InetSocketAddress> targets) {
            this.notifyTargets = List.copyOf(targets);
            return this;
        }

        /** Signs NOTIFY messages with the TSIG key {@code name}, which {@link #tsigKeys} must hold. */
        public Builder notifyKey(Name name) {
            this.notifyKey = name;
            return this;
        }

        /** Serves the zone file {@code file} for {@code origin} (loaded by {@link #start()}). */
        public Builder zoneFile(Name origin, java.nio.file.Path file) {
            sources.add(new ZoneSource(origin, file));
            return this;
        }

        /** Serves an already loaded zone (which {@link AuthorityServer#reload} cannot reload). */
        public Builder zone(Zone zone) {
            zones.add(Objects.requireNonNull(zone, "zone"));
            return this;
        }

        /** Listens on {@code address} (UDP and TCP; port 0 picks a free port). Default: 127.0.0.1:5300. */
        public Builder listen(InetSocketAddress address) {
            listen.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /** Worker threads for UDP, and I/O threads for TCP (default: the number of processors). */
        public Builder workers(int n) {
            if (n < 1 || n > 1024) {
                throw new IllegalArgumentException("workers must be 1..1024: " + n);
            }
            this.workers = n;
            return this;
        }

        /** How long a TCP connection may stay without a query before it is closed (default 10 s). */
        public Builder tcpIdleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("TCP idle timeout must be positive: " + timeout);
            }
            this.tcpIdleTimeout = timeout;
            return this;
        }

        /** The most TCP connections open at once (default 1000). */
        public Builder maxTcpConnections(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max TCP connections must be at least 1: " + n);
            }
            this.maxTcpConnections = n;
            return this;
        }

        /** The most TCP connections open at once from one client address (default 100). */
        public Builder maxTcpConnectionsPerClient(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max TCP connections per client must be at least 1: " + n);
            }
            this.maxTcpConnectionsPerClient = n;
            return this;
        }

        /** The server identifier sent to clients that ask for it (RFC 5001); none by default. */
        public Builder nsid(String text) {
            this.nsid = text == null || text.isEmpty() ? null : text.getBytes(StandardCharsets.UTF_8);
            if (nsid != null && nsid.length > 65535 - 4) {
                throw new IllegalArgumentException("NSID too long");
            }
            return this;
        }

        /** Reloads a zone file within about two polling intervals of a change (default off). */
        public Builder watch(boolean on) {
            this.watch = on;
            return this;
        }

        /** How often watched files are checked (default 500 ms). */
        public Builder watchInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("watch interval must be positive: " + interval);
            }
            this.watchInterval = interval;
            return this;
        }

        /** The largest UDP response, also advertised in OPT (512..65535, default 1232). */
        public Builder maxUdpPayload(int octets) {
            if (octets < 512 || octets > 65535) {
                throw new IllegalArgumentException("max UDP payload must be 512..65535: " + octets);
            }
            this.maxUdpPayload = octets;
            return this;
        }

        /**
         * Answers this many synthetic queries built from the zones' names before opening the sockets, so
         * that the first real queries meet compiled code (default 50,000, a fraction of a second; 0 skips).
         */
        public Builder warmupQueries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("warm-up queries must not be negative: " + n);
            }
            this.warmupQueries = n;
            return this;
        }

        /** {@code SO_RCVBUF} of the UDP sockets (default 1 MiB, capped by the system; 0: the system's default). */
        public Builder udpReceiveBuffer(int octets) {
            if (octets < 0) {
                throw new IllegalArgumentException("receive buffer must not be negative: " + octets);
            }
            this.udpReceiveBuffer = octets;
            return this;
        }

        /** How long {@link AuthorityServer#close()} waits for TCP connections to finish (default 5 s). */
        public Builder shutdownGrace(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("shutdown grace must not be negative: " + grace);
            }
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * Loads the zone files, binds every address and starts serving; returns once all sockets are
         * bound.
         *
         * @throws ZoneFileException if a zone file has errors ({@code FILE:LINE:COL: message})
         * @throws IOException if a zone file cannot be read or an address cannot be bound
         * @throws IllegalArgumentException if an access list or NOTIFY names a TSIG key not configured
         */
        public AuthorityServer start() throws IOException, ZoneFileException {
            TsigKeyring keyring = TsigKeyring.of(tsigKeys);
            requireKeys(keyring, transferAcl, "allow-transfer");
            requireKeys(keyring, updateAcl, "allow-update");
            if (notifyKey != null && keyring.find(notifyKey).isEmpty()) {
                throw new IllegalArgumentException("the NOTIFY key " + notifyKey + " is not configured");
            }
            List<Zone> all = new ArrayList<>(zones);
            for (ZoneSource s : sources) {
                ZoneData z = ZoneData.load(s.origin(), s.file());
                for (var w : z.warnings()) {
                    LOG.warn("{}", w);
                }
                all.add(z);
            }
            CatalogIndex c = CatalogIndex.of(all);
            if (listen.isEmpty()) {
                listen.add(new InetSocketAddress("127.0.0.1", 5300));
            }
            return new AuthorityServer(this, c);
        }

        /** Refuses an access list naming a TSIG key that {@code keyring} does not hold. */
        private static void requireKeys(TsigKeyring keyring, AccessList acl, String option) {
            for (Name key : acl.keys()) {
                if (keyring.find(key).isEmpty()) {
                    throw new IllegalArgumentException(option + " names the TSIG key " + key + ", which is not configured");
                }
            }
        }
    }
}
