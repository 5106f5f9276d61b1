package org.dunlin.benchmarks.resolver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsNameResolverChannelStrategy;
import io.netty.resolver.dns.NoopAuthoritativeDnsServerCache;
import io.netty.resolver.dns.NoopDnsCache;
import io.netty.resolver.dns.NoopDnsCnameCache;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.dunlin.dns.resolver.CachePolicy;
import org.dunlin.dns.resolver.DnsClient;
import org.dunlin.dns.resolver.ResolverConfig;
import org.dunlin.dns.resolver.StubResolver;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.RRType;
import org.dunlin.futures.io.IoRuntime;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;

/**
 * Lookups per second against a local NSD, with {@code inFlight} lookups outstanding at all times:
 * Dunlin's {@link StubResolver} against dnsjava's {@link SimpleResolver#sendAsync} and Netty's
 * {@link DnsNameResolver}, in the same run.
 *
 * <p>Workload: one operation is one A lookup of a distinct name ({@code hN.example.com}, cycling over
 * 10,000 hosts), so every lookup really goes to the server: Dunlin's cache is disabled, Netty's caches
 * are no-ops, dnsjava's {@code SimpleResolver} has none. A semaphore of {@code inFlight} permits keeps
 * the window full: the benchmark thread takes a permit and starts a lookup, whose completion returns
 * it. Failed or non-answer lookups are counted in {@code failed} (expected 0).
 *
 * <p>Each library gets one I/O thread and completes lookups on it: Dunlin's runtime with
 * {@code callbacksOnIoThreads()} (one TCP, one UDP selector thread), Netty's one-thread NIO event loop,
 * dnsjava's NIO selector thread with a direct executor. Dunlin and dnsjava open a fresh UDP socket
 * (random source port) per query, as RFC 5452 asks; Netty by default shares one socket per resolver
 * ({@code netty}), and {@code netty-port-per-query} measures its {@code ChannelPerResolution} strategy,
 * the like-for-like comparison.
 *
 * <p>Two more variants compare like with like at each level: {@code dunlin} ({@link StubResolver#lookup}:
 * coalescing, server walk, typed result) against {@code dnsjava-lookup} (dnsjava's {@link LookupSession},
 * no cache, no search path) and Netty's {@code resolve}; {@code dunlin-client} ({@link DnsClient#exchange}:
 * one query, one response message) against {@code dnsjava} ({@link SimpleResolver#sendAsync}, the same
 * level). Dunlin's queries carry EDNS(0) (1232 octets), as its resolver sends them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LookupBenchmark {
    @Param({"dunlin", "dnsjava", "netty", "netty-port-per-query", "dunlin-client", "dnsjava-lookup"})
    public String impl;

    @Param({"1", "16", "256"})
    public int inFlight;

    private NsdPeer nsd;
    private Semaphore window;
    private final LongAdder failures = new LongAdder();
    private int next;

    private IoRuntime runtime;
    private StubResolver dunlin;
    private Name[] dunlinNames;

    private DnsClient dunlinClient;
    private Message[] dunlinQueries;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SimpleResolver dnsjava;
    private LookupSession dnsjavaLookup;
    private org.xbill.DNS.Name[] dnsjavaNames;
    private static final Executor DIRECT = Runnable::run;

    private EventLoopGroup nettyGroup;
    private DnsNameResolver netty;
    private String[] nettyNames;

    /** Lookups that failed or did not answer (expected: 0). */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Failures {
        public long failed;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        nsd = NsdPeer.start();
        window = new Semaphore(inFlight);
        switch (impl) {
            case "dunlin":
                runtime = IoRuntime.builder().name("bench-resolver").ioThreads(1).udpThreads(1).callbacksOnIoThreads().build();
                dunlin = StubResolver.builder(ResolverConfig.builder().nameserver(nsd.address())
                                .timeout(Duration.ofSeconds(5)).attempts(1).build())
                        .runtime(runtime).cache(CachePolicy.DISABLED).build();
                dunlinNames = new Name[NsdPeer.HOSTS];
                for (int i = 0; i < NsdPeer.HOSTS; i++) {
                    dunlinNames[i] = Name.of(NsdPeer.host(i));
                }
                break;
            case "dunlin-client":
                runtime = IoRuntime.builder().name("bench-resolver").ioThreads(1).udpThreads(1).callbacksOnIoThreads().build();
                dunlinClient = DnsClient.create(runtime, nsd.address());
                dunlinQueries = new Message[NsdPeer.HOSTS];
                for (int i = 0; i < NsdPeer.HOSTS; i++) {
                    dunlinQueries[i] = Message.builder().question(Question.of(NsdPeer.host(i), RRType.A)).flags(Flag.RD)
                            .edns(Edns.DEFAULT).build();
                }
                break;
            case "dnsjava":
            case "dnsjava-lookup":
                dnsjava = new SimpleResolver(nsd.address());
                dnsjava.setTimeout(Duration.ofSeconds(5));
                if (impl.equals("dnsjava-lookup")) {
                    // no cache: every lookup goes to the server, like Dunlin's StubResolver with CachePolicy.DISABLED
                    dnsjavaLookup = LookupSession.builder().resolver(dnsjava).executor(DIRECT).clearSearchPath().build();
                }
                dnsjavaNames = new org.xbill.DNS.Name[NsdPeer.HOSTS];
                for (int i = 0; i < NsdPeer.HOSTS; i++) {
                    dnsjavaNames[i] = org.xbill.DNS.Name.fromString(NsdPeer.host(i));
                }
                break;
            default:
                nettyGroup = new NioEventLoopGroup(1);
                netty = new DnsNameResolverBuilder(nettyGroup.next())
                        .datagramChannelType(NioDatagramChannel.class)
                        .socketChannelType(NioSocketChannel.class)
                        .nameServerProvider(new SingletonDnsServerAddressStreamProvider(nsd.address()))
                        .resolveCache(NoopDnsCache.INSTANCE)
                        .cnameCache(NoopDnsCnameCache.INSTANCE)
                        .authoritativeDnsServerCache(NoopAuthoritativeDnsServerCache.INSTANCE)
                        .resolvedAddressTypes(ResolvedAddressTypes.IPV4_ONLY)
                        .hostsFileEntriesResolver((host, types) -> null)
                        .searchDomains(List.of())
                        .queryTimeoutMillis(5000)
                        .maxQueriesPerResolve(1)
                        .datagramChannelStrategy(impl.equals("netty") ? DnsNameResolverChannelStrategy.ChannelPerResolver
                                : DnsNameResolverChannelStrategy.ChannelPerResolution)
                        .build();
                nettyNames = new String[NsdPeer.HOSTS];
                for (int i = 0; i < NsdPeer.HOSTS; i++) {
                    nettyNames[i] = NsdPeer.host(i);
                }
                break;
        }
    }

    /** Lets every lookup of an iteration finish before the next begins (and reports failures). */
    @TearDown(Level.Iteration)
    public void drain() throws InterruptedException {
        if (!window.tryAcquire(inFlight, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("lookups still outstanding after 30 s");
        }
        window.release(inFlight);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (dunlin != null) {
            dunlin.close();
        }
        if (dunlinClient != null) {
            dunlinClient.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (netty != null) {
            netty.close();
            nettyGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        nsd.close();
    }

    @Benchmark
    public void lookup(Failures f) throws Exception {
        window.acquire();
        f.failed = failures.sum();
        int i = next;
        next = i + 1 == NsdPeer.HOSTS ? 0 : i + 1;
        switch (impl) {
            case "dunlin":
                dunlin.lookup(dunlinNames[i], RRType.A).whenComplete((r, x) -> done(x == null && r.isAnswer()));
                break;
            case "dunlin-client":
                dunlinClient.exchange(dunlinQueries[i], TIMEOUT).whenComplete((m, x) -> done(x == null && !m.answer().isEmpty()));
                break;
            case "dnsjava":
                org.xbill.DNS.Message q = org.xbill.DNS.Message.newQuery(Record.newRecord(dnsjavaNames[i], Type.A, DClass.IN));
                dnsjava.sendAsync(q, DIRECT).whenComplete((m, x) -> done(x == null && m.getSectionArray(1).length > 0));
                break;
            case "dnsjava-lookup":
                dnsjavaLookup.lookupAsync(dnsjavaNames[i], Type.A).whenComplete((r, x) -> done(x == null && !r.getRecords().isEmpty()));
                break;
            default:
                netty.resolve(nettyNames[i]).addListener(fut -> done(fut.isSuccess()));
                break;
        }
    }

    private void done(boolean ok) {
        if (!ok) {
            failures.increment();
        }
        window.release();
    }
}
