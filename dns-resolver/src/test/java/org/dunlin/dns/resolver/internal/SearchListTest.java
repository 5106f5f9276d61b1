package org.dunlin.dns.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The candidate order of glibc 2.36's {@code __res_context_search}, as a table: each row is a name, a
 * search list, ndots, and the names glibc queries in order (its algorithm, written down in the class
 * comment of {@link SearchList}; {@code GlibcSearchComparisonTest} checks the same against glibc itself).
 */
class SearchListTest {

    @ParameterizedTest(name = "{0} with search [{1}] ndots {2}")
    @CsvSource(delimiter = '|', value = {
        // no dots, ndots 1: search list first, then the name as is
        "host          | a.test b.test | 1 | host.a.test. host.b.test. host.",
        // enough dots: as is first, then the search list
        "www.example   | a.test b.test | 1 | www.example. www.example.a.test. www.example.b.test.",
        // fewer dots than ndots: search list first
        "www.example   | a.test b.test | 2 | www.example.a.test. www.example.b.test. www.example.",
        "a.b.c         | a.test        | 2 | a.b.c. a.b.c.a.test.",
        // a trailing dot: only as is
        "host.         | a.test b.test | 1 | host.",
        "www.example.  | a.test        | 5 | www.example.",
        // ndots 0: even a single label is tried as is first
        "host          | a.test        | 0 | host. host.a.test.",
        // no search list
        "host          |               | 1 | host.",
        "host.x        |               | 1 | host.x.",
        // the root on the search list stands for the name as is (not tried twice)
        "host          | . a.test      | 1 | host. host.a.test.",
        "host          | a.test .      | 1 | host.a.test. host.",
        // escaped dots count as dots in the text (glibc counts characters)
        "a\\.b         | a.test        | 1 | a\\.b. a\\.b.a.test.",
    })
    void candidatesInGlibcOrder(String name, String search, int ndots, String expected) {
        List<Name> domains = new ArrayList<>();
        if (search != null) {
            for (String d : search.trim().split(" +")) {
                domains.add(Name.of(d));
            }
        }
        List<String> got = new ArrayList<>();
        for (SearchList.Candidate c : SearchList.candidates(name.trim(), domains, ndots)) {
            got.add(c.name().toString());
        }
        assertEquals(List.of(expected.trim().split(" +")), got);
    }

    @ParameterizedTest
    @CsvSource({"NXDOMAIN,NEXT", "NODATA,NEXT", "SERVFAIL,NEXT", "TIMEOUT,STOP", "OTHER,SKIP_SEARCH"})
    void whatEachFailureDoesToTheWalk(SearchList.Kind kind, SearchList.Step step) {
        assertEquals(step, SearchList.afterSearchResult(kind));
    }

    @org.junit.jupiter.api.Test
    void invalidNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SearchList.candidates("a..b", List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> SearchList.candidates("", List.of(), 1));
        assertThrows(IllegalArgumentException.class, () -> SearchList.candidates("x".repeat(64), List.of(), 1));
    }
}
