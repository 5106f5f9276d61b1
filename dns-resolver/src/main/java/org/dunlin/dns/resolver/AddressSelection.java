package org.dunlin.dns.resolver;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Orders the addresses of a host for connecting: destination address selection of RFC 6724 §6, and the
 * family interleaving of RFC 8305 §4 (Happy Eyeballs).
 *
 * <p>{@link #sort} applies the rules that a stub can judge: 1 (avoid destinations with no source
 * address, that is no route), 2 (prefer matching scope), 5 (prefer matching label), 6 (prefer higher
 * precedence), 8 (prefer smaller scope), 9 (longest matching prefix, IPv6 only, as glibc does) and 10
 * (otherwise keep the DNS order), with the default policy table of RFC 6724 §2.1. Rules 3, 4 and 7 need
 * interface state a Java program cannot see and are skipped. IPv4 addresses are looked up as
 * IPv4-mapped IPv6 addresses (§3.2: 127/8 and 169.254/16 have link-local scope).
 *
 * <p>The source address for a destination is what the kernel would choose: the default
 * {@link SourceProbe} connects an unbound UDP socket to it (no packet is sent) and reads the local
 * address. Thread-safe; stateless apart from the probe.
 */
public final class AddressSelection {
    /** Finds the source address the system would use towards a destination; empty if there is no route. */
    @FunctionalInterface
    public interface SourceProbe {
        /** The kernel's choice, via a connected UDP socket (two system calls, no packet). */
        SourceProbe KERNEL = destination -> {
            try (DatagramChannel ch = DatagramChannel.open()) {
                ch.connect(new InetSocketAddress(destination, 9));
                InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
                return local == null || local.getAddress().isAnyLocalAddress() ? Optional.empty() : Optional.of(local.getAddress());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        };

        Optional<InetAddress> sourceFor(InetAddress destination);
    }

    private final SourceProbe probe;

