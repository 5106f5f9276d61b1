package org.dunlin.dns.resolver.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.dunlin.dns.resolver.AddressSelection;
import org.dunlin.dns.resolver.LookupResult;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.ARdata;
import org.dunlin.dns.wire.rdata.AaaaRdata;
import org.dunlin.dns.wire.rdata.MxRdata;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.SrvRdata;

/** Turns record outcomes into typed ones: values extracted from RDATA and ordered as each lookup promises. */
public final class Typed {
    private Typed() {
    }

    /** The outcome with the answer's values computed from its records; other cases carry over. */
    @SuppressWarnings("unchecked")
    public static <T> LookupResult<T> map(LookupResult<Record> r, Function<List<Record>, List<T>> values) {
        if (r instanceof LookupResult.Answer<Record> a) {
            return new LookupResult.Answer<>(a.name(), a.canonicalName(), values.apply(a.records()), a.records(),
                    a.chain(), a.ttl(), a.authenticated());
        }
        // every other case holds no value of the type parameter
        return (LookupResult<T>) (LookupResult<?>) r;
    }

    /** The RDATA of records of class {@code type}, in record order. */
    public static <T extends Rdata> List<T> rdata(List<Record> records, Class<T> type) {
        List<T> out = new ArrayList<>(records.size());
        for (Record r : records) {
            if (type.isInstance(r.rdata())) {
                out.add(type.cast(r.rdata()));
            }
        }
        return out;
    }

    /** The addresses of A and AAAA records, in record order. */
    public static List<InetAddress> addresses(List<Record> records) {
        List<InetAddress> out = new ArrayList<>(records.size());
        for (Record r : records) {
            if (r.rdata() instanceof ARdata a) {
                out.add(a.address());
            } else if (r.rdata() instanceof AaaaRdata a) {
                out.add(a.address());
            }
        }
        return out;
    }

    /**
     * The outcome of an address lookup from the A and AAAA outcomes for one name: an answer if either has
     * one (addresses merged and sorted); else NXDOMAIN if either says so; else NODATA if both do; else the
     * first other failure (A's before AAAA's).
     */
    public static LookupResult<InetAddress> combineAddresses(Name name, LookupResult<Record> a, LookupResult<Record> aaaa,
            AddressSelection selection) {
        LookupResult.Answer<Record> x = a instanceof LookupResult.Answer<Record> aa ? aa : null;
        LookupResult.Answer<Record> y = aaaa instanceof LookupResult.Answer<Record> bb ? bb : null;
        if (x != null || y != null) {
            List<Record> records = new ArrayList<>();
            List<Record> chain = new ArrayList<>();
            long ttl = Long.MAX_VALUE;
            boolean authenticated = true;
            Name canonical = null;
            for (LookupResult.Answer<Record> ans : new ArrayList<>(java.util.Arrays.asList(x, y))) {
                if (ans == null) {
                    continue;
                }
                records.addAll(ans.records());
                if (chain.isEmpty()) {
                    chain.addAll(ans.chain());
                }
                ttl = Math.min(ttl, ans.ttl());
                authenticated &= ans.authenticated();
                if (canonical == null) {
                    canonical = ans.canonicalName();
                }
            }
            return new LookupResult.Answer<>(name, canonical, selection.sort(addresses(records)), records, chain, ttl,
                    authenticated);
        }
        if (a.status() == LookupResult.Status.NXDOMAIN) {
            return map(a, l -> List.of());
        }
        if (aaaa.status() == LookupResult.Status.NXDOMAIN) {
            return map(aaaa, l -> List.of());
        }
        if (a.status() == LookupResult.Status.NODATA && aaaa.status() == LookupResult.Status.NODATA) {
            return map(a, l -> List.of());
        }
        return map(a.status() != LookupResult.Status.NODATA ? a : aaaa, l -> List.of());
    }

    /** RFC 5321 §5.1: lowest preference first; equal preferences in random order. */
    public static List<MxRdata> orderMx(List<MxRdata> mx, RandomGenerator random) {
        List<MxRdata> out = shuffled(mx, random);
        out.sort(Comparator.comparingInt(MxRdata::preference));
        return out;
    }

    /**
     * RFC 2782: lowest priority first; within a priority, repeatedly pick a record with probability
     * proportional to its weight (weight-0 records have a small chance, being placed first in the list).
     */
    public static List<SrvRdata> orderSrv(List<SrvRdata> srv, RandomGenerator random) {
        List<SrvRdata> sorted = new ArrayList<>(srv);
        sorted.sort(Comparator.comparingInt(SrvRdata::priority));
        List<SrvRdata> out = new ArrayList<>(srv.size());
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).priority() == sorted.get(i).priority()) {
                j++;
            }
            List<SrvRdata> group = new ArrayList<>();
            for (SrvRdata s : sorted.subList(i, j)) {
                if (s.weight() == 0) {
                    group.add(0, s);
                } else {
                    group.add(s);
                }
            }
            while (!group.isEmpty()) {
                long total = 0;
                for (SrvRdata s : group) {
                    total += s.weight();
                }
                long pick = total == 0 ? 0 : random.nextLong(total + 1);
                long running = 0;
                int chosen = group.size() - 1;
                for (int k = 0; k < group.size(); k++) {
                    running += group.get(k).weight();
                    if (running >= pick) {
                        chosen = k;
                        break;
                    }
                }
                out.add(group.remove(chosen));
            }
            i = j;
        }
        return out;
    }

    private static <T> List<T> shuffled(List<T> in, RandomGenerator random) {
        List<T> out = new ArrayList<>(in);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }
}
