package org.dunlin.benchmarks.resolver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.resolver.LookupResult;
import org.dunlin.dns.resolver.ResolverConfig;
import org.dunlin.dns.resolver.StubResolver;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.futures.io.IoRuntime;
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
import org.xbill.DNS.Cache;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;

/**
 * Cached lookups per second: each library's resolver with its cache, warmed with {@link #NAMES} names
 * from a local NSD, then one benchmark thread looks those names up in turn and waits for each result.
 * Dunlin's {@link StubResolver#lookup} (a hit completes on the caller's thread), dnsjava's
 * {@link LookupSession} with a {@link Cache} and a direct executor, Netty's {@link DnsNameResolver} with
 * its default cache (a lookup is handed to its event loop and back).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CachedLookupBenchmark {
    static final int NAMES = 100;
    private static final Executor DIRECT = Runnable::run;

    @Param({"dunlin", "dnsjava", "netty"})
    public String impl;

    private NsdPeer nsd;
    private int next;

    private IoRuntime runtime;
    private StubResolver dunlin;
    private Name[] dunlinNames;

    private LookupSession dnsjava;
    private org.xbill.DNS.Name[] dnsjavaNames;

    private EventLoopGroup nettyGroup;
    private DnsNameResolver netty;
    private String[] nettyNames;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        nsd = NsdPeer.start();
        switch (impl) {
            case "dunlin":
                runtime = IoRuntime.builder().name("bench-cached").ioThreads(1).udpThreads(1).callbacksOnIoThreads().build();
                dunlin = StubResolver.builder(ResolverConfig.builder().nameserver(nsd.address()).build()).runtime(runtime).build();
                dunlinNames = new Name[NAMES];
                for (int i = 0; i < NAMES; i++) {
                    dunlinNames[i] = Name.of(NsdPeer.host(i));
                    if (!dunlin.lookup(dunlinNames[i], RRType.A).get(10, TimeUnit.SECONDS).isAnswer()) {
                        throw new IllegalStateException("warming failed for " + dunlinNames[i]);
                    }
                }
                break;
            case "dnsjava":
                SimpleResolver simple = new SimpleResolver(nsd.address());
                simple.setTimeout(Duration.ofSeconds(5));
                dnsjava = LookupSession.builder().resolver(simple).cache(new Cache()).executor(DIRECT)
                        .clearSearchPath().build();
                dnsjavaNames = new org.xbill.DNS.Name[NAMES];
                for (int i = 0; i < NAMES; i++) {
                    dnsjavaNames[i] = org.xbill.DNS.Name.fromString(NsdPeer.host(i));
                    dnsjava.lookupAsync(dnsjavaNames[i], Type.A).toCompletableFuture().get(10, TimeUnit.SECONDS);
                }
                break;
            default:
                nettyGroup = new NioEventLoopGroup(1);
                netty = new DnsNameResolverBuilder(nettyGroup.next())
                        .datagramChannelType(NioDatagramChannel.class)
                        .nameServerProvider(new SingletonDnsServerAddressStreamProvider(nsd.address()))
                        .resolvedAddressTypes(ResolvedAddressTypes.IPV4_ONLY)
                        .hostsFileEntriesResolver((host, types) -> null)
                        .searchDomains(List.of())
                        .build();
                nettyNames = new String[NAMES];
                for (int i = 0; i < NAMES; i++) {
                    nettyNames[i] = NsdPeer.host(i);
                    netty.resolve(nettyNames[i]).get(10, TimeUnit.SECONDS);
                }
                break;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (dunlin != null) {
            dunlin.close();
            runtime.close();
        }
        if (netty != null) {
            netty.close();
            nettyGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        nsd.close();
    }

    @Benchmark
    public Object cachedLookup() throws Exception {
        int i = next;
        next = i + 1 == NAMES ? 0 : i + 1;
        switch (impl) {
            case "dunlin":
                LookupResult<org.dunlin.dns.wire.Record> r = dunlin.lookup(dunlinNames[i], RRType.A).join();
                return r.values();
            case "dnsjava":
                return dnsjava.lookupAsync(dnsjavaNames[i], Type.A).toCompletableFuture().get().getRecords();
            default:
                InetAddress a = netty.resolve(nettyNames[i]).get();
                return a;
        }
    }
}