    /** Selection with {@code probe} finding source addresses. */
    public AddressSelection(SourceProbe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    /** Selection with the kernel's source addresses. */
    public static AddressSelection system() {
        return new AddressSelection(SourceProbe.KERNEL);
    }

    /** The addresses sorted by RFC 6724 §6 (see the class comment); equal ones keep their order. */
    public List<InetAddress> sort(List<InetAddress> destinations) {
        if (destinations.size() < 2) {
            return List.copyOf(destinations);
        }
        List<Candidate> cs = new ArrayList<>(destinations.size());
        for (InetAddress d : destinations) {
            byte[] da = mapped(d);
            Optional<InetAddress> s = probe.sourceFor(d);
            cs.add(new Candidate(d, da, s.map(AddressSelection::mapped).orElse(null), d instanceof Inet6Address));
        }
        cs.sort(RULES);
        List<InetAddress> out = new ArrayList<>(cs.size());
        for (Candidate c : cs) {
            out.add(c.address);
        }
        return out;
    }

    /**
     * RFC 8305 §4: starting with the first address, alternate between the families (an IPv6 address, then
     * an IPv4 one, ...), keeping the order within each family; what remains of the longer family goes
     * at the end.
     */
    public static List<InetAddress> interleave(List<InetAddress> sorted) {
        if (sorted.isEmpty()) {
            return List.of();
        }
        boolean firstV6 = sorted.get(0) instanceof Inet6Address;
        List<InetAddress> a = new ArrayList<>();
        List<InetAddress> b = new ArrayList<>();
        for (InetAddress x : sorted) {
            ((x instanceof Inet6Address) == firstV6 ? a : b).add(x);
        }
        List<InetAddress> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                out.add(a.get(i));
            }
            if (i < b.size()) {
                out.add(b.get(i));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // The rules

    private record Candidate(InetAddress address, byte[] dest, byte[] source, boolean v6) {
    }

    private static final Comparator<Candidate> RULES = (a, b) -> {
        // Rule 1: avoid unusable destinations
        if ((a.source == null) != (b.source == null)) {
            return a.source == null ? 1 : -1;
        }
        if (a.source != null) {
            // Rule 2: prefer matching scope
            boolean am = scope(a.dest) == scope(a.source);
            boolean bm = scope(b.dest) == scope(b.source);
            if (am != bm) {
                return am ? -1 : 1;
            }
            // Rule 5: prefer matching label
            am = policy(a.dest).label == policy(a.source).label;
            bm = policy(b.dest).label == policy(b.source).label;
            if (am != bm) {
                return am ? -1 : 1;
            }
        }
        // Rule 6: prefer higher precedence
        int c = Integer.compare(policy(b.dest).precedence, policy(a.dest).precedence);
        if (c != 0) {
            return c;
        }
        // Rule 8: prefer smaller scope
        c = Integer.compare(scope(a.dest), scope(b.dest));
        if (c != 0) {
            return c;
        }
        // Rule 9: longest matching prefix (IPv6 destinations only)
        if (a.v6 && b.v6 && a.source != null && b.source != null) {
            c = Integer.compare(commonPrefix(b.dest, b.source), commonPrefix(a.dest, a.source));
            if (c != 0) {
                return c;
            }
        }
        // Rule 10: keep the order
        return 0;
    };

    /** One row of the default policy table (RFC 6724 §2.1). */
    private record Policy(byte[] prefix, int bits, int precedence, int label) {
    }

    private static final List<Policy> TABLE = List.of(
            new Policy(v6("::1"), 128, 50, 0),
            new Policy(v6("::ffff:0:0"), 96, 35, 4),
            new Policy(v6("2002::"), 16, 30, 2),
            new Policy(v6("2001::"), 32, 5, 5),
            new Policy(v6("fc00::"), 7, 3, 13),
            new Policy(v6("::"), 96, 1, 3),
            new Policy(v6("fec0::"), 10, 1, 11),
            new Policy(v6("3ffe::"), 16, 1, 12),
            new Policy(v6("::"), 0, 40, 1));

    private static Policy policy(byte[] a) {
        Policy best = null;
        for (Policy p : TABLE) {
            if (commonPrefix(a, p.prefix) >= p.bits && (best == null || p.bits > best.bits)) {
                best = p;
            }
        }
        return best;
    }

    /** The scope value of RFC 4291 §2.7 / RFC 6724 §3.1: 2 link-local, 5 site-local, 14 global. */
    static int scope(byte[] a) {
        if ((a[0] & 0xFF) == 0xFF) {
            return a[1] & 0xF; // multicast
        }
        if (isMappedV4(a)) {
            int b0 = a[12] & 0xFF;
            int b1 = a[13] & 0xFF;
            return b0 == 127 || (b0 == 169 && b1 == 254) ? 2 : 14;
        }
        boolean loopback = true;
        for (int i = 0; i < 15; i++) {
            loopback &= a[i] == 0;
        }
        if (loopback && a[15] == 1) {
            return 2;
        }
        if ((a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0x80) {
            return 2;
        }
        if ((a[0] & 0xFF) == 0xFE && (a[1] & 0xC0) == 0xC0) {
            return 5;
        }
        return 14;
    }

    private static boolean isMappedV4(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF;
    }

    static int commonPrefix(byte[] a, byte[] b) {
        int n = 0;
        for (int i = 0; i < 16; i++) {
            int x = (a[i] ^ b[i]) & 0xFF;
            if (x == 0) {
                n += 8;
                continue;
            }
            return n + Integer.numberOfLeadingZeros(x) - 24;
        }
        return n;
    }

    /** The 16-octet form: IPv6 as is, IPv4 as {@code ::ffff:a.b.c.d}. */
    static byte[] mapped(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            byte[] m = new byte[16];
            m[10] = (byte) 0xFF;
            m[11] = (byte) 0xFF;
            System.arraycopy(b, 0, m, 12, 4);
            return m;
        }
        return b;
    }

    private static byte[] v6(String text) {
        try {
            return mapped(InetAddress.getByName(text)); // a literal: no lookup (::ffff:0:0 comes back as IPv4)
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
