package org.dunlin.benchmarks.authority;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.authority.Catalog;
import org.dunlin.dns.authority.Responder;
import org.dunlin.dns.authority.Zone;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;

/**
 * The authoritative answer path without sockets: query bytes in, response bytes out, one query per
 * operation, cycling through 4096 queries of the shared workload ({@link AuthorityWorkload}, a
 * 10,000-host zone). Dunlin: a reused {@link Responder.Session} (the server's UDP path, allocation-free).
 * dnsjava: what its {@code jnamed} example server does — parse the query into a {@code Message},
 * {@code Zone.findRecords}, build the response {@code Message} (answer, CNAME chain, SOA for negative
 * answers, NS for referrals) and {@code toWire(512)}. Run with {@code -prof gc} for allocation per query.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnswerBenchmark {
    private static final int HOSTS = 10_000;

    @Param({"dunlin", "dnsjava"})
    public String impl;

    private List<byte[]> queries;
    private int next;
    private Responder.Session session;
    private org.xbill.DNS.Zone zone;

    @Setup
    public void setUp() throws Exception {
        String text = AuthorityWorkload.zone(HOSTS);
        queries = AuthorityWorkload.queries(HOSTS, 4096, false);
        if (impl.equals("dunlin")) {
            session = Responder.of(Catalog.of(Zone.parse(AuthorityWorkload.ORIGIN, text, "bench.zone"))).newSession();
        } else {
            java.nio.file.Path f = java.nio.file.Files.createTempFile("bench", ".zone");
            java.nio.file.Files.writeString(f, text);
            zone = new org.xbill.DNS.Zone(Name.fromString("example.com."), f.toString());
            java.nio.file.Files.delete(f);
        }
        // Both answer every query of the mix.
        for (byte[] q : queries) {
            if (answer(q) <= 12) {
                throw new IllegalStateException(impl + " did not answer a query");
            }
        }
    }

    @Benchmark
    public int answer() throws IOException {
        byte[] q = queries.get(next);
        next = next + 1 & 4095;
        return answer(q);
    }

    private int answer(byte[] q) throws IOException {
        if (session != null) {
            return session.respond(q, 0, q.length, false);
        }
        return dnsjava(q).length;
    }

    /** jnamed's answering, reduced to what the workload needs. */
    private byte[] dnsjava(byte[] wire) throws IOException {
        Message query = new Message(wire);
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        int type = question.getType();
        for (int hops = 0; hops < 8; hops++) {
            SetResponse sr = zone.findRecords(name, type);
            if (sr.isSuccessful()) {
                for (RRset set : sr.answers()) {
                    for (Record r : set.rrs()) {
                        response.addRecord(r, Section.ANSWER);
                    }
                }
                break;
            } else if (sr.isCNAME()) {
                response.addRecord(sr.getCNAME(), Section.ANSWER);
                name = sr.getCNAME().getTarget();
            } else if (sr.isDelegation()) {
                response.getHeader().unsetFlag(Flags.AA);
                for (Record r : sr.getNS().rrs()) {
                    response.addRecord(r, Section.AUTHORITY);
                }
                break;
            } else {
                if (sr.isNXDOMAIN()) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                response.addRecord(zone.getSOA(), Section.AUTHORITY);
                break;
            }
        }
        if (question.getDClass() != DClass.IN || type == Type.ANY) {
            response.getHeader().setRcode(Rcode.REFUSED);
        }
        return response.toWire(512);
    }
}
