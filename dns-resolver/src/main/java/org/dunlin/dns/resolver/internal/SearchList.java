package org.dunlin.dns.resolver.internal;

import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.TextParseException;

/**
 * The names a stub tries for a name typed by a user, and in which order: glibc 2.36's
 * {@code __res_context_search} (resolv/res_query.c), itself the 4.4BSD {@code res_search}.
 *
 * <ol>
 *   <li>Count the dots of the name as written. A name with a trailing dot is absolute: it is tried as
 *       is, and only so.</li>
 *   <li>With at least {@code ndots} dots the name is tried as is first.</li>
 *   <li>Then the name under each search domain, in order (a root domain on the list stands for the
 *       name as is).</li>
 *   <li>Then, if it was not tried yet, the name as is.</li>
 * </ol>
 *
 * How results steer the walk (what {@link Step} a driver takes) is in {@link #afterSearchResult}.
 */
public final class SearchList {
    private SearchList() {
    }

    /** Where a candidate comes from. */
    public enum Origin {
        /** The name as is, tried before the search list (enough dots). */
        AS_IS_FIRST,
        /** The name under a search domain. */
        SEARCH,
        /** The name as is, after the search list. */
        AS_IS_LAST,
        /** An absolute name (trailing dot): the only candidate. */
        ABSOLUTE
    }

    /** One name to try. */
    public record Candidate(Name name, Origin origin) {
    }

    /** What a search-list result means for the walk. */
    public enum Step {
        /** Try the next candidate. */
        NEXT,
        /** Skip the remaining search domains, but still try the name as is if it is pending. */
        SKIP_SEARCH,
        /** Stop: this result is final. */
        STOP
    }

    /**
     * The candidates for {@code text} in the order glibc tries them.
     *
     * @throws IllegalArgumentException if {@code text} is not a valid name
     */
    public static List<Candidate> candidates(String text, List<Name> search, int ndots) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
        if (text.equals(".")) {
            return List.of(new Candidate(Name.ROOT, Origin.ABSOLUTE));
        }
        boolean trailingDot = text.endsWith(".") && !text.endsWith("\\.");
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.') {
                dots++;
            }
        }
        Name relative;
        try {
            relative = Name.parse(trailingDot ? text.substring(0, text.length() - 1) : text, null);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e.getMessage() + ": \"" + text + "\"", e);
        }
        if (relative.isAbsolute()) {
            relative = relative.relativize(Name.ROOT);
        }
        Name asIs = relative.concatenate(Name.ROOT);
        List<Candidate> out = new ArrayList<>(search.size() + 1);
        if (trailingDot) {
            out.add(new Candidate(asIs, Origin.ABSOLUTE));
            return out;
        }
        boolean triedAsIs = false;
        if (dots >= ndots) {
            out.add(new Candidate(asIs, Origin.AS_IS_FIRST));
            triedAsIs = true;
        }
        boolean rootOnList = false;
        for (Name domain : search) {
            if (domain.isRoot()) {
                rootOnList = true;
            }
            Name n;
            try {
                n = relative.concatenate(domain);
            } catch (IllegalArgumentException tooLong) {
                continue; // longer than 255 octets: cannot exist
            }
            out.add(new Candidate(n, Origin.SEARCH));
        }
        if (!triedAsIs && !rootOnList) {
            out.add(new Candidate(asIs, Origin.AS_IS_LAST));
        }
        return out;
    }

    /**
     * What glibc does after a search-domain candidate fails: NXDOMAIN and NODATA (a wildcard of another
     * type must not hide the name higher up) and SERVFAIL go on to the next domain; a timeout ends the
     * lookup (glibc stops when no server answers); anything else (REFUSED, a bogus answer...) skips the
     * remaining domains but still tries the name as is.
     */
    public static Step afterSearchResult(Kind kind) {
        switch (kind) {
            case NXDOMAIN:
            case NODATA:
            case SERVFAIL:
                return Step.NEXT;
            case TIMEOUT:
                return Step.STOP;
            default:
                return Step.SKIP_SEARCH;
        }
    }

    /** The failure kinds the walk distinguishes. */
    public enum Kind {
        NXDOMAIN, NODATA, SERVFAIL, TIMEOUT, OTHER
    }
}
