package org.dunlin.dns.wire.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.SoaRdata;
import org.dunlin.dns.wire.rdata.TxtRdata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZoneParserTest {
    private static final Name ORIGIN = Name.of("example.com.");

    private static List<Record> parse(String text) throws ZoneFileException {
        return ZoneParser.of(ORIGIN).parse(text, "test.zone");
    }

    private static Record rec(String text) throws Exception {
        return Record.fromText(text);
    }

    @Test
    void rfc1035Syntax() throws Exception {
        List<Record> r = parse("""
                $TTL 1h
                @   IN  SOA ns1 hostmaster (
                            2024010101 ; serial
                            2h 1h      ; refresh, retry
                            2w 5m )    ; expire, minimum
                    IN  NS  ns1                 ; owner omitted
                ns1 300 A   192.0.2.1
                ns1 IN 600 AAAA 2001:db8::1     ; class before TTL
                txt     TXT "a;b" "quote\\"d" unquoted \\065
                $ORIGIN sub.example.com.
                www     A   192.0.2.2
                abs.example.com. A 192.0.2.3
                @       CNAME www
                """);
        assertEquals(List.of(
                rec("example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 2024010101 7200 3600 1209600 300"),
                rec("example.com. 3600 IN NS ns1.example.com."),
                rec("ns1.example.com. 300 IN A 192.0.2.1"),
                rec("ns1.example.com. 600 IN AAAA 2001:db8::1"),
                rec("txt.example.com. 3600 IN TXT \"a;b\" \"quote\\\"d\" \"unquoted\" \"A\""),
                rec("www.sub.example.com. 3600 IN A 192.0.2.2"),
                rec("abs.example.com. 3600 IN A 192.0.2.3"),
                rec("sub.example.com. 3600 IN CNAME www.sub.example.com.")), r);
    }

    @Test
    void ttlWithoutDollarTtlFollowsRfc1035AndSoaMinimum() throws Exception {
        List<Record> r = parse("""
                @ SOA ns hm 1 2 3 4 55
                a A 192.0.2.1
                b 77 A 192.0.2.2
                c A 192.0.2.3
                """);
        assertEquals(55, r.get(0).ttl(), "SOA without TTL takes its MINIMUM, as BIND does");
        assertEquals(55, r.get(1).ttl());
        assertEquals(77, r.get(2).ttl());
        assertEquals(77, r.get(3).ttl(), "the last explicit TTL (RFC 1035 §5.1)");
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> parse("a A 192.0.2.1\n"));
        assertEquals("test.zone:1:3: no TTL: give one, or set $TTL", e.problems().get(0).toString());
    }

    @Test
    void genericFormForAnyType() throws Exception {
        List<Record> r = parse("""
                $TTL 60
                a TYPE65280 \\# 4 0A000001
                b A \\# 4 0A000001
                c CLASS1 TYPE1 10.0.0.2
                """);
        assertEquals(RRType.of(65280), r.get(0).type());
        assertEquals(ARdata.of("10.0.0.1"), r.get(1).rdata());
        assertEquals(RRClass.IN, r.get(2).rrClass());
        assertEquals(ARdata.of("10.0.0.2"), r.get(2).rdata());
    }

    @Test
    void errorsCarryFileLineAndColumn() {
        assertProblem("$TTL 60\nok A 192.0.2.1\nbad A 300.1.1.1\n", "test.zone:3:7: bad IPv4 address '300.1.1.1'");
        assertProblem("$TTL 60\nx BOGUS 1\n", "test.zone:2:3: unknown type 'BOGUS'");
        assertProblem("$TTL 60\nx A (192.0.2.1\n", "test.zone:2:5: unbalanced parentheses: '(' is never closed");
        assertProblem("$TTL 60\nx TXT \"open\n", "test.zone:2:7: unterminated quoted string");
        assertProblem("$TTL 60\nx MX 10\n", "test.zone:2:8: missing exchange");
        assertProblem("$TTL 60\nx A \\# 3 0A0000 01\n", "test.zone:2:8: generic RDATA length 3 but 4 octets of hex");
        assertProblem("$TTL 60\nx CH A 192.0.2.1\ny IN A 192.0.2.1\n", "test.zone:2:8: type A in class CH has no presentation format here; use the \\# generic form");
        assertProblem("$TTL 60\nx A 192.0.2.1\ny CH TXT \"a\"\n", "test.zone:3:3: class CH differs from the zone's class IN");
        assertProblem("$BOGUS x\n", "test.zone:1:1: unknown directive $BOGUS");
        assertProblem(" A 192.0.2.1\n", "test.zone:1:2: no owner name: the first record starts with a blank");
        assertProblem("$TTL 60\na..b A 192.0.2.1\n", "test.zone:2:1: bad owner: empty label");
    }

    private static void assertProblem(String zone, String expected) {
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> parse(zone));
        assertEquals(expected, e.problems().get(0).toString());
        assertEquals(expected, e.getMessage());
    }

    @Test
    void collectModeReportsEveryProblemAndKeepsGoodRecords() throws Exception {
        String zone = "$TTL 60\na A 192.0.2.1\nb A 1.2.3\nc A 192.0.2.3\nd MX x y\ne A 192.0.2.5\n";
        List<Record> good = new ArrayList<>();
        try (ZoneReader r = ZoneParser.builder(ORIGIN).collectErrors(10).build().open(zone, "z")) {
            Record rec;
            while ((rec = r.next()) != null) {
                good.add(rec);
            }
            assertEquals(2, r.problems().size());
            assertEquals("z:3:5: bad IPv4 address '1.2.3'", r.problems().get(0).toString());
            assertEquals("z:5:6: bad preference: expected a number, got 'x'", r.problems().get(1).toString());
            assertThrows(ZoneFileException.class, r::throwIfProblems);
        }
        assertEquals(3, good.size());
        // and it stops after maxErrors
        ZoneFileException e = assertThrows(ZoneFileException.class,
                () -> ZoneParser.builder(ORIGIN).collectErrors(2).build().parse("$TTL 1\na A x\nb A y\nc A z\n", "z"));
        assertEquals(3, e.problems().size());
        assertEquals("too many errors; giving up", e.problems().get(2).message());
    }

    @Test
    void includeIsRelativeToTheIncludingFileAndDepthLimited(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("main.zone"), "$TTL 60\n@ A 192.0.2.1\n$INCLUDE sub/part.zone other.example.com.\nafter A 192.0.2.9\n");
        Files.writeString(dir.resolve("sub/part.zone"), "www A 192.0.2.2\n$INCLUDE deeper.zone\n");
        Files.writeString(dir.resolve("sub/deeper.zone"), "deep TXT \"x\"\n");
        List<Record> r = new ArrayList<>();
        ZoneParser.of(ORIGIN).parse(dir.resolve("main.zone"), r::add);
        assertEquals(List.of(rec("example.com. 60 IN A 192.0.2.1"), rec("www.other.example.com. 60 IN A 192.0.2.2"),
                rec("deep.other.example.com. 60 IN TXT \"x\""), rec("after.example.com. 60 IN A 192.0.2.9")), r);

        Files.writeString(dir.resolve("loop.zone"), "$TTL 60\na A 192.0.2.1\n$INCLUDE loop.zone\n");
        ZoneFileException e = assertThrows(ZoneFileException.class, () -> ZoneParser.of(ORIGIN).parse(dir.resolve("loop.zone"), x -> { }));
        assertTrue(e.getMessage().endsWith(":3:1: $INCLUDE nested deeper than 8"), e.getMessage());
        ZoneFileException off = assertThrows(ZoneFileException.class,
                () -> ZoneParser.builder(ORIGIN).maxIncludeDepth(0).build().parse(dir.resolve("main.zone"), x -> { }));
        assertTrue(off.getMessage().endsWith("main.zone:3:1: $INCLUDE is not allowed"), off.getMessage());
        ZoneFileException missing = assertThrows(ZoneFileException.class, () -> parse("$INCLUDE /nonexistent/file\n"));
        assertTrue(missing.getMessage().startsWith("test.zone:1:10: cannot read $INCLUDE file /nonexistent/file"), missing.getMessage());
    }

    @Test
    void generate() throws Exception {
        List<Record> r = parse("""
                $TTL 60
                $GENERATE 1-3 host$ A 10.0.0.$
                $GENERATE 0-4/2 ${10,3,d}.x 120 IN TXT "v${0,2,x}"
                $GENERATE 255-255 ${0,4,n} PTR h$
                $GENERATE 1-1 \\$lit CNAME t$
                """);
        List<String> texts = new ArrayList<>();
        for (Record x : r) {
            texts.add(x.owner() + " " + x.ttl() + " " + x.type() + " " + x.rdata().toText());
        }
        assertEquals(List.of(
                "host1.example.com. 60 A 10.0.0.1", "host2.example.com. 60 A 10.0.0.2", "host3.example.com. 60 A 10.0.0.3",
                "010.x.example.com. 120 TXT \"v00\"", "012.x.example.com. 120 TXT \"v02\"", "014.x.example.com. 120 TXT \"v04\"",
                "f.f.0.0.example.com. 60 PTR h255.example.com.", "\\$lit.example.com. 60 CNAME t1.example.com."), texts);
        assertProblem("$GENERATE 5-1 a$ A 10.0.0.$\n", "test.zone:1:11: bad $GENERATE range '5-1'");
        ZoneFileException big = assertThrows(ZoneFileException.class,
                () -> ZoneParser.builder(ORIGIN).maxGenerated(10).build().parse("$GENERATE 1-11 a$ A 10.0.0.1\n", "z"));
        assertEquals("z:1:11: $GENERATE range makes more than 10 records", big.getMessage());
    }

    @Test
    void readsLazilyFromAnEndlessStream() throws Exception {
        InputStream endless = new InputStream() {
            private final byte[] head = "$TTL 60\n".getBytes(StandardCharsets.US_ASCII);
            private long n;
            private byte[] line = new byte[0];
            private int pos;

            @Override
            public int read() {
                if (n == 0 && pos < head.length) {
                    return head[pos++];
                }
                if (pos >= line.length) {
                    line = ("h" + n++ + " A 10.0.0.1\n").getBytes(StandardCharsets.US_ASCII);
                    pos = 0;
                }
                return line[pos++];
            }
        };
        try (ZoneReader r = ZoneParser.of(ORIGIN).open(endless, "endless")) {
            for (int i = 0; i < 50_000; i++) {
                Record rec = r.next();
                assertEquals(Name.of("h" + i + ".example.com"), rec.owner());
                assertEquals(i + 2, r.line());
            }
        }
    }

    @Test
    void endOfInputWithoutNewlineAndEmptyFiles() throws Exception {
        assertEquals(1, parse("$TTL 1\na A 192.0.2.1").size());
        assertEquals(0, parse("").size());
        assertEquals(0, parse("; only a comment\n\n   \n").size());
        try (ZoneReader r = ZoneParser.of(ORIGIN).open("", "e")) {
            assertNull(r.next());
            assertNull(r.next());
        }
        Record soa = parse("@ 1 SOA ns hm 1 2 3 4 5\n").get(0);
        assertEquals(new SoaRdata(Name.of("ns.example.com"), Name.of("hm.example.com"), 1, 2, 3, 4, 5), soa.rdata());
        assertEquals(TxtRdata.of("x y"), parse("a 1 TXT \"x y\"").get(0).rdata());
    }

    @Test
    void closesIncludedFiles(@TempDir Path dir) throws IOException, ZoneFileException {
        Files.writeString(dir.resolve("a.zone"), "$TTL 1\n$INCLUDE b.zone\n");
        Files.writeString(dir.resolve("b.zone"), "x A 192.0.2.1\ny A 192.0.2.2\n");
        ZoneReader r = ZoneParser.of(ORIGIN).open(dir.resolve("a.zone"));
        assertEquals("x.example.com.", r.next().owner().toString());
        r.close();
        assertNull(r.next());
    }
}
