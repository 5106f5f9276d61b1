package org.dunlin.dns.authority.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Address prefixes as the transfer and update access lists use them. */
class AddressMatcherTest {
    private static boolean matches(String prefix, String address) throws Exception {
        return AddressMatcher.parse(List.of(prefix)).matches(InetAddress.getByName(address));
    }

    @Test
    void prefixesMatchTheirBitsWholeOctetsOrNot() throws Exception {
        assertTrue(matches("192.0.2.7", "192.0.2.7"));
        assertFalse(matches("192.0.2.7", "192.0.2.8"));
        assertTrue(matches("10.0.0.0/8", "10.255.1.2"));
        assertFalse(matches("10.0.0.0/8", "11.0.0.1"));
        assertTrue(matches("172.16.0.0/12", "172.31.255.255"), "the last address of a /12");
        assertFalse(matches("172.16.0.0/12", "172.32.0.0"), "the first after it");
        assertFalse(matches("172.16.0.0/12", "172.15.255.255"));
        assertTrue(matches("128.0.0.0/1", "200.1.1.1"), "the top bit alone");
        assertFalse(matches("128.0.0.0/1", "100.1.1.1"));
        assertTrue(matches("0.0.0.0/0", "203.0.113.9"));
        assertTrue(matches("2001:db8::/32", "2001:db8:ffff::1"));
        assertFalse(matches("2001:db8::/33", "2001:db8:8000::1"));
        assertTrue(matches("2001:db8::/33", "2001:db8:7fff::1"));
        assertFalse(matches("10.0.0.0/8", "::a00:1"), "an IPv6 address (here IPv4-compatible 10.0.0.1) never matches an IPv4 prefix");
        assertFalse(AddressMatcher.NONE.matches(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void textsThatAreNotPrefixesAreRejectedWithoutALookup() {
        for (String bad : List.of("example.com", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/x", "2001:db8::/129", "")) {
            assertThrows(IllegalArgumentException.class, () -> AddressMatcher.parse(List.of(bad)), bad);
        }
    }
}
