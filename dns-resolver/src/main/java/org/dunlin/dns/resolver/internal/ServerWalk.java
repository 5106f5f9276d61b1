package org.dunlin.dns.resolver.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.dunlin.dns.resolver.DnsClient;
import org.dunlin.dns.resolver.Reply;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.futures.Promise;
import org.dunlin.futures.Timer;
import org.dunlin.futures.io.ConnectionClosedException;

/**
 * One query's walk over the name servers, as glibc's {@code res_send} walks them: {@code attempts}
 * rounds, each over the servers in {@link ServerRanking} order, one try at a time with the per-try
 * timeout (cut short by the overall deadline). A try ends the walk when it brings a usable response;
 * SERVFAIL, REFUSED, NOTIMP and FORMERR move on to the next server (and that server is not asked again
 * in later rounds), timeouts and transport errors too.
 *
 * <p>The promise completes with the usable response, or else with the first unusable response if any
 * server answered, or else fails with a {@link TimeoutException} whose message lists each server's
 * failure. It fails with {@link ConnectionClosedException} if the clients are closed. Cancelling it
 * cancels the try in flight. It completes on the thread that completes the deciding try.
 */
public final class ServerWalk {
    private final List<DnsClient> clients;
    private final ServerRanking ranking;
    private final Message query;
    private final Duration perTry;
    private final long deadline;
    private final Timer timer;
    private final List<Integer> order;
    private final int tries;
    private Set<Integer> answeredBadly;
    private final Promise<Reply> result = new Promise<>();
    private StringBuilder failures;
    private volatile Promise<Reply> current;
    private Reply firstBad;
    private int index;

    private ServerWalk(List<DnsClient> clients, ServerRanking ranking, Message query, Duration perTry, int attempts,
            long deadline, Timer timer) {
        this.clients = clients;
        this.ranking = ranking;
        this.query = query;
        this.perTry = perTry;
        this.deadline = deadline;
        this.timer = timer;
        this.order = ranking.order();
        this.tries = attempts * order.size(); // try i asks server order[i % servers]
    }

    /** Starts the walk; see the class comment. */
    public static Promise<Reply> start(List<DnsClient> clients, ServerRanking ranking, Message query, Duration perTry,
            int attempts, long deadline, Timer timer) {
        ServerWalk w = new ServerWalk(clients, ranking, query, perTry, attempts, deadline, timer);
        w.result.whenComplete((r, x) -> {
            Promise<Reply> c = w.current;
            if (c != null && !c.isDone()) {
                c.cancel(true);
            }
        });
        w.next();
        return w.result;
    }

    /** Whether a response ends the walk (RFC 1035 §4.1.1: 2, 4 and 5 say "ask someone else"; FORMERR too). */
    static boolean usable(Message m) {
        Rcode r = m.rcode();
        return !(r.equals(Rcode.SERVFAIL) || r.equals(Rcode.REFUSED) || r.equals(Rcode.NOTIMP) || r.equals(Rcode.FORMERR));
    }

    private void next() {
        while (!result.isDone()) {
            long left = deadline - timer.nanoTime();
            if (index >= tries || left <= 0) {
                finish();
                return;
            }
            int server = order.get(index++ % order.size());
            if (answeredBadly != null && answeredBadly.contains(server)) {
                continue;
            }
            DnsClient client = clients.get(server);
            Duration timeout = Duration.ofNanos(Math.min(left, perTry.toNanos()));
            long started = timer.nanoTime();
            Promise<Reply> p;
            try {
                p = client.send(query, timeout);
            } catch (RuntimeException e) {
                p = Promise.failed(e);
            }
            current = p;
            if (result.isDone()) {
                p.cancel(true);
                return;
            }
            if (!p.isDone()) {
                p.whenComplete((r, x) -> {
                    if (!handle(server, started, r, x)) {
                        next();
                    }
                });
                return;
            }
            Reply r = null;
            Throwable x = null;
            try {
                r = p.join();
            } catch (RuntimeException e) {
                x = Promise.unwrap(e);
            }
            if (handle(server, started, r, x)) {
                return;
            }
        }
    }

    /** Returns true when the walk is over. */
    private boolean handle(int server, long started, Reply r, Throwable x) {
        if (result.isDone()) {
            return true;
        }
        if (x != null) {
            if (x instanceof ConnectionClosedException || x instanceof java.util.concurrent.CancellationException) {
                result.completeExceptionally(x);
                return true;
            }
            ranking.failed(server, timer.nanoTime() - started);
            note(server, describe(x));
            return false;
        }
        ranking.answered(server, r.rtt().toNanos());
        if (usable(r.message())) {
            result.complete(r);
            return true;
        }
        if (answeredBadly == null) {
            answeredBadly = new HashSet<>();
        }
        answeredBadly.add(server);
        note(server, r.message().rcode().toString());
        if (firstBad == null) {
            firstBad = r;
        }
        return false;
    }

    private void finish() {
        if (firstBad != null) {
            result.complete(firstBad);
        } else {
            result.completeExceptionally(new TimeoutException(failures == null
                    ? "no time left to ask any server" : failures.toString()));
        }
    }

    private void note(int server, String what) {
        if (failures == null) {
            failures = new StringBuilder();
        } else {
            failures.append("; ");
        }
        failures.append(Servers.format(clients.get(server).server())).append(": ").append(what);
    }

    private static String describe(Throwable x) {
        if (x instanceof TimeoutException) {
            return "timed out";
        }
        if (x instanceof java.net.PortUnreachableException) {
            return "port unreachable";
        }
        if (x instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String m = x.getMessage();
        return x.getClass().getSimpleName() + (m != null ? ": " + m : "");
    }
}
