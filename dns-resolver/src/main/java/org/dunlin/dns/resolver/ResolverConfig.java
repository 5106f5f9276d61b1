package org.dunlin.dns.resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dunlin.dns.resolver.internal.ResolvConfParser;
import org.dunlin.dns.wire.Name;

/**
 * What a stub resolver needs to know about its surroundings, as resolv.conf(5) and hosts(5) say it: the
 * name servers, the search list and {@code ndots}, the per-try timeout, the number of attempts,
 * {@code rotate}, {@code edns0}, {@code trust-ad}, {@code use-vc}, {@code no-aaaa}, and the host table.
 *
 * <p>Three ways to get one: {@link #system()} reads {@code /etc/resolv.conf} and {@code /etc/hosts} (and
 * the {@code LOCALDOMAIN} and {@code RES_OPTIONS} environment variables, as glibc does);
 * {@link #fromResolvConf(String)} and {@link #fromFiles(Path, Path)} parse any text or file with the same
 * rules; {@link #builder()} builds one in code. Parsing follows glibc 2.36: comments start with
 * {@code ;} or {@code #}, at most {@link #MAX_NAMESERVERS} {@code nameserver} lines count, the last of
 * {@code domain} and {@code search} wins, {@code ndots} is capped at 15, {@code timeout} at 30 s and
 * {@code attempts} at 5, unknown keywords and options are ignored; without a {@code nameserver} line
 * the local host ({@code 127.0.0.1}) is used, and without {@code search} or {@code domain} the domain
 * part of the host name is the search list.
 *
 * <p>Defaults of {@link #builder()}: no name server (one must be added), empty search list, ndots 1,
 * timeout 5 s, 2 attempts, no rotate, EDNS on, trust-ad off, UDP first, AAAA lookups on, empty host
 * table. Note that a parsed file without {@code options edns0} turns EDNS off, as it does in glibc.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResolverConfig {
    /** The most name servers glibc uses (MAXNS); later {@code nameserver} lines are ignored. */
    public static final int MAX_NAMESERVERS = 3;
    /** The cap on {@code ndots} (resolv.conf(5)). */
    public static final int MAX_NDOTS = 15;
    /** The cap on {@code timeout} (resolv.conf(5): RES_MAXRETRANS). */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    /** The cap on {@code attempts} (resolv.conf(5): RES_MAXRETRY). */
    public static final int MAX_ATTEMPTS = 5;

    private final List<InetSocketAddress> nameservers;
    private final List<Name> search;
    private final int ndots;
    private final Duration timeout;
    private final int attempts;
    private final boolean rotate;
    private final boolean edns;
    private final boolean trustAd;
    private final boolean useTcp;
    private final boolean noAaaa;
    private final HostsFile hosts;

    private ResolverConfig(Builder b) {
        this.nameservers = List.copyOf(b.nameservers);
        this.search = List.copyOf(b.search);
        this.ndots = b.ndots;
        this.timeout = b.timeout;
        this.attempts = b.attempts;
        this.rotate = b.rotate;
        this.edns = b.edns;
        this.trustAd = b.trustAd;
        this.useTcp = b.useTcp;
        this.noAaaa = b.noAaaa;
        this.hosts = b.hosts;
    }

    /** A builder with the defaults listed in the class comment. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nameservers.addAll(nameservers);
        b.search.addAll(search);
        b.ndots = ndots;
        b.timeout = timeout;
        b.attempts = attempts;
        b.rotate = rotate;
        b.edns = edns;
        b.trustAd = trustAd;
        b.useTcp = useTcp;
        b.noAaaa = noAaaa;
        b.hosts = hosts;
        return b;
    }

    /**
     * The system's configuration: {@code /etc/resolv.conf}, {@code /etc/hosts}, the host name (for the
     * default search domain) and the {@code LOCALDOMAIN} and {@code RES_OPTIONS} environment variables.
     * Missing files give the defaults described in the class comment.
     *
     * @throws UncheckedIOException if a file exists but cannot be read
     */
    public static ResolverConfig system() {
        try {
            return ResolvConfParser.system(Path.of("/etc/resolv.conf"), Path.of("/etc/hosts"), System.getenv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses resolv.conf text with the rules of the class comment (no host table, no environment). */
    public static ResolverConfig fromResolvConf(String text) {
        return ResolvConfParser.parse(text, null, Map.of()).build();
    }

    /**
     * Reads a resolv.conf file and a hosts file (either may be missing; {@code hostsFile} may be null),
     * without looking at the environment.
     */
    public static ResolverConfig fromFiles(Path resolvConf, Path hostsFile) throws IOException {
        return ResolvConfParser.read(resolvConf, hostsFile, null, Map.of());
    }

    /** The name servers, in configured order (port 53 unless built otherwise). */
    public List<InetSocketAddress> nameservers() {
        return nameservers;
    }

    /** The search list, absolute names in order. */
    public List<Name> search() {
        return search;
    }

    /** Names with fewer dots than this are tried with the search list first (glibc: {@code ndots}). */
    public int ndots() {
        return ndots;
    }

    /** How long one try waits for one server. */
    public Duration timeout() {
        return timeout;
    }

    /** How many rounds over the name servers a query makes. */
    public int attempts() {
        return attempts;
    }

    /** Whether servers are used round-robin instead of by smoothed round-trip time. */
    public boolean rotate() {
        return rotate;
    }

    /** Whether queries carry EDNS(0). */
    public boolean edns() {
        return edns;
    }

    /** Whether queries set AD and the AD bit of answers is believed ({@code trust-ad}, RFC 6840 §5.7). */
    public boolean trustAd() {
        return trustAd;
    }

    /** Whether queries go over TCP only ({@code use-vc}). */
    public boolean useTcp() {
        return useTcp;
    }

    /** Whether address lookups skip AAAA ({@code no-aaaa}). */
    public boolean noAaaa() {
        return noAaaa;
    }

    /** The static host table. */
    public HostsFile hosts() {
        return hosts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResolverConfig c && c.nameservers.equals(nameservers) && c.search.equals(search)
                && c.ndots == ndots && c.timeout.equals(timeout) && c.attempts == attempts && c.rotate == rotate
                && c.edns == edns && c.trustAd == trustAd && c.useTcp == useTcp && c.noAaaa == noAaaa
                && c.hosts.equals(hosts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nameservers, search, ndots, timeout, attempts, rotate, edns);
    }

    @Override
    public String toString() {
        return "ResolverConfig[nameservers=" + nameservers + ", search=" + search + ", ndots=" + ndots
                + ", timeout=" + timeout + ", attempts=" + attempts + (rotate ? ", rotate" : "")
                + (edns ? ", edns0" : "") + (trustAd ? ", trust-ad" : "") + (useTcp ? ", use-vc" : "")
                + (noAaaa ? ", no-aaaa" : "") + ", " + hosts + "]";
    }

    /** Builds a {@link ResolverConfig}; not thread-safe. */
    public static final class Builder {
        private final List<InetSocketAddress> nameservers = new ArrayList<>();
        private final List<Name> search = new ArrayList<>();
        private int ndots = 1;
        private Duration timeout = Duration.ofSeconds(5);
        private int attempts = 2;
        private boolean rotate;
        private boolean edns = true;
        private boolean trustAd;
        private boolean useTcp;
        private boolean noAaaa;
        private HostsFile hosts = HostsFile.EMPTY;

        private Builder() {
        }

        /** Adds a name server (any port, unlike resolv.conf). */
        public Builder nameserver(InetSocketAddress server) {
            Objects.requireNonNull(server, "server");
            if (server.isUnresolved()) {
                throw new IllegalArgumentException("a name server needs an IP address: " + server);
            }
            nameservers.add(server);
            return this;
        }

        /** Adds a name server on port 53. */
        public Builder nameserver(InetAddress server) {
            return nameserver(new InetSocketAddress(server, 53));
        }

        /** Replaces the name servers. */
        public Builder nameservers(List<InetSocketAddress> servers) {
            nameservers.clear();
            servers.forEach(this::nameserver);
            return this;
        }

        /** Replaces the search list. */
        public Builder search(List<Name> domains) {
            search.clear();
            for (Name d : domains) {
                search.add(Objects.requireNonNull(d, "search domain"));
            }
            return this;
        }

        /** Replaces the search list with names in presentation form. */
        public Builder search(String... domains) {
            List<Name> l = new ArrayList<>();
            for (String d : domains) {
                l.add(Name.of(d));
            }
            return search(l);
        }

        /** Sets ndots (0 to {@link #MAX_NDOTS}). */
        public Builder ndots(int ndots) {
            if (ndots < 0 || ndots > MAX_NDOTS) {
                throw new IllegalArgumentException("ndots must be in 0.." + MAX_NDOTS + ": " + ndots);
            }
            this.ndots = ndots;
            return this;
        }

        /** Sets the per-try timeout (positive). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Sets the number of attempts (1 or more). */
        public Builder attempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        public Builder rotate(boolean rotate) {
            this.rotate = rotate;
            return this;
        }

        public Builder edns(boolean edns) {
            this.edns = edns;
            return this;
        }

        public Builder trustAd(boolean trustAd) {
            this.trustAd = trustAd;
            return this;
        }

        public Builder useTcp(boolean useTcp) {
            this.useTcp = useTcp;
            return this;
        }

        public Builder noAaaa(boolean noAaaa) {
            this.noAaaa = noAaaa;
            return this;
        }

        public Builder hosts(HostsFile hosts) {
            this.hosts = Objects.requireNonNull(hosts, "hosts");
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalStateException if no name server was given
         */
        public ResolverConfig build() {
            if (nameservers.isEmpty()) {
                throw new IllegalStateException("a resolver configuration needs at least one name server");
            }
            return new ResolverConfig(this);
        }
    }
}
