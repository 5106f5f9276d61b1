package org.dunlin.dns.wire.dnssec.internal;

import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Kind;
import org.dunlin.dns.wire.dnssec.ZoneVerification.Problem;

/**
 * Collects the problems and warnings of one zone verification (by {@link Kind#isWarning()}). At most
 * a few are reported per record, so the report stays linear in the zone's size. Not thread-safe.
 */
public final class ProblemSink {

    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();

    /** Records a problem, or a warning if {@code kind} is one. */
    public void add(Name name, RRType type, Kind kind, String reason) {
        (kind.isWarning() ? warnings : problems).add(new Problem(name, type, kind, reason));
    }

    /** The problems in canonical order of name, then type. */
    public List<Problem> sorted() {
        return sorted(problems);
    }

    /** The warnings in canonical order of name, then type. */
    public List<Problem> sortedWarnings() {
        return sorted(warnings);
    }

    private static List<Problem> sorted(List<Problem> list) {
        List<Problem> out = new ArrayList<>(list);
        out.sort(null);
        return out;
    }
}
