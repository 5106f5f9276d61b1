package org.dunlin.dns.authority.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dunlin.dns.authority.DnsClient;
import org.dunlin.dns.authority.TestSupport;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.rdata.ARdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./dunlin serve} as a user meets it: usage errors (one line, status 2), the listening line, the
 * embedded example zone, reloading a watched zone within 2 s (and keeping it when the new file is
 * broken, with {@code FILE:LINE:COL} in the log), and a graceful stop on SIGTERM that logs the counters.
 */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on udp 127\\.0\\.0\\.1:(\\d+), tcp 127\\.0\\.0\\.1:(\\d+)");

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ServeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static void usageError(String expected, String... args) {
        String[] r = run(args);
        assertEquals("2", r[0], String.join(" ", args));
        String first = r[2].lines().findFirst().orElse("");
        assertTrue(first.startsWith("dunlin serve: ") && first.contains(expected), first);
        assertEquals(1, r[2].lines().count(), "one line: " + r[2]);
        assertTrue(!r[2].contains("Exception") && !r[2].contains("\tat "), "no stack trace: " + r[2]);
    }

    @Test
    void badArgumentsAreOneLineAndStatusTwo() {
        usageError("unknown option --bogus", "--bogus");
        usageError("--zone needs ORIGIN=FILE", "--zone", "example.com");
        usageError("--zone needs a value", "--zone");
        usageError("--listen needs ADDR:PORT", "--listen", "127.0.0.1");
        usageError("not an IP address", "--listen", "dns.example:53");
        usageError("--listen port must be 0..65535", "--listen", "127.0.0.1:70000");
        usageError("--workers must be a number", "--workers", "many");
        usageError("--workers must be 1..1024", "--workers", "0");
        usageError("duration like 500ms, 3s or 2m", "--tcp-idle-timeout", "10");
        usageError("duration like 500ms, 3s or 2m", "--tcp-idle-timeout", "1.5s");
        usageError("must be positive", "--tcp-idle-timeout", "0s");
        usageError("--max-tcp-connections must be a number", "--max-tcp-connections", "-");
        usageError("--watch takes no value", "--watch=yes");
        usageError("unexpected argument", "serve");
        usageError("bad origin", "--zone", "a..b=x.zone");
        usageError("--allow-transfer: 'ns1.example' is not an IP address", "--allow-transfer", "ns1.example");
        usageError("--allow-transfer: '10.0.0.0/40': the prefix length must be 0 to 32", "--allow-transfer=10.0.0.0/40");
        usageError("--notify needs ADDR:PORT", "--notify", "192.0.2.1");
        usageError("--allow-update: 'everyone' is not an IP address", "--allow-update", "everyone");
        usageError("--notify: 'ns2.example' is not an IP address", "--notify", "ns2.example:53");
    }

    @Test
    void durationsAndAddressesParse() throws Exception {
        assertEquals(Duration.ofMillis(500), ServeArguments.duration("500ms", "x"));
        assertEquals(Duration.ofSeconds(3), ServeArguments.duration("3s", "x"));
        assertEquals(Duration.ofMinutes(2), ServeArguments.duration("2m", "x"));
        assertEquals(Duration.ofHours(1), ServeArguments.duration("1h", "x"));
        assertEquals(new InetSocketAddress("::1", 53), ServeArguments.address("[::1]:53"));
        assertEquals(new InetSocketAddress("127.0.0.1", 5300), ServeArguments.address("localhost:5300"));
        ServeArguments a = ServeArguments.parse(new String[] {"--zone", "example.org=/z", "--zone=a.=b", "--listen=127.0.0.1:1",
                "--workers", "3", "--tcp-idle-timeout=2m", "--max-tcp-connections", "50", "--nsid", "ns1", "--watch",
                "--allow-transfer", "192.0.2.53", "--allow-transfer=2001:db8::/32", "--notify", "192.0.2.2:53",
                "--notify=[2001:db8::2]:5300", "--notify-key", "xfr-key", "--tsig-keys", "keys.conf", "--allow-update", "key:update-key",
                "--allow-update=10.1.0.0/16"});
        assertEquals(2, a.zones().size());
        assertEquals(Name.of("example.org."), a.zones().get(0).origin());
        assertEquals(3, a.workers());
        assertEquals(Duration.ofMinutes(2), a.tcpIdleTimeout());
        assertEquals(50, a.maxTcpConnections());
        assertEquals("ns1", a.nsid());
        assertTrue(a.watch());
        assertEquals(java.util.List.of("192.0.2.53", "2001:db8::/32"), a.allowTransfer());
        assertEquals(java.util.List.of(new InetSocketAddress("192.0.2.2", 53), new InetSocketAddress("2001:db8::2", 5300)),
                a.notifyTargets());
        assertEquals(Name.of("xfr-key."), a.notifyKey());
        assertEquals(java.nio.file.Path.of("keys.conf"), a.tsigKeys());
        assertEquals(java.util.List.of("key:update-key", "10.1.0.0/16"), a.allowUpdate());
    }

    @Test
    void helpIsPrinted() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].startsWith("usage: ./dunlin serve [--zone ORIGIN=FILE]..."), r[1]);
    }

    @Test
    void aBrokenZoneFileIsOneLineWithFileLineColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.zone");
        Files.writeString(f, "$TTL 300\n@ IN SOA ns. host. 1 2 3 4 5\n@ IN NS ns.\nwww IN AAAA 1.2.3.4\n");
        String[] r = run("--zone", "example.=" + f, "--listen", "127.0.0.1:0");
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("dunlin serve: " + f + ":4:"), r[2]);
        String[] missing = run("--zone", "example.=" + dir.resolve("none.zone"), "--listen", "127.0.0.1:0");
        assertEquals("1", missing[0]);
        assertTrue(missing[2].contains("none.zone"), missing[2]);
    }

    @Test
    void aBrokenKeyFileOrAMissingKeyIsOneLine(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys.conf");
        Files.writeString(keys, "key \"xfr\" {\n    algorithm hmac-sha256;\n    secret \"not base64!\";\n};\n");
        String[] r = run("--tsig-keys", keys.toString(), "--listen", "127.0.0.1:0");
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("dunlin serve: " + keys + ":3:"), r[2]);
        String[] missing = run("--allow-transfer", "key:xfr", "--listen", "127.0.0.1:0");
        assertEquals("1", missing[0]);
        assertTrue(missing[2].contains("TSIG key xfr., which is not configured"), missing[2]);
    }

    /** Starts {@code ServeCommand} in a JVM of its own with {@code args}. */
    private static Process launch(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx64m");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ServeCommand.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.log").toFile()).start();
    }

    private static InetSocketAddress awaitListening(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertNotNull(line, "the server printed nothing");
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(m.group(1), m.group(2));
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
    }

    @Test
    void servesTheExampleZoneAndStopsGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        Process p = launch(dir, "--listen", "127.0.0.1:0", "--workers", "1", "--nsid", "t1");
        try {
            InetSocketAddress a = awaitListening(p);
            try (DnsClient c = new DnsClient(a)) {
                Message r = c.udp(Message.builder().id(1).question(Name.of("www.example.com."), RRType.A).build());
                assertEquals(Rcode.NOERROR, r.rcode());
                assertEquals(RRType.CNAME, r.answer().get(0).type());
                assertEquals(RRType.A, r.answer().get(1).type());
                Message wild = c.tcp(Message.builder().id(2).question(Name.of("anyone.users.example.com."), RRType.A).build());
                assertEquals("192.0.2.80", ((ARdata) wild.answer().get(0).rdata()).address().getHostAddress());
                Message referral = c.udp(Message.builder().id(3).question(Name.of("host.lab.example.com."), RRType.A).build());
                assertEquals(2, referral.authority().size());
                assertEquals(3, referral.additional().size(), "glue for ns.lab, the address of ns2");
            }
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
            String log = Files.readString(dir.resolve("stderr.log"));
            assertTrue(log.contains("stopped: queries=3 (udp 2, tcp 1), responses NOERROR=3"), log);
            assertTrue(log.contains("tcp connections accepted=1"), log);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void watchReloadsWithinTwoSecondsAndKeepsTheZoneWhenTheFileBreaks(@TempDir Path dir) throws Exception {
        Path zone = TestSupport.zoneFile(dir, "corners.zone");
        Process p = launch(dir, "--zone", "test.=" + zone, "--listen", "127.0.0.1:0", "--workers", "1", "--watch");
        try (DnsClient c = new DnsClient(awaitListening(p))) {
            Message q = Message.builder().id(1).question(Name.of("web.test."), RRType.A).build();
            assertEquals("192.0.2.80", address(c.udp(q)));
            String text = Files.readString(zone);
            Files.writeString(zone, text.replace("192.0.2.80", "192.0.2.90"));
            long changed = System.nanoTime();
            while (!"192.0.2.90".equals(address(c.udp(q)))) {
                assertTrue(System.nanoTime() - changed < Duration.ofSeconds(2).toNanos(), "not reloaded within 2 s");
                Thread.sleep(50);
            }
            Files.writeString(zone, text.replace("192.0.2.80", "not-an-address"));
            long broken = System.nanoTime();
            Path log = dir.resolve("stderr.log");
            Pattern error = Pattern.compile(Pattern.quote(zone.toString()) + ":\\d+:\\d+: ");
            while (!error.matcher(Files.readString(log)).find()) {
                assertTrue(System.nanoTime() - broken < Duration.ofSeconds(5).toNanos(), "no error logged: " + Files.readString(log));
                Thread.sleep(50);
            }
            assertTrue(Files.readString(log).matches("(?s).*" + Pattern.quote(zone.toString()) + ":\\d+:\\d+: .*still serving the previous test\\..*"),
                    Files.readString(log));
            assertEquals("192.0.2.90", address(c.udp(q)), "the old zone is still served");
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    private static String address(Message m) {
        return ((ARdata) m.answer().get(0).rdata()).address().getHostAddress();
    }
}
