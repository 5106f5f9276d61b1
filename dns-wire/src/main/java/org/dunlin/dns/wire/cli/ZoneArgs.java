package org.dunlin.dns.wire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.dunlin.dns.wire.Name;

/** The arguments the zone subcommands share: {@code --origin ORIGIN FILE}. */
public record ZoneArgs(Name origin, Path file) {
    /** Parses {@code --origin ORIGIN FILE} (in either order). */
    public static ZoneArgs parse(List<String> args) throws UsageException {
        Name origin = null;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--origin") || a.equals("-o")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--origin needs a value");
                }
                try {
                    origin = Name.of(args.get(++i));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("bad origin: " + e.getMessage());
                }
            } else if (a.startsWith("--origin=")) {
                try {
                    origin = Name.of(a.substring(9));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("bad origin: " + e.getMessage());
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new UsageException("unknown option " + a);
            } else if (file == null) {
                file = Paths.get(a);
            } else {
                throw new UsageException("more than one file given");
            }
        }
        if (origin == null) {
            throw new UsageException("--origin is required");
        }
        if (file == null) {
            throw new UsageException("no zone file given");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException("cannot read " + file);
        }
        return new ZoneArgs(origin, file);
    }
}
