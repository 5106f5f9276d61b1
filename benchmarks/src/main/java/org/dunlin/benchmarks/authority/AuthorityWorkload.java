package org.dunlin.benchmarks.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.edns.Edns;

/**
 * The shared server workload of {@code ../shared/bench/zonegen.py}, rebuilt in Java with the same
 * shape: a zone of {@code hosts} hosts (an A each, an AAAA for every 4th, a CNAME for every 10th, plus
 * SOA, NS, MX, TXT, a wildcard, a delegation with glue, an SRV and a CAA) and a query mix of 55% A hits,
 * 15% AAAA, 8% CNAME chains, 8% NXDOMAIN, 4% MX at the apex, 3% wildcard, 3% NODATA, 2% referrals,
 * 2% a CNAME to the apex. Deterministic (seeded).
 */
final class AuthorityWorkload {
    static final Name ORIGIN = Name.of("example.com.");

    private AuthorityWorkload() {
    }

    /** The zone file text. */
    static String zone(int hosts) {
        StringBuilder z = new StringBuilder();
        for (String line : new String[] {"$ORIGIN example.com.", "$TTL 3600",
                "@ IN SOA ns1.example.com. hostmaster.example.com. 2026112101 7200 3600 1209600 300",
                "@ IN NS ns1", "@ IN NS ns2", "ns1 IN A 192.0.2.1", "ns2 IN A 192.0.2.2",
                "ns1 IN AAAA 2001:db8::1", "ns2 IN AAAA 2001:db8::2", "@ IN MX 10 mail", "@ IN MX 20 mail2",
                "mail IN A 192.0.2.25", "mail2 IN A 192.0.2.26", "@ IN TXT \"v=spf1 mx -all\"", "@ IN A 192.0.2.80",
                "www IN CNAME @", "*.wild IN A 192.0.2.99", "sub IN NS ns.sub", "ns.sub IN A 192.0.2.53",
                "_sip._tcp IN SRV 10 60 5060 sip", "sip IN A 192.0.2.60", "@ IN CAA 0 issue \"letsencrypt.org\""}) {
            z.append(line).append('\n');
        }
        for (int i = 0; i < hosts; i++) {
            z.append("h").append(i).append(" IN A 10.").append(i >> 16 & 255).append('.').append(i >> 8 & 255).append('.')
                    .append(i & 255).append('\n');
            if (i % 4 == 0) {
                z.append("h").append(i).append(" IN AAAA 2001:db8::").append(Integer.toHexString(i >> 16)).append(':')
                        .append(Integer.toHexString(i & 0xFFFF)).append('\n');
            }
            if (i % 10 == 0) {
                z.append("c").append(i).append(" IN CNAME h").append(i).append('\n');
            }
        }
        return z.toString();
    }

    /** {@code count} queries in wire form (with EDNS, as dnsperf sends them without it: plain). */
    static List<byte[]> queries(int hosts, int count, boolean edns) {
        Random rnd = new Random(42);
        List<byte[]> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double r = rnd.nextDouble();
            int i = rnd.nextInt(hosts);
            String name;
            RRType type = RRType.A;
            if (r < 0.55) {
                name = "h" + i;
            } else if (r < 0.70) {
                name = "h" + (i - i % 4);
                type = RRType.AAAA;
            } else if (r < 0.78) {
                name = "c" + (i - i % 10);
            } else if (r < 0.86) {
                name = "nx" + i;
            } else if (r < 0.90) {
                name = "@";
                type = RRType.MX;
            } else if (r < 0.93) {
                name = "x" + i + ".wild";
            } else if (r < 0.96) {
                name = "h" + i;
                type = RRType.TXT;
            } else if (r < 0.98) {
                name = "host" + i + ".sub";
            } else {
                name = "www";
            }
            Name qname = name.equals("@") ? ORIGIN : Name.of(name + ".example.com.");
            Message.Builder b = Message.builder().id(k & 0xFFFF).question(qname, type);
            if (edns) {
                b.edns(Edns.DEFAULT);
            }
            out.add(b.build().toWire());
        }
        return out;
    }
}
