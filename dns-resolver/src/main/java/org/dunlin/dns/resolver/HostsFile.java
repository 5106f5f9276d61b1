package org.dunlin.dns.resolver;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dunlin.dns.resolver.internal.AddressText;
import org.dunlin.dns.wire.Name;

/**
 * The static host table of {@code /etc/hosts} (hosts(5)): lines of an IP address, a canonical host name
 * and aliases, {@code #} starting a comment. Names match without regard to ASCII case; a name on several
 * lines has all their addresses, in file order (glibc's behaviour for {@code getaddrinfo}). Lines whose
 * address or names do not parse are skipped, as glibc skips them.
 *
 * <p>Immutable and thread-safe.
 */
public final class HostsFile {
    /** The empty table. */
    public static final HostsFile EMPTY = new HostsFile(Map.of(), Map.of());

    private final Map<Name, List<InetAddress>> byName;
    private final Map<InetAddress, Name> byAddress;

    private HostsFile(Map<Name, List<InetAddress>> byName, Map<InetAddress, Name> byAddress) {
        this.byName = byName;
        this.byAddress = byAddress;
    }

    /** Parses the text of a hosts file. */
    public static HostsFile parse(String text) {
        Objects.requireNonNull(text, "text");
        Map<Name, List<InetAddress>> names = new LinkedHashMap<>();
        Map<InetAddress, Name> addresses = new LinkedHashMap<>();
        for (String raw : text.split("\n", -1)) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("[ \t]+");
            if (fields.length < 2) {
                continue;
            }
            InetAddress address = AddressText.parseLiteral(fields[0]);
            if (address == null) {
                continue;
            }
            for (int i = 1; i < fields.length; i++) {
                Name name;
                try {
                    name = Name.of(fields[i]);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                List<InetAddress> l = names.computeIfAbsent(name, k -> new ArrayList<>(2));
                if (!l.contains(address)) {
                    l.add(address);
                }
                if (i == 1) {
                    addresses.putIfAbsent(address, name);
                }
            }
        }
        Map<Name, List<InetAddress>> frozen = new LinkedHashMap<>();
        names.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new HostsFile(Collections.unmodifiableMap(frozen), Collections.unmodifiableMap(addresses));
    }

    /** Reads and parses a hosts file; a missing file is an empty table. */
    public static HostsFile read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            return EMPTY;
        }
    }

    /** The addresses of {@code name} (canonical name or alias), in file order; empty if it is not listed. */
    public List<InetAddress> addresses(Name name) {
        return byName.getOrDefault(name, List.of());
    }

    /** The canonical name of the first line listing {@code address}. */
    public Optional<Name> name(InetAddress address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** The number of names (canonical names and aliases) in the table. */
    public int size() {
        return byName.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostsFile h && h.byName.equals(byName) && h.byAddress.equals(byAddress);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return "HostsFile[" + byName.size() + " names]";
    }
}
