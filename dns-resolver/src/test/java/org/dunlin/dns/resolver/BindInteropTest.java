package org.dunlin.dns.resolver;

import static org.dunlin.dns.resolver.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.dunlin.futures.io.IoRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver against BIND 9: a zone with every record type dns-wire supports is served by
 * {@code named} on loopback, and every RRset our resolver gets is the one {@code dig} gets from the
 * same server (dig's answer lines parsed back into records and compared as sets, TTLs included). Also:
 * alias chains, negative answers with their RFC 2308 TTL, and an RRset too large for UDP that arrives
 * whole over TCP.
 */
class BindInteropTest {
    private static final Name ORIGIN = Name.of("example.test.");
    private static final String ZONE = "/zones/every-type.zone";

    @TempDir
    static Path dir;
    private static IoRuntime runtime;
    private static NamedServer named;
    private static StubResolver resolver;

    @BeforeAll
    static void start() throws Exception {
        TestSupport.requirePeer(NamedServer.available() && TestSupport.executable("dig"), "BIND (named and dig)");
        runtime = IoRuntime.builder().name("bind-interop").ioThreads(1).callbackThreads(2).build();
        named = NamedServer.start(ORIGIN.toString(), ZONE, dir, runtime);
        resolver = StubResolver.builder(ResolverConfig.builder().nameserver(named.address())
                .timeout(Duration.ofSeconds(3)).attempts(2).build())
                .runtime(runtime).cache(CachePolicy.DISABLED).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (resolver != null) {
            resolver.close();
        }
        if (named != null) {
            named.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The zone's RRsets as (owner, type) keys in file order. */
    private static Map<String, Set<Record>> zoneRrsets() throws Exception {
        String text;
        try (InputStream in = BindInteropTest.class.getResourceAsStream(ZONE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Set<Record>> out = new LinkedHashMap<>();
        for (Record r : ZoneParser.of(ORIGIN).parse(text, "every-type.zone")) {
            out.computeIfAbsent(key(r.owner(), r.type()), k -> new HashSet<>()).add(r);
        }
        return out;
    }

    private static String key(Name owner, RRType type) {
        return owner.toString().toLowerCase() + " " + type;
    }

    /** Runs dig in batch mode for {@code queries} ("name type" lines) and returns its answer records. */
    private static List<Record> dig(List<String> queries, String... options) throws Exception {
        Path batch = Files.createTempFile(dir, "batch", ".txt");
        Files.write(batch, queries);
        List<String> cmd = new ArrayList<>(List.of("dig", "@127.0.0.1", "-p", String.valueOf(named.address().getPort()),
                "+noall", "+answer", "+norecurse", "+tries=2", "+time=3"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of("-f", batch.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dig did not finish");
        List<Record> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank() || line.startsWith(";")) {
                continue;
            }
            try {
                records.add(Record.fromText(line));
            } catch (TextParseException e) {
                throw new AssertionError("cannot parse dig's line: " + line, e);
            }
        }
        return records;
    }

    @Test
    void everyRecordTypeInAZoneServedByBindMatchesDig() throws Exception {
        Map<String, Set<Record>> zone = zoneRrsets();
        List<String> queries = new ArrayList<>();
        for (String k : zone.keySet()) {
            queries.add(k);
        }
        Map<String, Set<Record>> theirs = new TreeMap<>();
        for (Record r : dig(queries)) {
            theirs.computeIfAbsent(key(r.owner(), r.type()), k -> new HashSet<>()).add(r);
        }
        Map<String, Set<Record>> ours = new TreeMap<>();
        Set<RRType> typesAnswered = new HashSet<>();
        for (Map.Entry<String, Set<Record>> e : zone.entrySet()) {
            Record any = e.getValue().iterator().next();
            LookupResult<Record> r = await(resolver.lookup(any.owner(), any.type()));
            if (r instanceof LookupResult.Answer<Record> a) {
                for (Record rec : a.records()) {
                    ours.computeIfAbsent(key(rec.owner(), rec.type()), k -> new HashSet<>()).add(rec);
                    typesAnswered.add(rec.type());
                }
                for (Record rec : a.chain()) {
                    ours.computeIfAbsent(key(rec.owner(), rec.type()), k -> new HashSet<>()).add(rec);
                }
            }
        }
        assertEquals(theirs, ours, "our answers and dig's, RRset by RRset");
        // the comparison covered every type of the zone, which has every type dns-wire knows in zone data
        // (BIND keeps NSEC3 records in a tree of their own and does not answer queries for them)
        Set<RRType> inZone = new HashSet<>();
        zone.values().forEach(rs -> rs.forEach(r -> inZone.add(r.type())));
        inZone.remove(RRType.NSEC3);
        assertEquals(inZone, typesAnswered);
        for (RRType t : Rdata.supportedTypes()) {
            if (!t.isMetaType() && !inZone.contains(t) && !t.equals(RRType.NSEC3)) {
                System.out.println("BindInteropTest: dns-wire now supports " + t + ", which every-type.zone lacks");
            }
        }
        assertTrue(inZone.size() >= 55, "the zone has only " + inZone.size() + " types");
        assertTrue(ours.size() > 90, "only " + ours.size() + " RRsets compared");
    }

    @Test
    void aliasChainsMatchDig() throws Exception {
        for (String q : List.of("alias2.example.test. A", "alias2.example.test. AAAA", "x.dname.example.test. A")) {
            String[] f = q.split(" ");
            LookupResult.Answer<Record> a = (LookupResult.Answer<Record>) await(resolver.lookup(Name.of(f[0]), RRType.valueOf(f[1])));
            Set<Record> ours = new HashSet<>(a.records());
            ours.addAll(a.chain());
            Set<Record> theirs = new HashSet<>(dig(List.of(q)));
            // dig also shows the CNAME BIND synthesizes from the DNAME; we follow the DNAME itself
            theirs.removeIf(r -> r.type().equals(RRType.CNAME) && r.owner().equals(Name.of("x.dname.example.test")));
            assertEquals(theirs, ours, q);
        }
    }

    @Test
    void aLargeRrsetTruncatedOverUdpArrivesWholeOverTcp() throws Exception {
        DnsClient client = resolver.clients().get(0);
        long truncatedBefore = client.stats().truncated();
        long tcpBefore = client.stats().tcpQueries();
        LookupResult<Record> r = await(resolver.lookup(Name.of("big.example.test"), RRType.TXT));
        assertEquals(60, r.values().size());
        assertEquals(new HashSet<>(dig(List.of("big.example.test. TXT"), "+tcp")), new HashSet<>(r.values()));
        assertEquals(truncatedBefore + 1, client.stats().truncated());
        assertEquals(tcpBefore + 1, client.stats().tcpQueries());
    }

    @Test
    void negativeAnswersCarryTheRfc2308Ttl() throws Exception {
        LookupResult<Record> nx = await(resolver.lookup(Name.of("nope.example.test"), RRType.A));
        assertInstanceOf(LookupResult.NxDomain.class, nx);
        Record soa = ((LookupResult.NxDomain<Record>) nx).soa().orElseThrow();
        assertEquals(Math.min(3600, ((SoaRdata) soa.rdata()).minimum()), soa.ttl());
        LookupResult<Record> nodata = await(resolver.lookup(Name.of("www.example.test"), RRType.MX));
        assertInstanceOf(LookupResult.NoData.class, nodata);
        LookupResult<Record> outside = await(resolver.lookup(Name.of("outside.example.test"), RRType.A));
        // the alias leaves the zone; the follow-up question is refused by the authoritative-only server
        assertEquals(LookupResult.Status.REFUSED, outside.status());
    }

    @Test
    void typedLookupsAgainstBind() throws Exception {
        assertEquals(List.of(20), await(resolver.lookupMx("example.test.")).valuesOrThrow().stream()
                .map(org.dunlin.dns.wire.rdata.MxRdata::preference).toList());
        assertEquals(Name.of("mail.example.test"), await(resolver.lookupMx("mx.example.test.")).valuesOrThrow().get(0).exchange());
        assertEquals(5060, await(resolver.lookupSrv("srv.example.test.")).valuesOrThrow().get(0).port());
        assertEquals("hello world", await(resolver.lookupTxt("txt.example.test.")).valuesOrThrow().get(0).strings().get(0).toUtf8());
        assertEquals(List.of(Name.of("host.example.test")), await(resolver.lookup(Name.of("ptr.example.test"), RRType.PTR))
                .valuesOrThrow().stream().map(r -> ((org.dunlin.dns.wire.rdata.PtrRdata) r.rdata()).target()).toList());
        assertEquals(Set.of(InetAddress.getByName("192.0.2.80"), InetAddress.getByName("2001:db8::80")),
                Set.copyOf(await(resolver.lookupIp("alias2.example.test.")).valuesOrThrow()));
    }

    @Test
    void ourDigPrintsWhatDigPrints() throws Exception {
        String port = String.valueOf(named.address().getPort());
        for (String q : List.of("www.example.test A", "nope.example.test A", "txt.example.test TXT", "alias2.example.test A",
                "big.example.test TXT", "x.dname.example.test A +norecurse +dnssec", "mx.example.test MX +tcp",
                "example.test SOA +bufsize=4096", "caa.example.test CAA +noedns")) {
            List<String> args = new ArrayList<>(List.of("@127.0.0.1", "-p", port));
            args.addAll(List.of(q.split(" ")));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int status = org.dunlin.dns.resolver.cli.DigCommand.run(args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err, ResolverConfig::system, java.time.Clock.systemUTC());
            assertEquals(0, status);
            List<String> cmd = new ArrayList<>(List.of("dig"));
            cmd.addAll(args);
            cmd.add("+nocookie");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(normalize(theirs), normalize(out.toString(StandardCharsets.UTF_8)), q);
        }
    }

    /**
     * dig's output without what legitimately differs: the banner's program name, the ID, timing, date,
     * and the order of records within the answer section (BIND rotates RRsets between responses).
     */
    private static String normalize(String digOutput) {
        String s = digOutput.replaceAll("; <<>> [^<]*<<>> ", "; <<>> DIG <<>> ").replace(" +nocookie", "")
                .replaceAll("id: \\d+", "id: ID").replaceAll(";; Query time: \\d+ msec", ";; Query time")
                .replaceAll(";; WHEN: .*", ";; WHEN");
        List<String> blocks = new ArrayList<>();
        for (String block : s.split("\n\n", -1)) {
            if (block.startsWith(";; ANSWER SECTION:")) {
                List<String> lines = new ArrayList<>(List.of(block.split("\n")));
                List<String> records = new ArrayList<>(lines.subList(1, lines.size()));
                java.util.Collections.sort(records);
                block = lines.get(0) + "\n" + String.join("\n", records);
            }
            blocks.add(block);
        }
        return String.join("\n\n", blocks);
    }
}
