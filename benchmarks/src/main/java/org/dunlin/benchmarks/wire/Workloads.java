package org.dunlin.benchmarks.wire;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.edns.Edns;

/**
 * The dns-wire benchmark workloads, built deterministically:
 * <ul>
 *   <li>{@code small}: an A answer (one record) with EDNS, ~56 octets;</li>
 *   <li>{@code medium}: an MX answer with 5 MX, 4 NS in authority and 8 glue A/AAAA (17 records),
 *       names compressed, ~400 octets;</li>
 *   <li>{@code dnssec}: a DNSKEY answer with its RRSIG plus NS and RRSIG in authority and EDNS DO,
 *       ~1.1 KB (RSA-2048 KSK and signatures);</li>
 *   <li>the zone: {@code ../shared/bench/zonegen.py}'s record mix (SOA, NS, MX, TXT, SRV, CAA, a
 *       wildcard, then per host an A, every 4th an AAAA, every 10th a CNAME), written by
 *       {@link #writeZone(Path, int)}.</li>
 * </ul>
 */
public final class Workloads {
    private Workloads() {
    }

    /** The wire form of the named response. */
    public static byte[] response(String size) {
        try {
            switch (size) {
                case "small":
                    return small().toWire();
                case "medium":
                    return medium().toWire();
                case "dnssec":
                    return dnssec().toWire();
                default:
                    throw new IllegalArgumentException(size);
            }
        } catch (TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message.Builder response(int id, String qname, RRType type) {
        return Message.builder().id(id).flags(Flag.QR, Flag.RD, Flag.RA).question(Name.of(qname), type);
    }

    static Message small() throws TextParseException {
        return response(0x1234, "www.example.com.", RRType.A)
                .answer(Record.fromText("www.example.com. 300 IN A 93.184.216.34"))
                .edns(Edns.DEFAULT)
                .build();
    }

    static Message medium() throws TextParseException {
        Message.Builder b = response(0x2345, "example.com.", RRType.MX).flags(Flag.AA);
        for (int i = 1; i <= 5; i++) {
            b.answer(Record.fromText("example.com. 3600 IN MX " + (i * 10) + " mail" + i + ".example.com."));
        }
        for (int i = 1; i <= 4; i++) {
            b.authority(Record.fromText("example.com. 86400 IN NS ns" + i + ".example.com."));
        }
        for (int i = 1; i <= 4; i++) {
            b.additional(Record.fromText("ns" + i + ".example.com. 86400 IN A 192.0.2." + i));
            b.additional(Record.fromText("ns" + i + ".example.com. 86400 IN AAAA 2001:db8::" + i));
        }
        return b.build();
    }

    static Message dnssec() throws TextParseException {
        Random rnd = new Random(42);
        String ksk = base64(rnd, 260);
        String zsk = base64(rnd, 132);
        String sig1 = base64(rnd, 256);
        String sig2 = base64(rnd, 128);
        return response(0x3456, "example.com.", RRType.DNSKEY).flags(Flag.AD)
                .answer(Record.fromText("example.com. 3600 IN DNSKEY 257 3 8 " + ksk))
                .answer(Record.fromText("example.com. 3600 IN DNSKEY 256 3 8 " + zsk))
                .answer(Record.fromText("example.com. 3600 IN RRSIG DNSKEY 8 2 3600 20240201000000 20240101000000 12345 example.com. " + sig1))
                .authority(Record.fromText("example.com. 86400 IN NS ns1.example.com."))
                .authority(Record.fromText("example.com. 86400 IN NS ns2.example.com."))
                .authority(Record.fromText("example.com. 86400 IN RRSIG NS 8 2 86400 20240201000000 20240101000000 54321 example.com. " + sig2))
                .additional(Record.fromText("ns1.example.com. 86400 IN A 192.0.2.1"))
                .additional(Record.fromText("ns2.example.com. 86400 IN A 192.0.2.2"))
                .edns(Edns.DEFAULT.withDnssecOk(true))
                .build();
    }

    private static String base64(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        b[0] = 3;
        return Base64.getEncoder().encodeToString(b);
    }

    /** Writes the zonegen.py-style zone for {@code hosts} hosts to {@code file}; returns the record count. */
    public static int writeZone(Path file, int hosts) throws IOException {
        int n = 0;
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            String[] head = {"$ORIGIN example.com.", "$TTL 3600",
                "@ IN SOA ns1.example.com. hostmaster.example.com. 2026112101 7200 3600 1209600 300",
                "@ IN NS ns1", "@ IN NS ns2", "ns1 IN A 192.0.2.1", "ns2 IN A 192.0.2.2",
                "ns1 IN AAAA 2001:db8::1", "ns2 IN AAAA 2001:db8::2",
                "@ IN MX 10 mail", "@ IN MX 20 mail2", "mail IN A 192.0.2.25", "mail2 IN A 192.0.2.26",
                "@ IN TXT \"v=spf1 mx -all\"", "@ IN A 192.0.2.80", "www IN CNAME @",
                "*.wild IN A 192.0.2.99", "sub IN NS ns.sub", "ns.sub IN A 192.0.2.53",
                "_sip._tcp IN SRV 10 60 5060 sip", "sip IN A 192.0.2.60",
                "@ IN CAA 0 issue \"letsencrypt.org\""};
            for (String l : head) {
                w.write(l);
                w.write('\n');
                if (!l.startsWith("$")) {
                    n++;
                }
            }
            for (int i = 0; i < hosts; i++) {
                w.write("h" + i + " IN A 10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255) + "\n");
                n++;
                if (i % 4 == 0) {
                    w.write("h" + i + " IN AAAA 2001:db8::" + Integer.toHexString(i >> 16) + ":" + Integer.toHexString(i & 0xffff) + "\n");
                    n++;
                }
                if (i % 10 == 0) {
                    w.write("c" + i + " IN CNAME h" + i + "\n");
                    n++;
                }
            }
        }
        return n;
    }
}
