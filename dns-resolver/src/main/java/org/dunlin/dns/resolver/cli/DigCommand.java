package org.dunlin.dns.resolver.cli;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.dunlin.dns.resolver.ClientOptions;
import org.dunlin.dns.resolver.DnsClient;
import org.dunlin.dns.resolver.LookupResult;
import org.dunlin.dns.resolver.Reply;
import org.dunlin.dns.resolver.ResolverConfig;
import org.dunlin.dns.resolver.StubResolver;
import org.dunlin.dns.resolver.internal.AddressText;
import org.dunlin.dns.wire.Flag;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.futures.io.IoRuntime;

/**
 * {@code ./dunlin dig [@SERVER] [-p PORT] NAME [TYPE] [CLASS] [+tcp] [+dnssec] [+norecurse] [+short]
 * [+timeout=S] [+tries=N] [+bufsize=N] [-x ADDR]}: one query, printed as dig 9.18 prints it (header,
 * flags, OPT pseudo-section, sections — dns-wire's {@code Message.toString()} — then query time, server,
 * date and size). Without {@code @SERVER} the servers of {@code /etc/resolv.conf} are tried in order.
 *
 * <p>Exit status, as dig: 0 when a response arrived (whatever its RCODE); 9 when no server could be
 * reached ({@code ;; connection timed out; no servers could be reached} when every try timed out);
 * 10 for an internal error. Usage errors print one line and exit 2 (dig uses 1; 2 is the launcher's
 * rule for every command).
 */
public final class DigCommand {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);

    private DigCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err, ResolverConfig::system, Clock.systemDefaultZone()));
    }

    /** Runs the command; returns the exit status. {@code system} supplies resolv.conf's servers. */
    public static int run(List<String> args, PrintStream out, PrintStream err, Supplier<ResolverConfig> system, Clock clock) {
        DigArgs a;
        try {
            a = DigArgs.parse(args);
        } catch (DigArgs.UsageException e) {
            err.println("dig: " + e.getMessage() + " (" + DigArgs.USAGE.substring(7) + ")");
            return 2;
        }
        if (a.help()) {
            out.println(DigArgs.USAGE);
            out.println("query one DNS server and print the response as dig does (exit 9: no server reached)");
            return 0;
        }
        try (IoRuntime runtime = IoRuntime.builder().name("dig").ioThreads(1).udpThreads(1).callbackThreads(1).build()) {
            List<InetSocketAddress> servers = servers(a, system);
            if (servers == null) {
                err.println("dig: couldn't get address for '" + a.server() + "': not found");
                return 10;
            }
            return query(a, args, servers, runtime, out, clock);
        } catch (java.io.IOException | RuntimeException e) {
            err.println("dig: internal error: " + e);
            return 10;
        }
    }

    private static List<InetSocketAddress> servers(DigArgs a, Supplier<ResolverConfig> system) {
        if (a.server() == null) {
            List<InetSocketAddress> out = new ArrayList<>();
            for (InetSocketAddress s : system.get().nameservers()) {
                out.add(new InetSocketAddress(s.getAddress(), a.port()));
            }
            return out;
        }
        InetAddress literal = AddressText.parseLiteral(a.server());
        if (literal != null) {
            return List.of(new InetSocketAddress(literal, a.port()));
        }
        // a host name: resolve it with the system's stub resolver, as dig does
        try (StubResolver r = StubResolver.system()) {
            LookupResult<InetAddress> res = r.lookupIp(a.server()).get(30, TimeUnit.SECONDS);
            if (!res.isAnswer()) {
                return null;
            }
            List<InetSocketAddress> out = new ArrayList<>();
            for (InetAddress x : res.values()) {
                out.add(new InetSocketAddress(x, a.port()));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static int query(DigArgs a, List<String> rawArgs, List<InetSocketAddress> servers, IoRuntime runtime,
            PrintStream out, Clock clock) {
        Message.Builder q = Message.builder().question(new Question(a.name(), a.type(), a.rrClass()));
        q.flag(Flag.RD, a.recurse()).flag(Flag.AD, a.adflag()).flag(Flag.CD, a.cdflag());
        if (a.edns()) {
            q.edns(Edns.DEFAULT.withUdpPayloadSize(a.bufsize()).withDnssecOk(a.dnssec()));
        }
        Message query = q.build();
        ClientOptions options = ClientOptions.builder().tcpOnly(a.tcp()).maxInFlight(1).build();
        List<String> errors = new ArrayList<>();
        boolean allTimeouts = true;
        for (int t = 0; t < a.tries(); t++) {
            for (InetSocketAddress server : servers) {
                try (DnsClient client = DnsClient.create(runtime, server, options)) {
                    Reply reply = client.send(query, a.timeout()).get(a.timeout().toMillis() + 30_000, TimeUnit.MILLISECONDS);
                    print(a, rawArgs, query, reply, out, clock);
                    return 0;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    boolean timedOut = c instanceof TimeoutException;
                    allTimeouts &= timedOut;
                    String what = timedOut ? "timed out" : c instanceof PortUnreachableException
                            || c instanceof java.net.ConnectException ? "connection refused" : String.valueOf(c.getMessage());
                    errors.add(";; communications error to " + format(server) + ": " + what);
                    out.println(errors.get(errors.size() - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 10;
                } catch (TimeoutException e) {
                    errors.add(";; communications error to " + format(server) + ": timed out");
                    out.println(errors.get(errors.size() - 1));
                }
            }
        }
        if (!a.shortOut()) {
            out.println();
            banner(a, rawArgs, out);
        }
        out.println(allTimeouts ? ";; connection timed out; no servers could be reached" : ";; no servers could be reached");
        out.flush();
        return 9;
    }

    private static void banner(DigArgs a, List<String> rawArgs, PrintStream out) {
        out.println("; <<>> Dunlin dig <<>> " + String.join(" ", rawArgs));
        if (a.server() != null) {
            out.println("; (1 server found)");
        }
        out.println(";; global options: +cmd");
    }

    private static void print(DigArgs a, List<String> rawArgs, Message query, Reply reply, PrintStream out, Clock clock) {
        Message m = reply.message();
        if (a.shortOut()) {
            for (Record r : m.answer()) {
                out.println(r.rdata().toText());
            }
            out.flush();
            return;
        }
        if (reply.truncatedOverUdp()) {
            out.println(";; Truncated, retrying in TCP mode.");
        }
        out.println();
        banner(a, rawArgs, out);
        out.println(";; Got answer:");
        String text = m.toString();
        if (query.isSet(Flag.RD) && !m.isSet(Flag.RA)) {
            int flagsEnd = text.indexOf('\n', text.indexOf(";; flags:"));
            text = text.substring(0, flagsEnd + 1) + ";; WARNING: recursion requested but not available\n"
                    + text.substring(flagsEnd + 1);
        }
        out.print(text);
        out.println();
        out.println(";; Query time: " + reply.rtt().toMillis() + " msec");
        String addr = reply.server().getAddress().getHostAddress();
        out.println(";; SERVER: " + addr + "#" + reply.server().getPort() + "(" + addr + ") (" + reply.transport() + ")");
        out.println(";; WHEN: " + WHEN.format(ZonedDateTime.now(clock)));
        out.println(";; MSG SIZE  rcvd: " + reply.size());
        out.println();
        out.flush();
    }

    private static String format(InetSocketAddress s) {
        return s.getAddress().getHostAddress() + "#" + s.getPort();
    }
}
