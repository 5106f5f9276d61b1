package org.dunlin.dns.resolver;

import static org.dunlin.dns.resolver.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.futures.io.IoRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stub behind a real validating recursive resolver: Unbound, with trust anchors for two zones that
 * BIND serves — {@code good.test} signed properly, {@code bad.test} with signatures that expired in 2020
 * (both signed at test time with {@code dnssec-keygen} and {@code dnssec-signzone}). Through Unbound the
 * stub sees a validated answer with AD (believed with {@code trust-ad}), a bogus answer as SERVFAIL with
 * a DNSSEC Extended DNS Error (our {@code Bogus}), and a validated NXDOMAIN.
 */
class UnboundInteropTest {
    @TempDir
    static Path dir;
    private static IoRuntime runtime;
    private static NamedServer named;
    private static Process unbound;
    private static InetSocketAddress unboundAddress;

    @BeforeAll
    static void start() throws Exception {
        TestSupport.requirePeer(NamedServer.available() && TestSupport.executable("unbound")
                && TestSupport.executable("dnssec-keygen") && TestSupport.executable("dnssec-signzone"),
                "BIND (named, dnssec-keygen, dnssec-signzone) and Unbound");
        runtime = IoRuntime.builder().name("unbound-interop").ioThreads(1).callbackThreads(2).build();
        Map<String, Path> zones = new LinkedHashMap<>();
        List<String> anchors = new ArrayList<>();
        for (String z : List.of("good", "bad")) {
            Path unsigned = dir.resolve(z + ".zone");
            Files.writeString(unsigned, "$TTL 300\n@ SOA ns1 host 1 3600 600 86400 60\n@ NS ns1\nns1 A 127.0.0.1\n"
                    + "www A 192.0.2.10\nwww AAAA 2001:db8::10\nalias CNAME www\n");
            String key = run("dnssec-keygen", "-q", "-a", "ECDSAP256SHA256", "-f", "KSK", "-K", dir.toString(), z + ".test").strip();
            String dnskey = Files.readString(dir.resolve(key + ".key"));
            Files.writeString(unsigned, dnskey, java.nio.file.StandardOpenOption.APPEND);
            for (String line : dnskey.split("\n")) {
                if (line.contains("DNSKEY") && !line.startsWith(";")) {
                    anchors.add(line.strip());
                }
            }
            List<String> sign = new ArrayList<>(List.of("dnssec-signzone", "-q", "-z", "-K", dir.toString()));
            if (z.equals("bad")) {
                sign.addAll(List.of("-P", "-s", "20200101000000", "-e", "20200201000000"));
            }
            sign.addAll(List.of("-o", z + ".test", "-f", dir.resolve(z + ".signed").toString(), unsigned.toString()));
            run(sign.toArray(new String[0]));
            zones.put(z + ".test", dir.resolve(z + ".signed"));
        }
        named = NamedServer.start(zones, dir, runtime);
        int port = NamedServer.freePort();
        StringBuilder conf = new StringBuilder("server:\n  interface: 127.0.0.1\n  port: " + port + "\n  do-ip6: no\n"
                + "  username: \"\"\n  chroot: \"\"\n  directory: \"" + dir + "\"\n  pidfile: \"" + dir + "/unbound.pid\"\n"
                + "  use-syslog: no\n  logfile: \"" + dir + "/unbound.log\"\n  verbosity: 1\n  ede: yes\n"
                + "  do-not-query-localhost: no\n  module-config: \"validator iterator\"\n  local-zone: \"test.\" nodefault\n"
                + "  access-control: 127.0.0.0/8 allow\n");
        for (String a : anchors) {
            conf.append("  trust-anchor: \"").append(a).append("\"\n");
        }
        for (String z : zones.keySet()) {
            conf.append("stub-zone:\n  name: \"").append(z).append("\"\n  stub-addr: 127.0.0.1@")
                    .append(named.address().getPort()).append('\n');
        }
        conf.append("remote-control:\n  control-enable: no\n");
        Files.writeString(dir.resolve("unbound.conf"), conf);
        unbound = new ProcessBuilder(TestSupport.which("unbound"), "-d", "-c", dir.resolve("unbound.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("unbound.out").toFile()).start();
        unboundAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        awaitUnbound();
    }

    private static void awaitUnbound() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (DnsClient c = DnsClient.create(runtime, unboundAddress)) {
            while (System.nanoTime() < deadline && unbound.isAlive()) {
                try {
                    c.exchange(Message.builder().question(Question.of("ns1.good.test", RRType.A)).build(), Duration.ofMillis(500))
                            .get(5, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    Thread.sleep(100);
                }
            }
        }
        throw new IllegalStateException("unbound did not start:\n" + Files.readString(dir.resolve("unbound.out")));
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + err);
        }
        return out;
    }

    @AfterAll
    static void stop() throws Exception {
        if (unbound != null) {
            unbound.destroy();
            if (!unbound.waitFor(10, TimeUnit.SECONDS)) {
                unbound.destroyForcibly();
            }
        }
        if (named != null) {
            named.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private static StubResolver resolver(boolean trustAd) {
        return StubResolver.builder(ResolverConfig.builder().nameserver(unboundAddress).timeout(Duration.ofSeconds(5))
                .trustAd(trustAd).build()).runtime(runtime).build();
    }

    @Test
    void aValidatedAnswerIsAuthenticatedOnlyWithTrustAd() throws Exception {
        try (StubResolver trusting = resolver(true); StubResolver plain = resolver(false)) {
            LookupResult.Answer<Record> a = (LookupResult.Answer<Record>) await(trusting.lookup(Name.of("alias.good.test"), RRType.A));
            assertTrue(a.authenticated(), "Unbound validated it and set AD");
            assertEquals(Name.of("www.good.test"), a.canonicalName());
            assertEquals(1, a.chain().size());
            LookupResult.Answer<Record> b = (LookupResult.Answer<Record>) await(plain.lookup(Name.of("www.good.test"), RRType.A));
            assertFalse(b.authenticated(), "without trust-ad the AD bit is not believed");
            assertEquals(List.of(InetAddress.getByName("2001:db8::10"), InetAddress.getByName("192.0.2.10")).size(),
                    await(trusting.lookupIp("www.good.test.")).values().size());
        }
    }

    @Test
    void aBogusAnswerIsBogusWithItsExtendedError() throws Exception {
        try (StubResolver r = resolver(true)) {
            LookupResult<Record> res = await(r.lookup(Name.of("www.bad.test"), RRType.A));
            assertInstanceOf(LookupResult.Bogus.class, res, res.toString());
            int code = ((LookupResult.Bogus<Record>) res).errors().get(0).infoCode().value();
            assertTrue(code >= 6 && code <= 12, "a DNSSEC EDE: " + res);
        }
    }

    @Test
    void aValidatedNxdomainIsNxdomain() throws Exception {
        try (StubResolver r = resolver(true)) {
            assertEquals(LookupResult.Status.NXDOMAIN, await(r.lookup(Name.of("nope.good.test"), RRType.A)).status());
            assertEquals(LookupResult.Status.NODATA, await(r.lookup(Name.of("www.good.test"), RRType.MX)).status());
        }
    }
}
