package org.dunlin.dns.authority.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dunlin.dns.authority.ZoneSource;
import org.dunlin.dns.authority.internal.AccessList;
import org.dunlin.dns.wire.Name;

/**
 * The command line of {@code ./dunlin serve}, parsed and checked:
 * <pre>
 * serve [--zone ORIGIN=FILE]... [--listen ADDR:PORT]... [--workers N] [--tcp-idle-timeout DURATION]
 *       [--max-tcp-connections N] [--nsid TEXT] [--watch] [--allow-transfer PREFIX|key:NAME]...
 *       [--tsig-keys FILE] [--notify ADDR:PORT]... [--notify-key NAME] [--allow-update PREFIX|key:NAME]...
 * </pre>
 * Durations are a whole number followed by {@code ms}, {@code s}, {@code m} or {@code h}. Options may
 * also be written {@code --option=value}. Every problem is a {@link UsageException} with a one-line
 * message.
 *
 * @param zones             the zone files (empty: serve the embedded example zone)
 * @param listen            the addresses (empty: 127.0.0.1:5300)
 * @param workers           worker threads, or 0 for the default (the number of processors)
 * @param tcpIdleTimeout    the TCP idle timeout, or null for the default
 * @param maxTcpConnections the TCP connection limit, or 0 for the default
 * @param nsid              the NSID, or null
 * @param watch             whether to reload zone files when they change
 * @param allowTransfer     who may transfer zones: address prefixes and {@code key:NAME} (empty: nobody)
 * @param tsigKeys          the BIND-syntax TSIG key file, or null for none
 * @param notifyTargets     the secondaries to send NOTIFY to when a zone's serial changes
 * @param notifyKey         the TSIG key to sign NOTIFY with, or null
 * @param allowUpdate       who may send DNS UPDATE: address prefixes and {@code key:NAME} (empty: nobody)
 * @param help              whether help was asked for
 */
