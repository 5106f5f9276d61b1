package org.dunlin.dns.resolver;

import static org.dunlin.dns.resolver.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.dunlin.dns.wire.edns.ExtendedErrorCode;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.futures.ManualTimer;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.IoRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub resolver against scripted servers: cache and its clock, coalescing, failover, result kinds, closing. */
class StubResolverTest {
    static final Record WWW = Record.of("www.example.test.", 300, ARdata.of("192.0.2.1"));
    static final Record SOA = Record.of("example.test.", 3600, new SoaRdata(Name.of("ns1.example.test."),
            Name.of("hostmaster.example.test."), 1, 3600, 600, 86400, 60));

    private IoRuntime runtime;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        runtime = IoRuntime.builder().name("resolver-test").ioThreads(1).callbackThreads(2).build();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        runtime.close();
    }

    private FakeServer server(FakeServer.Script script) throws Exception {
        FakeServer s = FakeServer.start(script);
        toClose.add(s);
        return s;
    }

    private StubResolver resolver(List<FakeServer> servers, Consumer<ResolverConfig.Builder> config,
            Consumer<StubResolver.Builder> options) {
        ResolverConfig.Builder c = ResolverConfig.builder().timeout(Duration.ofSeconds(2)).attempts(1);
        for (FakeServer s : servers) {
            c.nameserver(s.address());
        }
        config.accept(c);
        StubResolver.Builder b = StubResolver.builder(c.build()).runtime(runtime);
        options.accept(b);
        StubResolver r = b.build();
        toClose.add(0, r);
        return r;
    }

    private StubResolver resolver(FakeServer server, Consumer<StubResolver.Builder> options) {
        return resolver(List.of(server), c -> { }, options);
    }

    static byte[] negative(Message q, Rcode rcode, Record soa) {
        return Message.responseTo(q).flags(Flag.RA).rcode(rcode).authority(soa).build().toWire();
    }

    @Test
    void cachedTtlsCountDownOnTheClockAndExpire() throws Exception {
        ManualTimer clock = new ManualTimer();
        FakeServer server = server((q, t) -> List.of(FakeServer.answer(q, WWW)));
        StubResolver r = resolver(server, b -> b.ticker(clock));
        LookupResult<Record> first = await(r.lookup(Name.of("www.example.test"), RRType.A));
        assertEquals(300, first.values().get(0).ttl());
        clock.advance(Duration.ofSeconds(100));
        LookupResult<Record> later = await(r.lookup(Name.of("www.example.test"), RRType.A));
        assertEquals(List.of(WWW.withTtl(200)), later.values());
        assertEquals(200, ((LookupResult.Answer<Record>) later).ttl());
        clock.advance(Duration.ofMillis(199_999));
        assertEquals(1, await(r.lookup(Name.of("www.example.test"), RRType.A)).values().get(0).ttl());
        assertEquals(1, server.queryCount());
        clock.advance(Duration.ofMillis(1));
        assertEquals(300, await(r.lookup(Name.of("www.example.test"), RRType.A)).values().get(0).ttl());
        assertEquals(2, server.queryCount());
    }

    @Test
    void nxdomainIsCachedForTheSoaMinimumAndNodataForTheSoaTtlWhenSmaller() throws Exception {
        ManualTimer clock = new ManualTimer();
        Record shortSoa = SOA.withTtl(30);
        FakeServer server = server((q, t) -> q.question().get(0).type().equals(RRType.A)
                ? List.of(negative(q, Rcode.NXDOMAIN, SOA))        // SOA TTL 3600, MINIMUM 60: cached 60 s
                : List.of(negative(q, Rcode.NOERROR, shortSoa)));  // SOA TTL 30, MINIMUM 60: cached 30 s
        StubResolver r = resolver(server, b -> b.ticker(clock));
        Name nope = Name.of("nope.example.test");
        LookupResult<Record> nx = await(r.lookup(nope, RRType.A));
        assertInstanceOf(LookupResult.NxDomain.class, nx);
        assertEquals(60, ((LookupResult.NxDomain<Record>) nx).soa().get().ttl());
        clock.advance(Duration.ofSeconds(59));
        LookupResult<Record> cached = await(r.lookup(nope, RRType.A));
        assertEquals(1, ((LookupResult.NxDomain<Record>) cached).soa().get().ttl());
        assertEquals(1, server.queryCount());
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(LookupResult.NxDomain.class, await(r.lookup(nope, RRType.A)));
        assertEquals(2, server.queryCount());

        Name www = Name.of("www.example.test");
        assertInstanceOf(LookupResult.NoData.class, await(r.lookup(www, RRType.MX)));
        clock.advance(Duration.ofSeconds(29));
        assertInstanceOf(LookupResult.NoData.class, await(r.lookup(www, RRType.MX)));
        assertEquals(3, server.queryCount());
        clock.advance(Duration.ofSeconds(1));
        await(r.lookup(www, RRType.MX));
        assertEquals(4, server.queryCount());
    }

    @Test
    void aThousandConcurrentIdenticalLookupsSendOneQuery() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeServer server = server((q, t) -> {
            release.await(20, TimeUnit.SECONDS);
            return List.of(FakeServer.answer(q, WWW));
        });
        StubResolver r = resolver(server, b -> { });
        List<Promise<LookupResult<Record>>> all = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 250; i++) {
                    all.add(r.lookup("www.example.test.", RRType.A));
                }
            });
            th.start();
            callers.add(th);
        }
        go.countDown();
        for (Thread th : callers) {
            th.join();
        }
        release.countDown();
        assertEquals(1000, all.size());
        for (Promise<LookupResult<Record>> p : all) {
            assertEquals(List.of(WWW), await(p).values());
        }
        assertEquals(1, server.queryCount());
    }

    @Test
    void aSilentServerIsSkippedAndTheNextServerAnswers() throws Exception {
        FakeServer silent = server((q, t) -> List.of());
        FakeServer good = server((q, t) -> List.of(FakeServer.answer(q, WWW)));
        StubResolver r = resolver(List.of(silent, good), c -> c.timeout(Duration.ofMillis(300)).attempts(2),
                b -> b.cache(CachePolicy.DISABLED));
        assertEquals(List.of(WWW), await(r.lookup(Name.of("www.example.test"), RRType.A)).values());
        assertEquals(1, silent.queryCount());
        // the silent server's smoothed RTT sank below the good one's: it is asked second now
        assertEquals(List.of(WWW), await(r.lookup(Name.of("www.example.test"), RRType.A)).values());
        assertEquals(1, silent.queryCount());
        assertEquals(2, good.queryCount());
    }

    @Test
    void servfailAndRefusedMoveOnToTheNextServer() throws Exception {
        FakeServer failing = server((q, t) -> List.of(Message.responseTo(q).rcode(Rcode.SERVFAIL).build().toWire()));
        FakeServer refusing = server((q, t) -> List.of(Message.responseTo(q).rcode(Rcode.REFUSED).build().toWire()));
        FakeServer good = server((q, t) -> List.of(FakeServer.answer(q, WWW)));
        StubResolver r = resolver(List.of(failing, refusing, good), c -> { }, b -> b.cache(CachePolicy.DISABLED));
        assertEquals(List.of(WWW), await(r.lookup(Name.of("www.example.test"), RRType.A)).values());
        assertEquals(1, failing.queryCount());
        assertEquals(1, refusing.queryCount());
    }

    @Test
    void eachFailureIsItsOwnKindOfResult() throws Exception {
        ExtendedError bogus = new ExtendedError(ExtendedErrorCode.DNSSEC_BOGUS, "signature mismatch");
        ExtendedError stale = ExtendedError.of(ExtendedErrorCode.NO_REACHABLE_AUTHORITY);
        ExtendedError prohibited = ExtendedError.of(ExtendedErrorCode.PROHIBITED);
        FakeServer server = server((q, t) -> {
            String n = q.question().get(0).name().toString();
            Message.Builder b = Message.responseTo(q).flags(Flag.RA).edns(Edns.DEFAULT);
            if (n.startsWith("bogus")) {
                return List.of(b.rcode(Rcode.SERVFAIL).edns(Edns.DEFAULT.withOption(bogus)).build().toWire());
            } else if (n.startsWith("fail")) {
                return List.of(b.rcode(Rcode.SERVFAIL).edns(Edns.DEFAULT.withOption(stale)).build().toWire());
            } else if (n.startsWith("refused")) {
                return List.of(b.rcode(Rcode.REFUSED).edns(Edns.DEFAULT.withOption(prohibited)).build().toWire());
            } else if (n.startsWith("silent")) {
                return List.of();
            }
            return List.of(b.rcode(Rcode.NXDOMAIN).authority(SOA).build().toWire());
        });
        StubResolver r = resolver(List.of(server), c -> c.timeout(Duration.ofMillis(300)), b -> { });
        LookupResult<Record> res = await(r.lookup(Name.of("bogus.example.test"), RRType.A));
        assertEquals(new LookupResult.Bogus<>(Name.of("bogus.example.test"), List.of(bogus)), res);
        res = await(r.lookup(Name.of("fail.example.test"), RRType.A));
        assertEquals(LookupResult.Status.SERVFAIL, res.status());
        assertEquals(List.of(stale), ((LookupResult.ServFail<Record>) res).errors());
        res = await(r.lookup(Name.of("refused.example.test"), RRType.A));
        assertEquals(new LookupResult.Refused<>(Name.of("refused.example.test"), List.of(prohibited)), res);
        res = await(r.lookup(Name.of("silent.example.test"), RRType.A));
        assertEquals(LookupResult.Status.TIMEOUT, res.status());
        assertTrue(((LookupResult.Timeout<Record>) res).detail().contains("timed out"), res.toString());
        res = await(r.lookup(Name.of("nothing.example.test"), RRType.A));
        assertEquals(LookupResult.Status.NXDOMAIN, res.status());
        LookupException x = assertThrows(LookupException.class, res::valuesOrThrow);
        assertEquals(res, x.result());
    }

    @Test
    void aTimeoutArrivesWithinTheLookupDeadlineAcrossServersAndAttempts() throws Exception {
        FakeServer a = server((q, t) -> List.of());
        FakeServer b = server((q, t) -> List.of());
        StubResolver r = resolver(List.of(a, b), c -> c.timeout(Duration.ofMillis(200)).attempts(2), x -> { });
        long start = System.nanoTime();
        LookupResult<Record> res = await(r.lookup(Name.of("www.example.test"), RRType.A));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(LookupResult.Status.TIMEOUT, res.status());
        assertEquals(2, a.queryCount());
        assertEquals(2, b.queryCount());
        assertTrue(ms >= 790 && ms < 8_000, ms + " ms");
    }

    @Test
    void closingLeavesNoThreadAndNoSocketBehind() throws Exception {
        Set<Thread> before = TestSupport.liveThreads();
        FakeServer server = server((q, t) -> q.question().get(0).name().toString().startsWith("slow")
                ? List.of() : List.of(FakeServer.answer(q, WWW)));
        StubResolver r = StubResolver.builder(ResolverConfig.builder().nameserver(server.address())
                .timeout(Duration.ofSeconds(20)).build()).clientOptions(ClientOptions.builder().build()).build();
        assertEquals(List.of(WWW), await(r.lookup(Name.of("www.example.test"), RRType.A)).values());
        StubResolver tcp = StubResolver.builder(ResolverConfig.builder().nameserver(server.address()).useTcp(true).build()).build();
        assertEquals(List.of(WWW), await(tcp.lookup(Name.of("www.example.test"), RRType.A)).values());
        Promise<LookupResult<Record>> pending = r.lookup(Name.of("slow.example.test"), RRType.A);
        r.close();
        tcp.close();
        ExecutionException x = assertThrows(ExecutionException.class, () -> await(pending));
        assertInstanceOf(org.dunlin.futures.io.ConnectionClosedException.class, x.getCause());
        assertTrue(r.runtime().isClosed());
        assertEquals(0, r.runtime().openResources());
        assertEquals(Set.of(), TestSupport.threadsLeftOver(before, Duration.ofSeconds(10)));
        assertInstanceOf(IllegalStateException.class, assertThrows(ExecutionException.class,
                () -> await(r.lookupIp("www.example.test"))).getCause());
    }

    @Test
    void aCnameChainInTheResponseIsFollowed() throws Exception {
        Record alias = Record.of("alias.example.test.", 120, new org.dunlin.dns.wire.rdata.CnameRdata(Name.of("www.example.test.")));
        FakeServer server = server((q, t) -> List.of(FakeServer.answer(q, alias, WWW)));
        StubResolver r = resolver(server, b -> { });
        LookupResult.Answer<Record> a = (LookupResult.Answer<Record>) await(r.lookup(Name.of("alias.example.test"), RRType.A));
        assertEquals(List.of(WWW), a.values());
        assertEquals(List.of(alias), a.chain());
        assertEquals(Name.of("www.example.test"), a.canonicalName());
        assertEquals(120, a.ttl());
        assertEquals(1, server.queryCount());
    }

    @Test
    void anIncompleteChainIsCompletedWithAQueryForItsLastName() throws Exception {
        Record alias = Record.of("alias.example.test.", 120, new org.dunlin.dns.wire.rdata.CnameRdata(Name.of("www.other.test.")));
        Record target = Record.of("www.other.test.", 60, ARdata.of("198.51.100.7"));
        FakeServer server = server((q, t) -> {
            Name n = q.question().get(0).name();
            if (n.equals(Name.of("alias.example.test"))) {
                return List.of(Message.responseTo(q).flags(Flag.AA).answer(alias).build().toWire());
            }
            return List.of(Message.responseTo(q).flags(Flag.AA).answer(target).build().toWire());
        });
        StubResolver r = resolver(server, b -> { });
        LookupResult.Answer<Record> a = (LookupResult.Answer<Record>) await(r.lookup(Name.of("alias.example.test"), RRType.A));
        assertEquals(List.of(target), a.values());
        assertEquals(List.of(alias), a.chain());
        assertEquals(60, a.ttl());
        assertEquals(2, server.queryCount());
    }

    @Test
    void aCnameLoopAcrossQueriesIsAFailureNotAHang() throws Exception {
        Record ab = Record.of("a.example.test.", 60, new org.dunlin.dns.wire.rdata.CnameRdata(Name.of("b.example.test.")));
        Record ba = Record.of("b.example.test.", 60, new org.dunlin.dns.wire.rdata.CnameRdata(Name.of("a.example.test.")));
        FakeServer server = server((q, t) -> List.of(Message.responseTo(q).flags(Flag.AA)
                .answer(q.question().get(0).name().equals(Name.of("a.example.test")) ? ab : ba).build().toWire()));
        StubResolver r = resolver(server, b -> { });
        LookupResult<Record> res = await(r.lookup(Name.of("a.example.test"), RRType.A));
        assertEquals(LookupResult.Status.SERVFAIL, res.status());
        assertTrue(((LookupResult.ServFail<Record>) res).detail().contains("loop"), res.toString());
        assertEquals(2, server.queryCount());
    }

    @Test
    void aLongChainStopsAtTheHopLimit() throws Exception {
        List<Record> chain = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            chain.add(Record.of("c" + i + ".example.test.", 60, new org.dunlin.dns.wire.rdata.CnameRdata(Name.of("c" + (i + 1) + ".example.test."))));
        }
        FakeServer server = server((q, t) -> List.of(FakeServer.answer(q, chain.toArray(new Record[0]))));
        StubResolver r = resolver(server, b -> b.maxChain(8));
        LookupResult<Record> res = await(r.lookup(Name.of("c0.example.test"), RRType.A));
        assertEquals(LookupResult.Status.SERVFAIL, res.status());
        assertTrue(((LookupResult.ServFail<Record>) res).detail().contains("too long"), res.toString());
    }

    @Test
    void aDnameIsFollowedBySubstitution() throws Exception {
        Record dname = Record.of("old.test.", 300, new org.dunlin.dns.wire.rdata.DnameRdata(Name.of("new.test.")));
        Record target = Record.of("www.sub.new.test.", 60, ARdata.of("192.0.2.44"));
        // a server that sends the DNAME and the data but not the synthesized CNAME (older servers)
        FakeServer server = server((q, t) -> List.of(FakeServer.answer(q, dname, target)));
        StubResolver r = resolver(server, b -> { });
        LookupResult.Answer<Record> a = (LookupResult.Answer<Record>) await(r.lookup(Name.of("www.sub.old.test"), RRType.A));
        assertEquals(List.of(target), a.values());
        assertEquals(List.of(dname), a.chain());
        assertEquals(Name.of("www.sub.new.test"), a.canonicalName());
    }

    @Test
    void typedLookupsOrderTheirValues() throws Exception {
        FakeServer server = server((q, t) -> {
            Question qq = q.question().get(0);
            Name n = qq.name();
            List<Record> rs = new ArrayList<>();
            if (qq.type().equals(RRType.MX)) {
                rs.add(Record.fromText(n + " 60 IN MX 20 mx2.example.test."));
                rs.add(Record.fromText(n + " 60 IN MX 10 mx1.example.test."));
            } else if (qq.type().equals(RRType.SRV)) {
                rs.add(Record.fromText(n + " 60 IN SRV 20 0 5060 backup.example.test."));
                rs.add(Record.fromText(n + " 60 IN SRV 10 5 5060 b.example.test."));
                rs.add(Record.fromText(n + " 60 IN SRV 10 0 5060 a.example.test."));
            } else if (qq.type().equals(RRType.TXT)) {
                rs.add(Record.fromText(n + " 60 IN TXT \"v=spf1\" \" -all\""));
            } else if (qq.type().equals(RRType.PTR)) {
                rs.add(Record.fromText(n + " 60 IN PTR host.example.test."));
            } else if (qq.type().equals(RRType.A)) {
                rs.add(Record.fromText(n + " 60 IN A 192.0.2.1"));
            } else if (qq.type().equals(RRType.AAAA)) {
                rs.add(Record.fromText(n + " 60 IN AAAA 2001:db8::1"));
            }
            return List.of(FakeServer.answer(q, rs.toArray(new Record[0])));
        });
        StubResolver r = resolver(server, b -> b.addressSelection(new AddressSelection(d -> java.util.Optional.empty())));
        List<org.dunlin.dns.wire.rdata.MxRdata> mx = await(r.lookupMx("example.test.")).valuesOrThrow();
        assertEquals(List.of(10, 20), mx.stream().map(org.dunlin.dns.wire.rdata.MxRdata::preference).toList());
        List<org.dunlin.dns.wire.rdata.SrvRdata> srv = await(r.lookupSrv("_sip._tcp.example.test.")).valuesOrThrow();
        assertEquals(List.of(10, 10, 20), srv.stream().map(org.dunlin.dns.wire.rdata.SrvRdata::priority).toList());
        assertEquals("v=spf1 -all", await(r.lookupTxt("example.test.")).valuesOrThrow().get(0).text());
        assertEquals(List.of(Name.of("host.example.test")),
                await(r.reverse(InetAddress.getByName("192.0.2.1"))).valuesOrThrow());
        assertEquals(Name.of("1.2.0.192.in-addr.arpa"), server.queries().get(server.queryCount() - 1).question().get(0).name());
        List<InetAddress> ips = await(r.lookupIp("host.example.test.")).valuesOrThrow();
        assertEquals(Set.of(InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1")), Set.copyOf(ips));
    }

    @Test
    void addressLookupsAskAAndAaaaInParallel() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        FakeServer server = server((q, t) -> {
            both.countDown();
            // each answer waits until both queries have arrived: only parallel queries can finish
            if (!both.await(10, TimeUnit.SECONDS)) {
                return List.of();
            }
            Name n = q.question().get(0).name();
            return List.of(FakeServer.answer(q, q.question().get(0).type().equals(RRType.A)
                    ? Record.fromText(n + " 60 IN A 192.0.2.1") : Record.fromText(n + " 60 IN AAAA 2001:db8::1")));
        });
        StubResolver r = resolver(server, b -> b.addressSelection(new AddressSelection(d -> java.util.Optional.empty())));
        Promise<LookupResult<InetAddress>> p = r.lookupIp("dual.example.test.");
        assertEquals(2, p.get(30, TimeUnit.SECONDS).values().size());
    }

    @Test
    void hostsLocalhostAndLiteralsNeverReachTheNetwork() throws Exception {
        FakeServer server = server((q, t) -> List.of());
        StubResolver r = resolver(List.of(server), c -> c.hosts(HostsFile.parse("10.1.2.3 db.internal db\n")), b -> { });
        assertEquals(List.of(InetAddress.getByName("10.1.2.3")), await(r.lookupIp("db")).values());
        assertEquals(List.of(InetAddress.getByName("10.1.2.3")), await(r.lookupIp("DB.internal")).values());
        assertEquals(Set.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")),
                Set.copyOf(await(r.lookupIp("localhost")).values()));
        assertEquals(List.of(InetAddress.getByName("2001:db8::5")), await(r.lookupIp("2001:db8::5")).values());
        assertEquals(List.of(Name.of("db.internal")), await(r.reverse(InetAddress.getByName("10.1.2.3"))).values());
        assertEquals(0, server.queryCount());
        assertInstanceOf(IllegalArgumentException.class,
                assertThrows(ExecutionException.class, () -> await(r.lookup("bad..name", RRType.A))).getCause());
    }

    @Test
    void theSearchWalkGoesOnAfterNxdomainNodataAndServfailButNotAfterATimeout() throws Exception {
        FakeServer server = server((q, t) -> {
            String n = q.question().get(0).name().toString();
            Message.Builder b = Message.responseTo(q).flags(Flag.RA);
            if (n.startsWith("slow")) {
                return List.of();
            }
            if (n.endsWith("nodata.test.")) {
                return List.of(b.authority(SOA).build().toWire());
            }
            if (n.endsWith("broken.test.")) {
                return List.of(b.rcode(Rcode.SERVFAIL).build().toWire());
            }
            if (n.endsWith("refused.test.")) {
                return List.of(b.rcode(Rcode.REFUSED).build().toWire());
            }
            if (n.endsWith("good.test.")) {
                return List.of(FakeServer.answer(q, Record.of(q.question().get(0).name(), 60, ARdata.of("192.0.2.9"))));
            }
            return List.of(b.rcode(Rcode.NXDOMAIN).authority(SOA).build().toWire());
        });
        StubResolver r = resolver(List.of(server), c -> c.timeout(Duration.ofMillis(300))
                .search("missing.test", "nodata.test", "broken.test", "good.test"), b -> b.cache(CachePolicy.DISABLED));
        LookupResult<Record> res = await(r.lookup("host", RRType.A));
        assertEquals(Name.of("host.good.test"), res.name());
        assertEquals(List.of("host.missing.test.", "host.nodata.test.", "host.broken.test.", "host.good.test."),
                server.queries().stream().map(m -> m.question().get(0).name().toString()).toList());

        // without an answer anywhere, the first NODATA is reported (glibc's rule)
        StubResolver none = resolver(List.of(server), c -> c.search("missing.test", "broken.test", "nodata.test"),
                b -> b.cache(CachePolicy.DISABLED));
        LookupResult<Record> nodata = await(none.lookup("host", RRType.A));
        assertEquals(LookupResult.Status.NODATA, nodata.status());
        assertEquals(Name.of("host.nodata.test"), nodata.name());

        // REFUSED skips the rest of the list but the name is still tried as is; a timeout ends the walk
        StubResolver refused = resolver(List.of(server), c -> c.timeout(Duration.ofMillis(300))
                .search("refused.test", "good.test"), b -> b.cache(CachePolicy.DISABLED));
        int before = server.queryCount();
        LookupResult<Record> rr = await(refused.lookup("host", RRType.A));
        assertEquals(List.of("host.refused.test.", "host."), server.queries().subList(before, server.queryCount())
                .stream().map(m -> m.question().get(0).name().toString()).toList());
        assertEquals(LookupResult.Status.NXDOMAIN, rr.status());
        StubResolver slow = resolver(List.of(server), c -> c.timeout(Duration.ofMillis(300)).search("good.test"),
                b -> b.cache(CachePolicy.DISABLED));
        before = server.queryCount();
        assertEquals(LookupResult.Status.TIMEOUT, await(slow.lookup("slow", RRType.A)).status());
        assertEquals(1, server.queryCount() - before, "a timeout must not walk on");
    }

    @Test
    void cancellingEveryLookupOfAQuestionClosesItsSocket() throws Exception {
        FakeServer server = server((q, t) -> List.of());
        StubResolver r = resolver(List.of(server), c -> c.timeout(Duration.ofSeconds(20)), b -> { });
        Promise<LookupResult<Record>> a = r.lookup(Name.of("www.example.test"), RRType.A);
        Promise<LookupResult<Record>> b = r.lookup(Name.of("www.example.test"), RRType.A);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.queryCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, runtime.openResources());
        a.cancel(true);
        Thread.sleep(50);
        assertEquals(1, runtime.openResources(), "the other lookup still waits");
        b.cancel(true);
        while (runtime.openResources() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, runtime.openResources());
        assertEquals(1, server.queryCount());
    }
}
