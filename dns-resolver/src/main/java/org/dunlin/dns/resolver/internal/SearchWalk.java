package org.dunlin.dns.resolver.internal;

import java.util.List;
import java.util.function.Function;
import org.dunlin.dns.resolver.LookupResult;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.futures.Promise;

/**
 * Walks the candidates of {@link SearchList} one at a time, asking {@code ask} for each, until one
 * answers; then picks the outcome glibc would report: the first answer, else the outcome of the
 * as-is name if it was tried first, else the first NODATA, else the first server failure, else the last
 * outcome.
 *
 * <p>The promise completes on the thread that completes the deciding candidate's lookup (the caller's
 * when everything came from the cache). Cancelling it cancels the lookup in flight. Loops, not
 * recursion, while candidates complete at once.
 */
public final class SearchWalk<T> {
    private final List<SearchList.Candidate> candidates;
    private final Function<Name, Promise<LookupResult<T>>> ask;
    private final Promise<LookupResult<T>> result = new Promise<>();
    private volatile Promise<LookupResult<T>> current;
    private int index;
    private boolean skipSearch;
    private LookupResult<T> asIsFirst;
    private LookupResult<T> firstNoData;
    private LookupResult<T> firstServFail;
    private LookupResult<T> last;

    private SearchWalk(List<SearchList.Candidate> candidates, Function<Name, Promise<LookupResult<T>>> ask) {
        this.candidates = candidates;
        this.ask = ask;
    }

    /** Starts the walk over {@code candidates} (not empty). */
    public static <T> Promise<LookupResult<T>> start(List<SearchList.Candidate> candidates,
            Function<Name, Promise<LookupResult<T>>> ask) {
        SearchWalk<T> w = new SearchWalk<>(candidates, ask);
        w.result.whenComplete((r, x) -> {
            Promise<LookupResult<T>> c = w.current;
            if (c != null && !c.isDone()) {
                c.cancel(true);
            }
        });
        w.next();
        return w.result;
    }

    private void next() {
        while (!result.isDone()) {
            if (index >= candidates.size()) {
                finish();
                return;
            }
            SearchList.Candidate c = candidates.get(index++);
            if (skipSearch && c.origin() == SearchList.Origin.SEARCH) {
                continue;
            }
            Promise<LookupResult<T>> p;
            try {
                p = ask.apply(c.name());
            } catch (RuntimeException e) {
                p = Promise.failed(e);
            }
            current = p;
            if (!p.isDone()) {
                p.whenComplete((r, x) -> {
                    if (!handle(c, r, x)) {
                        next();
                    }
                });
                return;
            }
            LookupResult<T> r = null;
            Throwable x = null;
            try {
                r = p.join();
            } catch (RuntimeException e) {
                x = Promise.unwrap(e);
            }
            if (handle(c, r, x)) {
                return;
            }
        }
    }

    /** Returns true when the walk is over. */
    private boolean handle(SearchList.Candidate c, LookupResult<T> r, Throwable x) {
        if (result.isDone()) {
            return true;
        }
        if (x != null) {
            result.completeExceptionally(x);
            return true;
        }
        if (r.isAnswer() || c.origin() == SearchList.Origin.ABSOLUTE) {
            result.complete(r);
            return true;
        }
        last = r;
        switch (c.origin()) {
            case AS_IS_FIRST:
                asIsFirst = r;
                return false;
            case SEARCH:
                SearchList.Kind kind = kindOf(r);
                if (kind == SearchList.Kind.NODATA && firstNoData == null) {
                    firstNoData = r;
                } else if (kind == SearchList.Kind.SERVFAIL && firstServFail == null) {
                    firstServFail = r;
                }
                SearchList.Step step = SearchList.afterSearchResult(kind);
                if (step == SearchList.Step.STOP) {
                    result.complete(r);
                    return true;
                }
                if (step == SearchList.Step.SKIP_SEARCH) {
                    skipSearch = true;
                }
                return false;
            default:
                return false;
        }
    }

    private void finish() {
        LookupResult<T> r = asIsFirst != null ? asIsFirst
                : firstNoData != null ? firstNoData
                : firstServFail != null ? firstServFail
                : last;
        result.complete(r);
    }

    static SearchList.Kind kindOf(LookupResult<?> r) {
        switch (r.status()) {
            case NXDOMAIN:
                return SearchList.Kind.NXDOMAIN;
            case NODATA:
                return SearchList.Kind.NODATA;
            case BOGUS:
                return SearchList.Kind.SERVFAIL;
            case SERVFAIL:
                return ((LookupResult.ServFail<?>) r).rcode().equals(Rcode.SERVFAIL)
                        ? SearchList.Kind.SERVFAIL : SearchList.Kind.OTHER;
            case TIMEOUT:
                return SearchList.Kind.TIMEOUT;
            default:
                return SearchList.Kind.OTHER;
        }
    }
}
