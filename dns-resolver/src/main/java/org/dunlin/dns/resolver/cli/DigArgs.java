package org.dunlin.dns.resolver.cli;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.dunlin.dns.resolver.internal.AddressText;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;

/**
 * The command line of {@code ./dunlin dig}, parsed as dig parses it: {@code @server}, {@code -p},
 * {@code -t}, {@code -c}, {@code -q}, {@code -x}, {@code +options}, and free words that are a type, a
 * class, or else the name, in any order. As in dig, a word without a dot that spells a type or class is
 * one (write {@code a.} to ask for the name "a"), a later type replaces an earlier one, and without a
 * name the query is {@code . NS}. Names are absolute (no search list). Deviation from dig: usage errors
 * exit with status 2 (dig uses 1), the launcher's rule for every command.
 *
 * @param server   the server as written after {@code @} (address or host name), or null for resolv.conf's
 * @param port     the server port
 * @param name     the query name (absolute)
 * @param type     the query type
 * @param rrClass  the query class
 * @param tcp      {@code +tcp}: TCP only
 * @param dnssec   {@code +dnssec}: set DO
 * @param recurse  {@code +[no]recurse}: RD
 * @param adflag   {@code +[no]adflag}: AD in the query (on by default, as in dig 9.18)
 * @param cdflag   {@code +[no]cdflag}: CD in the query
 * @param edns     {@code +[no]edns}: send an OPT record
 * @param shortOut {@code +short}: print only the answer's RDATA
 * @param timeout  {@code +timeout=S} (or {@code +time=S}): per try
 * @param tries    {@code +tries=N} (or {@code +retry=N-1}): tries per server
 * @param bufsize  {@code +bufsize=N}: the EDNS UDP payload size
 * @param help     {@code -h} or {@code --help}
 */
record DigArgs(String server, int port, Name name, RRType type, RRClass rrClass, boolean tcp, boolean dnssec,
        boolean recurse, boolean adflag, boolean cdflag, boolean edns, boolean shortOut, Duration timeout, int tries,
        int bufsize, boolean help) {

    static final String USAGE = "usage: ./dunlin dig [@SERVER] [-p PORT] NAME [TYPE] [CLASS] [+tcp] [+dnssec] "
            + "[+norecurse] [+short] [+timeout=S] [+tries=N] [+bufsize=N] [-x ADDR]";

    /** Parses the arguments; throws {@link UsageException} with a one-line reason. */
    static DigArgs parse(List<String> args) throws UsageException {
        String server = null;
        int port = 53;
        String nameText = null;
        RRType type = null;
        RRClass rrClass = null;
        boolean tcp = false;
        boolean dnssec = false;
        boolean recurse = true;
        boolean adflag = true;
        boolean cdflag = false;
        boolean edns = true;
        boolean shortOut = false;
        Duration timeout = Duration.ofSeconds(5);
        int tries = 3;
        int bufsize = 1232;
        boolean reverse = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                return new DigArgs(null, 53, Name.ROOT, RRType.A, RRClass.IN, false, false, true, true, false, true,
                        false, timeout, tries, bufsize, true);
            }
            if (a.startsWith("@")) {
                server = a.substring(1);
                if (server.isEmpty()) {
                    throw new UsageException("missing server after '@'");
                }
            } else if (a.startsWith("+")) {
                String opt = a.substring(1);
                int eq = opt.indexOf('=');
                String key = eq >= 0 ? opt.substring(0, eq) : opt;
                String value = eq >= 0 ? opt.substring(eq + 1) : null;
                switch (key) {
                    case "tcp": case "vc": tcp = true; break;
                    case "notcp": case "novc": tcp = false; break;
                    case "dnssec": dnssec = true; break;
                    case "nodnssec": dnssec = false; break;
                    case "recurse": recurse = true; break;
                    case "norecurse": recurse = false; break;
                    case "adflag": adflag = true; break;
                    case "noadflag": adflag = false; break;
                    case "cdflag": cdflag = true; break;
                    case "nocdflag": cdflag = false; break;
                    case "edns": edns = true; break;
                    case "noedns": edns = false; break;
                    case "short": shortOut = true; break;
                    case "noshort": shortOut = false; break;
                    case "timeout": case "time":
                        timeout = Duration.ofSeconds(Math.max(1, number(value, a, 0, 3600)));
                        break;
                    case "tries":
                        tries = Math.max(1, number(value, a, 0, 100));
                        break;
                    case "retry":
                        tries = number(value, a, 0, 99) + 1;
                        break;
                    case "bufsize":
                        bufsize = number(value, a, 0, 65535);
                        edns = true;
                        break;
                    default:
                        throw new UsageException("invalid option: " + a);
                }
            } else if (a.equals("-p") || a.equals("-t") || a.equals("-c") || a.equals("-q") || a.equals("-x")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("option " + a + " needs an argument");
                }
                String v = args.get(++i);
                if (a.equals("-p")) {
                    port = number(v, "port", 0, 65535);
                } else if (a.equals("-t")) {
                    type = RRType.tryParse(v);
                    if (type == null) {
                        throw new UsageException("invalid type: " + v);
                    }
                } else if (a.equals("-c")) {
                    rrClass = RRClass.tryParse(v);
                    if (rrClass == null) {
                        throw new UsageException("invalid class: " + v);
                    }
                } else if (a.equals("-q")) {
                    nameText = v;
                } else {
                    InetAddress addr = AddressText.parseLiteral(v);
                    if (addr == null) {
                        throw new UsageException("invalid IP address for -x: " + v);
                    }
                    nameText = AddressText.reverseName(addr).toString();
                    reverse = true;
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("invalid option: " + a);
            } else if (!hasDot(a) && RRType.tryParse(a) != null) {
                type = RRType.tryParse(a); // as in dig, a later type replaces an earlier one
            } else if (!hasDot(a) && RRClass.tryParse(a) != null) {
                rrClass = RRClass.tryParse(a);
            } else if (nameText == null) {
                nameText = a;
            } else {
                throw new UsageException("more than one name: " + nameText + " and " + a);
            }
        }
        if (nameText == null && !reverse) {
            type = type == null ? RRType.NS : type;
        } else if (type == null) {
            type = reverse ? RRType.PTR : RRType.A;
        }
        if (type.equals(RRType.AXFR) || type.equals(RRType.IXFR)) {
            throw new UsageException("zone transfers (" + type + ") are not supported");
        }
        Name name;
        try {
            name = nameText == null ? Name.ROOT : Name.of(nameText);
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + nameText + "' is not a legal name");
        }
        return new DigArgs(server, port, name, type, rrClass == null ? RRClass.IN : rrClass, tcp, dnssec, recurse,
                adflag, cdflag, edns, shortOut, timeout, tries, bufsize, false);
    }

    /** A word with a dot is a name even if it spells a type ({@code a.} is the name "a"). */
    private static boolean hasDot(String w) {
        return w.indexOf('.') >= 0;
    }

    private static int number(String v, String what, int min, int max) throws UsageException {
        if (v == null || v.isEmpty() || v.length() > 6 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UsageException("invalid number for " + what + ": " + (v == null ? "(none)" : v));
        }
        int n = Integer.parseInt(v);
        if (n < min || n > max) {
            throw new UsageException(what + " out of range " + min + ".." + max + ": " + n);
        }
        return n;
    }

    /** A usage error: one line for the user, exit status 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
