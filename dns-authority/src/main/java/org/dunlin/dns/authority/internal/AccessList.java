package org.dunlin.dns.authority.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.tsig.TsigVerification;

/**
 * Who may do something (transfer zones, update them): clients whose address lies in one of
 * {@link #addresses()}, and requests signed with a TSIG key named in {@link #keys()} that verified
 * (RFC 8945). Immutable and thread-safe; {@link #NONE} allows nobody.
 *
 * @param addresses the address prefixes allowed without a key
 * @param keys      the names of the TSIG keys whose verified requests are allowed from any address
 */
public record AccessList(AddressMatcher addresses, Set<Name> keys) {
    /** Allows nobody. */
    public static final AccessList NONE = new AccessList(AddressMatcher.NONE, Set.of());

    public AccessList {
        keys = Set.copyOf(keys);
    }

    /**
     * Parses entries that are either an address prefix ({@code 192.0.2.7}, {@code 10.0.0.0/8},
     * {@code 2001:db8::/32}) or {@code key:NAME}, a TSIG key name.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static AccessList parse(List<String> entries) {
        List<String> prefixes = new ArrayList<>();
        Set<Name> keys = new LinkedHashSet<>();
        for (String e : entries) {
            String t = e.strip();
            if (t.startsWith("key:")) {
                try {
                    keys.add(Name.of(t.substring(4).endsWith(".") ? t.substring(4) : t.substring(4) + "."));
                } catch (IllegalArgumentException x) {
                    throw new IllegalArgumentException("'" + e + "': bad key name: " + x.getMessage());
                }
            } else {
                prefixes.add(t);
            }
        }
        return new AccessList(AddressMatcher.parse(prefixes), keys);
    }

    /**
     * Whether a request from {@code client} (null if unknown) with TSIG outcome {@code tsig} (null if the
     * request was not signed) is allowed.
     */
    public boolean allows(InetAddress client, TsigVerification tsig) {
        if (tsig != null && tsig.isVerified() && keys.contains(tsig.key().name())) {
            return true;
        }
        return addresses.matches(client);
    }

    /** Whether nobody is allowed. */
    public boolean isEmpty() {
        return addresses.isEmpty() && keys.isEmpty();
    }

    @Override
    public String toString() {
        return "AccessList[" + addresses + (keys.isEmpty() ? "" : ", keys " + keys) + "]";
    }
}