record ServeArguments(List<ZoneSource> zones, List<InetSocketAddress> listen, int workers, Duration tcpIdleTimeout,
        int maxTcpConnections, String nsid, boolean watch, List<String> allowTransfer, Path tsigKeys, List<InetSocketAddress> notifyTargets, Name notifyKey, List<String> allowUpdate,
        boolean help) {

    static final String USAGE = "usage: ./dunlin serve [--zone ORIGIN=FILE]... [--listen ADDR:PORT]... [--workers N]\n"
            + "                      [--tcp-idle-timeout DURATION] [--max-tcp-connections N] [--nsid TEXT] [--watch]\n"
            + "                      [--allow-transfer PREFIX|key:NAME]... [--tsig-keys FILE]\n"
            + "                      [--notify ADDR:PORT]... [--notify-key NAME] [--allow-update PREFIX|key:NAME]...\n"
            + "\n"
            + "Serves zones over UDP and TCP. Without --zone it serves an embedded example.com. zone; without\n"
            + "--listen it listens on 127.0.0.1:5300. DURATION is like 500ms, 3s or 2m.\n"
            + "\n"
            + "  --zone ORIGIN=FILE          serve the zone file FILE for ORIGIN (repeatable)\n"
            + "  --listen ADDR:PORT          listen on ADDR:PORT, UDP and TCP ([::1]:53 for IPv6; repeatable)\n"
            + "  --workers N                 worker threads (default: the number of processors)\n"
            + "  --tcp-idle-timeout DURATION close TCP connections idle this long (default 10s)\n"
            + "  --max-tcp-connections N     TCP connections open at once (default 1000; a tenth per client)\n"
            + "  --nsid TEXT                 identify the server to clients that ask (RFC 5001)\n"
            + "  --watch                     reload a zone within 2 s of its file changing\n"
            + "  --allow-transfer PREFIX     let ADDR or ADDR/LENGTH transfer zones over TCP (AXFR, IXFR as a\n"
            + "                              full transfer; repeatable; default: nobody)\n"
            + "  --allow-transfer key:NAME   let requests signed with the TSIG key NAME transfer zones\n"
            + "  --tsig-keys FILE            TSIG keys in BIND's key-file syntax (RFC 8945); signed queries get\n"
            + "                              signed answers\n"
            + "  --notify ADDR:PORT          send NOTIFY there when a zone gets a new serial (repeatable)\n"
            + "  --notify-key NAME           sign NOTIFY with this key from --tsig-keys\n"
            + "  --allow-update PREFIX|key:NAME  accept DNS UPDATE (RFC 2136) from these (repeatable; default:\n"
            + "                              nobody; updates last until the zone file is reloaded)\n";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    /** A usage error: its message is the one line to print. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static ServeArguments parse(String[] args) throws UsageException {
        List<ZoneSource> zones = new ArrayList<>();
        List<InetSocketAddress> listen = new ArrayList<>();
        int workers = 0;
        Duration idle = null;
        int maxTcp = 0;
        String nsid = null;
        boolean watch = false;
        List<String> allowTransfer = new ArrayList<>();
        Path tsigKeys = null;
        List<InetSocketAddress> notify = new ArrayList<>();
        Name notifyKey = null;
        List<String> allowUpdate = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0 && !a.startsWith("--zone=") ) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            } else if (a.startsWith("--zone=")) {
                value = a.substring("--zone=".length());
                a = "--zone";
            }
            switch (a) {
                case "-h":
                case "--help":
                    return new ServeArguments(zones, listen, workers, idle, maxTcp, nsid, watch, allowTransfer, tsigKeys, notify, notifyKey, allowUpdate,
                            true);
                case "--watch":
                    if (value != null) {
                        throw new UsageException("--watch takes no value");
                    }
                    watch = true;
                    break;
                case "--zone": {
                    String v = value != null ? value : next(args, ++i, a);
                    zones.add(zone(v));
                    break;
                }
                case "--listen":
                    listen.add(address(value != null ? value : next(args, ++i, a)));
                    break;
                case "--workers":
                    workers = number(value != null ? value : next(args, ++i, a), a, 1, 1024);
                    break;
                case "--tcp-idle-timeout":
                    idle = duration(value != null ? value : next(args, ++i, a), a);
                    break;
                case "--max-tcp-connections":
                    maxTcp = number(value != null ? value : next(args, ++i, a), a, 1, 1_000_000);
                    break;
                case "--nsid":
                    nsid = value != null ? value : next(args, ++i, a);
                    if (nsid.isEmpty() || nsid.length() > 1024) {
                        throw new UsageException("--nsid must be 1 to 1024 characters");
                    }
                    break;
                case "--allow-transfer":
                    allowTransfer.add(accessEntry(value != null ? value : next(args, ++i, a), a));
                    break;
                case "--allow-update":
                    allowUpdate.add(accessEntry(value != null ? value : next(args, ++i, a), a));
                    break;
                case "--notify":
                    notify.add(address(value != null ? value : next(args, ++i, a), a));
                    break;
                case "--notify-key": {
                    String v = value != null ? value : next(args, ++i, a);
                    try {
                        notifyKey = Name.of(v.endsWith(".") ? v : v + ".");
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--notify-key: bad key name '" + v + "': " + e.getMessage());
                    }
                    break;
                }
                case "--tsig-keys": {
                    String v = value != null ? value : next(args, ++i, a);
                    try {
                        tsigKeys = Paths.get(v);
                    } catch (java.nio.file.InvalidPathException e) {
                        throw new UsageException("--tsig-keys: bad file name '" + v + "'");
                    }
                    break;
                }
                default:
                    throw new UsageException(a.startsWith("-") ? "unknown option " + a : "unexpected argument " + a);
            }
        }
        return new ServeArguments(zones, listen, workers, idle, maxTcp, nsid, watch, List.copyOf(allowTransfer), tsigKeys,
                List.copyOf(notify), notifyKey, List.copyOf(allowUpdate), false);
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** Checks an access-list entry (an address prefix or {@code key:NAME}); errors name {@code option}. */
    private static String accessEntry(String v, String option) throws UsageException {
        try {
            AccessList.parse(List.of(v));
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
        return v;
    }

    static ZoneSource zone(String v) throws UsageException {
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) {
            throw new UsageException("--zone needs ORIGIN=FILE, got '" + v + "'");
        }
        Name origin;
        try {
            origin = Name.of(v.substring(0, eq));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--zone: bad origin '" + v.substring(0, eq) + "': " + e.getMessage());
        }
        Path file;
        try {
            file = Paths.get(v.substring(eq + 1));
        } catch (RuntimeException e) {
            throw new UsageException("--zone: bad file name '" + v.substring(eq + 1) + "'");
        }
        return new ZoneSource(origin, file);
    }

    static InetSocketAddress address(String v) throws UsageException {
        return address(v, "--listen");
    }

    /** Parses {@code ADDR:PORT} ({@code [ADDR]:PORT} for IPv6); errors name {@code option}. */
    static InetSocketAddress address(String v, String option) throws UsageException {
        String host;
        String port;
        if (v.startsWith("[")) {
            int close = v.indexOf("]:");
            if (close < 0) {
                throw new UsageException(option + " needs ADDR:PORT ([ADDR]:PORT for IPv6), got '" + v + "'");
            }
            host = v.substring(1, close);
            port = v.substring(close + 2);
        } else {
            int colon = v.lastIndexOf(':');
            if (colon <= 0 || v.indexOf(':') != colon) {
                throw new UsageException(option + " needs ADDR:PORT ([ADDR]:PORT for IPv6), got '" + v + "'");
            }
            host = v.substring(0, colon);
            port = v.substring(colon + 1);
        }
        int p = number(port, option + " port", 0, 65535);
        if (host.equals("localhost")) {
            host = "127.0.0.1";
        }
        if (!isIpLiteral(host)) {
            throw new UsageException(option + ": '" + host + "' is not an IP address");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), p);
        } catch (UnknownHostException e) {
            throw new UsageException(option + ": '" + host + "' is not an IP address");
        }
    }

    private static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return host.matches("[0-9A-Fa-f:.]+");
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static int number(String v, String what, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(what + " must be " + min + ".." + max + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be a number, got '" + v + "'");
        }
    }

    static Duration duration(String v, String what) throws UsageException {
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new UsageException(what + " must be a duration like 500ms, 3s or 2m, got '" + v + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d;
        switch (m.group(2)) {
            case "ms": d = Duration.ofMillis(n); break;
            case "s": d = Duration.ofSeconds(n); break;
            case "m": d = Duration.ofMinutes(n); break;
            default: d = Duration.ofHours(n); break;
        }
        if (d.isZero()) {
            throw new UsageException(what + " must be positive, got '" + v + "'");
        }
        return d;
    }
}
