package org.dunlin.dns.wire.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.SharedTestData;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.rdata.Rdata;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code ../shared/testdata/wire-corpus/} decodes or is rejected cleanly: only
 * {@link WireFormatException}, never another exception; what decodes also re-encodes to something that
 * decodes to the same value. Each corpus is read the way its fuzzer reads it.
 */
class WireCorpusTest {
    private static final Path CORPUS = SharedTestData.dir().resolve("wire-corpus");

    private int decoded;
    private int rejected;

    private void message(String where, byte[] b) {
        try {
            Message m = Message.fromWire(b);
            decoded++;
            Message again = Message.fromWire(m.toWire());
            assertEquals(m, again, where + ": re-encoding changed the message");
            assertFalse(m.toString().isEmpty());
        } catch (WireFormatException e) {
            rejected++;
            assertTrue(e.offset() >= 0 && e.offset() <= b.length, where + ": offset out of range: " + e.getMessage());
            if (b.length >= 12) {
                assertTrue(e.header().isPresent(), where + ": header missing from " + e.getMessage());
            }
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(where + ": decoder threw " + e, e);
        }
    }

    private static List<Path> files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
            return s.sorted().toList();
        }
    }

    @Test
    void bindMessageCorpusDecodesOrIsRejected() throws IOException {
        List<Path> files = files("bind9/dns_message_parse.in");
        assertTrue(files.size() > 100);
        for (Path f : files) {
            message(f.toString(), Files.readAllBytes(f));
        }
        System.out.println("bind9 dns_message_parse: " + decoded + " decoded, " + rejected + " rejected");
        assertTrue(decoded > 0 && rejected > 0);
    }

    @Test
    void unboundPacketsDecodeOrAreRejected() throws IOException {
        int packets = 0;
        for (Path f : files("unbound")) {
            List<byte[]> list = unboundPackets(f);
            assertFalse(list.isEmpty(), f + " yields packets");
            for (int i = 0; i < list.size(); i++) {
                message(f + " packet " + i, list.get(i));
                packets++;
            }
        }
        System.out.println("unbound test_packets: " + packets + " packets, " + decoded + " decoded, " + rejected + " rejected");
        assertTrue(packets > 250);
    }

    @Test
    void unboundCompressionCasesAreJudgedRight() throws IOException {
        List<byte[]> p = unboundPackets(CORPUS.resolve("unbound/test_packets.5"));
        expectDecodes(p.get(0));  // 0. valid
        expectDecodes(p.get(1));  // 0b. correct compression from answer to question
        expectRejected(p.get(2)); // 1. compression from question to answer (forward)
        expectRejected(p.get(3)); // 2. loop answer 1 to answer 2
        expectDecodes(p.get(4));  // 2b. "loop" answer 2 to answer 1: a plain backward pointer, which is valid
        expectRejected(p.get(5)); // 3. loop to self
        expectRejected(p.get(6)); // 4. pointer to the header
    }

    private static void expectDecodes(byte[] b) {
        try {
            Message.fromWire(b);
        } catch (WireFormatException e) {
            fail("rejected a valid packet: " + e.getMessage());
        }
    }

    private static void expectRejected(byte[] b) {
        try {
            Message.fromWire(b);
            fail("accepted a bad packet");
        } catch (WireFormatException e) {
            assertEquals(WireFormatException.Kind.BAD_POINTER, e.kind(), e.getMessage());
        }
    }

    @Test
    void bindNameCorpus() throws IOException {
        // dns_name_fromwire fuzzer: skip one octet, decode at half the remaining input, pointers allowed.
        int ok = 0;
        for (Path f : files("bind9/dns_name_fromwire.in")) {
            byte[] all = Files.readAllBytes(f);
            if (all.length == 0) {
                continue;
            }
            int size = all.length - 1;
            WireReader in = new WireReader(all, 1, size, false);
            in.position(size / 2);
            try {
                Name n = in.name(size, true);
                assertTrue(n.wireLength() <= 255);
                assertEquals(n, Name.fromWire(n.toWire()));
                ok++;
            } catch (WireFormatException e) {
                assertTrue(e.offset() >= 0);
            } catch (RuntimeException e) {
                throw new AssertionError(f + ": name decoder threw " + e, e);
            }
        }
        System.out.println("bind9 dns_name_fromwire: " + ok + " names decoded");
    }

    @Test
    void bindRdataCorpusForEveryType() throws Exception {
        // dns_rdata_fromwire_text fuzzer: two selector octets, then RDATA. The selectors index BIND's own
        // type table, so every type we know is tried instead; whatever decodes must survive wire and
        // text round trips.
        int ok = 0;
        List<RRType> types = new ArrayList<>(Rdata.supportedTypes());
        types.add(RRType.of(65280));
        for (Path f : files("bind9/dns_rdata_fromwire_text.in")) {
            byte[] all = Files.readAllBytes(f);
            if (all.length < 2) {
                continue;
            }
            for (RRType t : types) {
                Rdata r;
                try {
                    r = Rdata.fromWire(t, RRClass.IN, all, 2, all.length - 2);
                } catch (WireFormatException e) {
                    continue;
                } catch (RuntimeException e) {
                    throw new AssertionError(f + " as " + t + ": decoder threw " + e, e);
                }
                ok++;
                assertEquals(r, Rdata.fromWire(t, r.toWire()), f + " as " + t);
                if (!t.equals(RRType.OPT)) {
                    assertEquals(r, Rdata.fromText(t, r.toText()), f + " as " + t + ": " + r.toText());
                }
            }
        }
        System.out.println("bind9 dns_rdata_fromwire_text: " + ok + " (file, type) pairs decoded");
        assertTrue(ok > 0);
    }

    /**
     * Unbound's files: test_packets.2 and .3 hold one packet per line (with numbered blocks); the
     * others hold hex with ';' comments, one packet per ";-- next packet --" section.
     */
    static List<byte[]> unboundPackets(Path f) throws IOException {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        List<byte[]> out = new ArrayList<>();
        String name = f.getFileName().toString();
        if (name.equals("test_packets.2") || name.equals("test_packets.3")) {
            for (String line : text.split("\n")) {
                String l = line.trim();
                if (l.length() > 6 && !l.startsWith(";")) {
                    out.add(hex(l));
                }
            }
            return out;
        }
        for (String chunk : text.split(";-- next packet --")) {
            StringBuilder digits = new StringBuilder();
            for (String line : chunk.split("\n")) {
                int c = line.indexOf(';');
                String s = c >= 0 ? line.substring(0, c) : line;
                for (char ch : s.toCharArray()) {
                    if (Character.digit(ch, 16) >= 0) {
                        digits.append(ch);
                    }
                }
            }
            if (digits.length() >= 2) {
                out.add(hex(digits.toString()));
            }
        }
        return out;
    }

    private static byte[] hex(String s) {
        String d = s.replaceAll("[^0-9a-fA-F]", "");
        byte[] b = new byte[d.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(d.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
