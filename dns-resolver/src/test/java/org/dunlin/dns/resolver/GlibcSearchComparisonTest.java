package org.dunlin.dns.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.futures.io.IoRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search lists and ndots against glibc itself: for each resolv.conf and name, {@code getent ahosts NAME}
 * runs in a private mount namespace ({@code unshare -m}) whose {@code /etc/resolv.conf} is the test's
 * file, pointing at a scripted server on 127.0.0.X:53; then our resolver looks the same name up with the
 * same file against the same server. Both must ask for the same names in the same order and reach the
 * same addresses (or both fail).
 *
 * <p>Needs root (port 53, mounts), {@code unshare} and {@code getent}; skipped where they are not
 * permitted (containers without CAP_SYS_ADMIN). {@code SearchListTest} checks the same rules as a table
 * derived from glibc's algorithm everywhere.
 */
class GlibcSearchComparisonTest {
    /** Names with A records; everything else in test domains is NXDOMAIN, "mxonly" names are NODATA. */
    private static final Set<String> EXISTING = Set.of("host.b.test.", "host.x.", "deep.name.here.b.test.",
            "www.corp.test.", "www.other.corp.test.", "solo.", "abs.name.", "mxonly.b.test.");

    private static FakeServer server;
    private static InetSocketAddress address;
    private static final List<String> log = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeTrue(TestSupport.executable("unshare") && TestSupport.executable("getent"),
                "unshare or getent missing: glibc comparison skipped (SearchListTest covers the rules)");
        InetAddress local = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) ThreadLocalRandom.current().nextInt(2, 250)});
        try {
            server = FakeServer.start(new InetSocketAddress(local, 53), GlibcSearchComparisonTest::answer);
        } catch (IOException e) {
            Assumptions.abort("cannot bind " + local.getHostAddress() + ":53 (" + e.getMessage() + "): glibc comparison skipped");
        }
        address = server.address();
        Path probe = dir.resolve("probe.conf");
        Files.writeString(probe, "nameserver " + address.getAddress().getHostAddress() + "\n");
        Process p = new ProcessBuilder("unshare", "-m", "sh", "-c", "mount --bind " + probe + " /etc/resolv.conf && cat /etc/resolv.conf")
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(20, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(done && p.exitValue() == 0 && out.contains(address.getAddress().getHostAddress()),
                "unshare -m with a bind mount is not permitted here: glibc comparison skipped (" + out.trim() + ")");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static List<byte[]> answer(Message q, Transport t) {
        Question question = q.question().get(0);
        String name = question.name().toString().toLowerCase();
        synchronized (log) {
            log.add(name);
        }
        Message.Builder b = Message.responseTo(q).flags(Flag.RA);
        Record soa = StubResolverTest.SOA;
        if (name.startsWith("mxonly") && EXISTING.contains(name)) {
            return List.of(b.authority(soa).build().toWire());
        }
        if (!EXISTING.contains(name)) {
            return List.of(b.rcode(Rcode.NXDOMAIN).authority(soa).build().toWire());
        }
        if (question.type().equals(RRType.A)) {
            b.answer(Record.of(question.name(), 60, org.dunlin.dns.wire.rdata.ARdata.of("192.0.2." + (name.length() % 200 + 1))));
        } else {
            b.authority(soa);
        }
        return List.of(b.build().toWire());
    }

    @Test
    void searchListsAndNdotsAskTheSameNamesInTheSameOrderAsGlibc() throws Exception {
        String ns = "nameserver " + address.getAddress().getHostAddress() + "\n";
        String[][] cases = {
            {ns + "search a.test b.test\noptions ndots:2 timeout:2 attempts:1\n",
                "host", "host.x", "deep.name.here", "nothere", "abs.name.", "mxonly", "solo"},
            {ns + "domain corp.test\noptions timeout:2 attempts:1\n", "www", "www.other", "nothere.either"},
            {ns + "search . b.test\noptions timeout:2 attempts:1\n", "host", "solo"},
            {ns + "search a.test b.test\noptions ndots:0 timeout:2 attempts:1\n", "host", "solo"},
        };
        int compared = 0;
        try (IoRuntime runtime = IoRuntime.builder().name("glibc-compare").ioThreads(1).build()) {
            for (String[] c : cases) {
                Path conf = dir.resolve("resolv-" + compared + ".conf");
                Files.writeString(conf, c[0]);
                ResolverConfig config = ResolverConfig.fromResolvConf(c[0]);
                try (StubResolver ours = StubResolver.builder(config).runtime(runtime).cache(CachePolicy.DISABLED).build()) {
                    for (int i = 1; i < c.length; i++) {
                        String name = c[i];
                        clearLog();
                        Set<String> glibcAddresses = getent(conf, name);
                        List<String> glibcAsked = askedNames();
                        clearLog();
                        LookupResult<InetAddress> r = TestSupport.await(ours.lookupIp(name));
                        List<String> ourAsked = askedNames();
                        String where = "name '" + name + "' with\n" + c[0];
                        assertEquals(glibcAsked, ourAsked, "names asked for " + where);
                        Set<String> ourAddresses = new TreeSet<>();
                        for (InetAddress a : r.values()) {
                            ourAddresses.add(a.getHostAddress());
                        }
                        assertEquals(glibcAddresses, ourAddresses, "addresses for " + where);
                        compared++;
                    }
                }
            }
        }
        assertEquals(14, compared);
    }

    private static void clearLog() {
        synchronized (log) {
            log.clear();
        }
    }

    /** The distinct names asked, in the order first asked (A and AAAA of one name count once). */
    private static List<String> askedNames() {
        synchronized (log) {
            return new ArrayList<>(new LinkedHashSet<>(log));
        }
    }

    /** The addresses {@code getent ahosts} prints for {@code name} with {@code conf} as /etc/resolv.conf. */
    private static Set<String> getent(Path conf, String name) throws Exception {
        Process p = new ProcessBuilder("unshare", "-m", "sh", "-c",
                "mount --bind \"$0\" /etc/resolv.conf && exec getent ahosts \"$1\"", conf.toString(), name)
                .redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("getent ahosts " + name + " did not finish");
        }
        Set<String> out = new TreeSet<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[1].equals("STREAM")) {
                out.add(f[0]);
            }
        }
        Thread.sleep(50); // let the server log the last query before the next case clears it
        return out;
    }
}
