package org.dunlin.dns.wire.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.Cookie;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.dunlin.dns.wire.edns.ExtendedErrorCode;
import org.dunlin.dns.wire.edns.Nsid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
    static Message response() throws Exception {
        return Message.builder().id(12345).flags(Flag.QR, Flag.RD, Flag.RA, Flag.AD)
                .question(Name.of("example.com"), RRType.A)
                .answer(Record.fromText("example.com. 3600 IN A 93.184.216.34"))
                .authority(Record.fromText("example.com. 86400 IN NS a.iana-servers.net."))
                .edns(new Edns(1232, 0, Edns.FLAG_DO, java.util.List.of(
                        new Nsid(ByteString.ofLatin1("ns1")),
                        new Cookie(ByteString.fromHex("0102030405060708"), ByteString.fromHex("1112131415161718")),
                        new ExtendedError(ExtendedErrorCode.STALE_ANSWER, "stale"))))
                .build();
    }

    @Test
    void printsLikeDig(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("r.bin");
        Files.write(f, response().toWire());
        CliResult r = CliResult.decode(new byte[0], f.toString());
        assertEquals(0, r.status(), r.out());
        assertEquals(";; " + f + ": " + Files.size(f) + " bytes\n"
                + ";; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 12345\n"
                + ";; flags: qr rd ra ad; QUERY: 1, ANSWER: 1, AUTHORITY: 1, ADDITIONAL: 1\n"
                + "\n"
                + ";; OPT PSEUDOSECTION:\n"
                + "; EDNS: version: 0, flags: do; udp: 1232\n"
                + "; NSID: 6e 73 31 (\"ns1\")\n"
                + "; COOKIE: 01020304050607081112131415161718\n"
                + "; EDE: 3 (Stale Answer): (stale)\n"
                + ";; QUESTION SECTION:\n"
                + ";example.com.\t\t\tIN\tA\n"
                + "\n"
                + ";; ANSWER SECTION:\n"
                + "example.com.\t\t3600\tIN\tA\t93.184.216.34\n"
                + "\n"
                + ";; AUTHORITY SECTION:\n"
                + "example.com.\t\t86400\tIN\tNS\ta.iana-servers.net.\n", r.out());
    }

    @Test
    void hexStdinAndMalformedFilesContinue(@TempDir Path dir) throws Exception {
        byte[] wire = response().toWire();
        StringBuilder hex = new StringBuilder("; a comment\n");
        for (int i = 0; i < wire.length; i++) {
            hex.append(String.format("%02x%s", wire[i], i % 16 == 15 ? "\n" : " "));
        }
        CliResult stdin = CliResult.decode(hex.toString().getBytes(StandardCharsets.US_ASCII), "--hex");
        assertEquals(0, stdin.status());
        assertTrue(stdin.out().startsWith(";; (stdin): " + wire.length + " bytes\n;; ->>HEADER<<-"), stdin.out());

        Path bad = dir.resolve("bad.hex");
        Files.writeString(bad, "4242 0100 0001 0001 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001 c01d 0001 0001 00000101 0004 0a203040");
        Path good = dir.resolve("good.hex");
        Files.writeString(good, hex.toString());
        Path notHex = dir.resolve("nothex.hex");
        Files.writeString(notHex, "zz");
        CliResult r = CliResult.decode(new byte[0], "--hex", bad.toString(), good.toString(), notHex.toString(), dir.resolve("missing").toString());
        assertEquals(1, r.status());
        String[] lines = r.out().split("\n");
        assertEquals(bad + ": malformed: answer[0]: compression pointer points to itself at offset 29", lines[0]);
        assertTrue(r.out().contains(";; " + good + ": " + wire.length + " bytes"));
        assertTrue(r.out().contains(notHex + ": malformed: not hexadecimal text at offset 0\n"));
        assertTrue(r.out().contains(dir.resolve("missing") + ": cannot read: "));
        assertEquals("", r.err());
    }

    @Test
    void truncatedRawInput() {
        CliResult r = CliResult.decode(new byte[] {0x12, 0x34, 0, 0, 0, 1});
        assertEquals(1, r.status());
        assertEquals("(stdin): malformed: header: message shorter than the 12-octet header at offset 6\n", r.out());
    }

    @Test
    void usage() {
        CliResult r = CliResult.decode(new byte[0], "--bogus");
        assertEquals(2, r.status());
        assertEquals("decode: unknown option --bogus (usage: ./dunlin decode [--hex] [FILE...])\n", r.err());
    }
}
