package org.dunlin.dns.resolver.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dunlin.dns.resolver.HostsFile;
import org.dunlin.dns.resolver.ResolverConfig;
import org.dunlin.dns.wire.Name;

/**
 * The resolv.conf(5) parser, following glibc 2.36's {@code res_init.c}: keywords at the start of a line,
 * {@code ;} and {@code #} comments, at most three name servers, the last of {@code domain}/{@code search}
 * winning, options capped as documented, everything unknown ignored (a resolver must start even with an
 * odd file). Environment: {@code LOCALDOMAIN} replaces the search list, {@code RES_OPTIONS} adds options
 * after the file's.
 */
public final class ResolvConfParser {
    private ResolvConfParser() {
    }

    /** The system configuration from the given files, host name file and environment. */
    public static ResolverConfig system(Path resolvConf, Path hosts, Map<String, String> env) throws IOException {
        return read(resolvConf, hosts, hostname(), env);
    }

    /** Reads the files (missing ones give defaults) and applies {@code env}. */
    public static ResolverConfig read(Path resolvConf, Path hosts, String hostname, Map<String, String> env)
            throws IOException {
        String text;
        try {
            text = Files.readString(resolvConf, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            text = "";
        }
        ResolverConfig.Builder b = parse(text, hostname, env);
        if (hosts != null) {
            b.hosts(HostsFile.read(hosts));
        }
        return b.build();
    }

    /** The host name from the kernel, or null (never a name-service lookup). */
    static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.ISO_8859_1).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Parses resolv.conf text. {@code hostname} (may be null) gives the default search domain;
     * {@code env} may hold {@code LOCALDOMAIN} and {@code RES_OPTIONS}.
     */
    public static ResolverConfig.Builder parse(String text, String hostname, Map<String, String> env) {
        ResolverConfig.Builder b = ResolverConfig.builder().edns(false);
        List<InetSocketAddress> servers = new ArrayList<>();
        List<Name> search = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty() || line.charAt(0) == ';' || line.charAt(0) == '#') {
                continue;
            }
            String[] words = line.trim().split("[ \t]+");
            if (!isKeywordAtStart(line, words[0])) {
                continue;
            }
            switch (words[0]) {
                case "nameserver":
                    if (words.length >= 2 && servers.size() < ResolverConfig.MAX_NAMESERVERS) {
                        InetAddress a = AddressText.parseLiteral(words[1]);
                        if (a != null) {
                            servers.add(new InetSocketAddress(a, 53));
                        }
                    }
                    break;
                case "domain":
                    if (words.length >= 2) {
                        search = names(List.of(words[1]));
                    }
                    break;
                case "search":
                    search = names(List.of(words).subList(1, words.length));
                    break;
                case "options":
                    for (int i = 1; i < words.length; i++) {
                        option(b, words[i]);
                    }
                    break;
                default:
                    break; // sortlist and unknown keywords
            }
        }
        String localDomain = env.get("LOCALDOMAIN");
        if (localDomain != null) {
            search = names(List.of(localDomain.trim().split("[ \t]+")));
        }
        String resOptions = env.get("RES_OPTIONS");
        if (resOptions != null) {
            for (String o : resOptions.trim().split("[ \t]+")) {
                option(b, o);
            }
        }
        if (search == null) {
            search = new ArrayList<>();
            if (hostname != null) {
                int dot = hostname.indexOf('.');
                if (dot > 0 && dot < hostname.length() - 1) {
                    search = names(List.of(hostname.substring(dot + 1)));
                }
            }
        }
        if (servers.isEmpty()) {
            servers.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53));
        }
        return b.nameservers(servers).search(search);
    }

    private static boolean isKeywordAtStart(String line, String word) {
        return line.startsWith(word);
    }

    private static List<Name> names(List<String> texts) {
        List<Name> out = new ArrayList<>();
        for (String t : texts) {
            if (t.isEmpty()) {
                continue;
            }
            try {
                out.add(Name.of(t));
            } catch (IllegalArgumentException e) {
                // glibc keeps the text and fails at query time; a name that cannot exist is skipped here
            }
        }
        return out;
    }

    private static void option(ResolverConfig.Builder b, String o) {
        if (o.startsWith("ndots:")) {
            int v = number(o.substring(6));
            if (v >= 0) {
                b.ndots(Math.min(v, ResolverConfig.MAX_NDOTS));
            }
        } else if (o.startsWith("timeout:")) {
            int v = number(o.substring(8));
            if (v >= 0) {
                // glibc treats 0 as 1 second at query time
                b.timeout(Duration.ofSeconds(Math.max(1, Math.min(v, ResolverConfig.MAX_TIMEOUT.toSeconds()))));
            }
        } else if (o.startsWith("attempts:")) {
            int v = number(o.substring(9));
            if (v >= 0) {
                b.attempts(Math.max(1, Math.min(v, ResolverConfig.MAX_ATTEMPTS)));
            }
        } else if (o.equals("rotate")) {
            b.rotate(true);
        } else if (o.equals("edns0")) {
            b.edns(true);
        } else if (o.equals("trust-ad")) {
            b.trustAd(true);
        } else if (o.equals("use-vc")) {
            b.useTcp(true);
        } else if (o.equals("no-aaaa")) {
            b.noAaaa(true);
        }
        // debug, inet6, single-request, no-reload, ... do not change how a stub asks
    }

    /** A non-negative decimal (glibc's atoi, stopping at the first non-digit), or -1. */
    private static int number(String s) {
        int v = 0;
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v < 1_000_000) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return i == 0 ? -1 : v;
    }
}
