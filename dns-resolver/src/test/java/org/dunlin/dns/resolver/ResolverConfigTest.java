package org.dunlin.dns.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dunlin.dns.resolver.internal.ResolvConfParser;
import org.dunlin.dns.wire.Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** resolv.conf and hosts parsing with glibc's rules. */
class ResolverConfigTest {

    private static InetSocketAddress ns(String a) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(a), 53);
    }

    @Test
    void parsesEveryKeywordAndOption() throws Exception {
        ResolverConfig c = ResolverConfig.fromResolvConf("""
                # a comment
                ; another comment
                nameserver 192.0.2.53
                nameserver 2001:db8::53
                search corp.example lab.example.
                options ndots:3 timeout:2 attempts:4 rotate edns0 trust-ad use-vc no-aaaa debug
                sortlist 130.155.160.0/255.255.240.0
                """);
        assertEquals(List.of(ns("192.0.2.53"), ns("2001:db8::53")), c.nameservers());
        assertEquals(List.of(Name.of("corp.example"), Name.of("lab.example")), c.search());
        assertEquals(3, c.ndots());
        assertEquals(Duration.ofSeconds(2), c.timeout());
        assertEquals(4, c.attempts());
        assertTrue(c.rotate() && c.edns() && c.trustAd() && c.useTcp() && c.noAaaa());
    }

    @Test
    void followsGlibcLimitsAndDefaults() throws Exception {
        ResolverConfig c = ResolverConfig.fromResolvConf("""
                nameserver 192.0.2.1
                nameserver 192.0.2.2
                nameserver not-an-address
                nameserver 192.0.2.3
                nameserver 192.0.2.4
                options ndots:40 timeout:99 attempts:9
                """);
        // at most three servers (MAXNS); a bad address is skipped
        assertEquals(List.of(ns("192.0.2.1"), ns("192.0.2.2"), ns("192.0.2.3")), c.nameservers());
        assertEquals(15, c.ndots());
        assertEquals(Duration.ofSeconds(30), c.timeout());
        assertEquals(5, c.attempts());
        assertFalse(c.edns(), "without options edns0, glibc sends no EDNS");

        ResolverConfig empty = ResolverConfig.fromResolvConf("");
        assertEquals(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53)), empty.nameservers());
        assertEquals(1, empty.ndots());
        assertEquals(Duration.ofSeconds(5), empty.timeout());
        assertEquals(2, empty.attempts());
        assertEquals(List.of(), empty.search());
    }

    @Test
    void theLastOfDomainAndSearchWins() {
        assertEquals(List.of(Name.of("b.example")),
                ResolverConfig.fromResolvConf("search a.example x.example\ndomain b.example\n").search());
        assertEquals(List.of(Name.of("a.example"), Name.of("x.example")),
                ResolverConfig.fromResolvConf("domain b.example\nsearch a.example x.example\n").search());
    }

    @Test
    void keywordsMustStartTheLine() {
        assertEquals(List.of(), ResolverConfig.fromResolvConf("  search indented.example\n").search());
    }

    @Test
    void hostnameGivesTheDefaultSearchDomainAndTheEnvironmentOverrides() {
        ResolverConfig c = ResolvConfParser.parse("nameserver 192.0.2.1\n", "box.office.example", Map.of()).build();
        assertEquals(List.of(Name.of("office.example")), c.search());
        c = ResolvConfParser.parse("nameserver 192.0.2.1\nsearch a.example\n", "box.office.example",
                Map.of("LOCALDOMAIN", "env1.example env2.example", "RES_OPTIONS", "ndots:4 edns0")).build();
        assertEquals(List.of(Name.of("env1.example"), Name.of("env2.example")), c.search());
        assertEquals(4, c.ndots());
        assertTrue(c.edns());
    }

    @Test
    void readsFilesAndToleratesMissingOnes(@TempDir Path dir) throws Exception {
        Path rc = dir.resolve("resolv.conf");
        Path hosts = dir.resolve("hosts");
        Files.writeString(rc, "nameserver 192.0.2.9\r\noptions edns0\r\n");
        Files.writeString(hosts, "192.0.2.10 web.example web # the web\n::1 localhost6\nbad line here\n");
        ResolverConfig c = ResolverConfig.fromFiles(rc, hosts);
        assertEquals(List.of(ns("192.0.2.9")), c.nameservers());
        assertTrue(c.edns());
        assertEquals(List.of(InetAddress.getByName("192.0.2.10")), c.hosts().addresses(Name.of("WEB")));
        assertEquals(Name.of("localhost6"), c.hosts().name(InetAddress.getByName("::1")).orElseThrow());
        ResolverConfig missing = ResolverConfig.fromFiles(dir.resolve("nope"), dir.resolve("nope2"));
        assertEquals(1, missing.nameservers().size());
        assertEquals(0, missing.hosts().size());
    }

    @Test
    void theBuilderChecksItsInput() throws Exception {
        assertThrows(IllegalStateException.class, () -> ResolverConfig.builder().build());
        assertThrows(IllegalArgumentException.class, () -> ResolverConfig.builder().ndots(16));
        assertThrows(IllegalArgumentException.class, () -> ResolverConfig.builder().timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> ResolverConfig.builder().attempts(0));
        assertThrows(IllegalArgumentException.class,
                () -> ResolverConfig.builder().nameserver(InetSocketAddress.createUnresolved("dns.example", 53)));
        ResolverConfig c = ResolverConfig.builder().nameserver(ns("192.0.2.1")).search("a.example").build();
        assertEquals(c, c.toBuilder().build());
    }

    @Test
    void theSystemConfigurationLoads() {
        ResolverConfig c = ResolverConfig.system();
        assertFalse(c.nameservers().isEmpty());
    }
}
