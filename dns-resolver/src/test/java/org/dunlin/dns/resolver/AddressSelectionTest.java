package org.dunlin.dns.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 6724 destination address selection with a scripted source-address probe, and RFC 8305 interleaving. */
class AddressSelectionTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static List<InetAddress> ips(String... s) throws Exception {
        List<InetAddress> out = new ArrayList<>();
        for (String x : s) {
            out.add(ip(x));
        }
        return out;
    }

    private static AddressSelection withSources(Map<String, String> sources) throws Exception {
        Map<InetAddress, InetAddress> bySource = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            bySource.put(ip(e.getKey()), ip(e.getValue()));
        }
        return new AddressSelection(d -> Optional.ofNullable(bySource.get(d)));
    }

    @Test
    void rule1AvoidsDestinationsWithoutARoute() throws Exception {
        AddressSelection s = withSources(Map.of("198.51.100.1", "192.0.2.5"));
        // IPv6 has no route (no source): the IPv4 address goes first although IPv6 has higher precedence
        assertEquals(ips("198.51.100.1", "2001:db8::1"), s.sort(ips("2001:db8::1", "198.51.100.1")));
    }

    @Test
    void rule6PrefersHigherPrecedenceWhenBothAreUsable() throws Exception {
        AddressSelection s = withSources(Map.of("198.51.100.1", "192.0.2.5", "2001:db8::1", "2001:db8::5"));
        // RFC 6724 §10.2 example: native IPv6 (precedence 40) before IPv4 (35)
        assertEquals(ips("2001:db8::1", "198.51.100.1"), s.sort(ips("198.51.100.1", "2001:db8::1")));
    }

    @Test
    void rule2PrefersMatchingScope() throws Exception {
        // RFC 6724 §10.2: a global IPv6 destination reachable only from a link-local source goes after IPv4
        AddressSelection s = withSources(Map.of("2001:db8:1::1", "fe80::1", "198.51.100.121", "198.51.100.117"));
        assertEquals(ips("198.51.100.121", "2001:db8:1::1"), s.sort(ips("2001:db8:1::1", "198.51.100.121")));
    }

    @Test
    void rule5PrefersMatchingLabels() throws Exception {
        // a 6to4 destination from a 6to4 source beats a native one from the same 6to4 source
        AddressSelection s = withSources(Map.of("2002:c633:6401::1", "2002:c633:6401::2", "2001:db8:1::1", "2002:c633:6401::2"));
        assertEquals(ips("2002:c633:6401::1", "2001:db8:1::1"), s.sort(ips("2001:db8:1::1", "2002:c633:6401::1")));
    }

    @Test
    void rule8PrefersSmallerScopeAndRule9LongerPrefix() throws Exception {
        AddressSelection s = withSources(Map.of("fe80::1", "fe80::2", "2001:db8::1", "2001:db8::2",
                "2001:db8:1::1", "2001:db8::2"));
        assertEquals(ips("fe80::1", "2001:db8::1"), s.sort(ips("2001:db8::1", "fe80::1")));
        assertEquals(ips("2001:db8::1", "2001:db8:1::1"), s.sort(ips("2001:db8:1::1", "2001:db8::1")));
    }

    @Test
    void rule10KeepsTheDnsOrderOtherwise() throws Exception {
        AddressSelection s = withSources(Map.of("198.51.100.1", "192.0.2.5", "198.51.100.2", "192.0.2.5"));
        assertEquals(ips("198.51.100.2", "198.51.100.1"), s.sort(ips("198.51.100.2", "198.51.100.1")));
    }

    @Test
    void happyEyeballsInterleavesTheFamilies() throws Exception {
        assertEquals(ips("2001:db8::1", "192.0.2.1", "2001:db8::2", "192.0.2.2", "2001:db8::3"),
                AddressSelection.interleave(ips("2001:db8::1", "2001:db8::2", "2001:db8::3", "192.0.2.1", "192.0.2.2")));
        assertEquals(List.of(), AddressSelection.interleave(List.of()));
    }

    @Test
    void theKernelProbeFindsLoopbackSources() throws Exception {
        assertEquals(Optional.of(ip("127.0.0.1")), AddressSelection.SourceProbe.KERNEL.sourceFor(ip("127.0.0.1")));
    }
}
