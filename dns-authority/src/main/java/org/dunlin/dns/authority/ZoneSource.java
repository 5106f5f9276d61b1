package org.dunlin.dns.authority;

import java.nio.file.Path;
import java.util.Objects;
import org.dunlin.dns.wire.Name;

/**
 * A zone served from a file: the origin and the zone file, which the server loads at start and reloads
 * on {@link AuthorityServer#reload} or, when watching, whenever the file changes.
 *
 * @param origin the zone's origin (absolute)
 * @param file   the zone file
 */
public record ZoneSource(Name origin, Path file) {
    public ZoneSource {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(file, "file");
        if (!origin.isAbsolute()) {
            throw new IllegalArgumentException("origin must be absolute: " + origin);
        }
    }
}
