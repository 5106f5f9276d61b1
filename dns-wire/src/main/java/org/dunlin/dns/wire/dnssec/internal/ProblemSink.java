package org.dunlin.dns.wire.dnssec.internal;

import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Problem;

/**
 * Collects the problems of one zone verification. At most a few problems are reported per record,
 * so the report stays linear in the zone's size. Not thread-safe.
 */
public final class ProblemSink {

    private final List<Problem> problems = new ArrayList<>();

    /** Records a problem. */
    public void add(Name name, RRType type, Kind kind, String reason) {
        problems.add(new Problem(name, type, kind, reason));
    }

    /** The problems in canonical order of name, then type. */
    public List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(null);
        return out;
    }
}
