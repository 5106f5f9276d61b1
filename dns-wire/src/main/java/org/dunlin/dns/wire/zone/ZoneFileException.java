package org.dunlin.dns.wire.zone;

import java.util.List;

/**
 * A zone file could not be parsed: one problem (stop at the first) or all of them (collect mode), each
 * with file, line and column. The message is the first problem in {@code FILE:LINE:COL: message} form.
 */
public final class ZoneFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ZoneProblem> problems;

    /** An exception for {@code problems} (at least one). */
    public ZoneFileException(List<ZoneProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(List<ZoneProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
    }

    /** The problems, in the order found. */
    public List<ZoneProblem> problems() {
        return problems;
    }
}
