package org.dunlin.dns.wire.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.dnssec.Nsec3Hasher;
import org.dunlin.dns.wire.dnssec.SignatureTimes;
import org.dunlin.dns.wire.dnssec.ZoneVerification;
import org.dunlin.dns.wire.dnssec.ZoneVerifier;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.dunlin.dns.wire.zone.ZoneParser;

/**
 * {@code ./dunlin zone verify --origin ORIGIN [--anchor FILE] [--time YYYYMMDDHHMMSS] FILE}: checks a
 * signed zone like {@code dnssec-verify}/{@code ldns-verify-zone} (see {@link ZoneVerifier}). Prints
 * one line per problem ({@code name TYPE reason}) or warning ({@code name TYPE warning: reason}), in
 * canonical order, and a summary; exits 0 when the zone is fully valid (warnings allowed), 1 when it
 * is not, 2 for usage errors and unreadable or unparsable files.
 */
public final class ZoneVerifyCommand implements Subcommand {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String usage() {
        return "--origin ORIGIN [--anchor FILE] [--time YYYYMMDDHHMMSS] [--nsec3-max-iterations N] FILE";
    }

    @Override
    public String summary() {
        return "verify a signed zone: every RRSIG valid, every RRset signed, NSEC/NSEC3 chain complete";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        Name origin = null;
        Path anchorFile = null;
        Instant time = null;
        int maxIterations = Nsec3Hasher.DEFAULT_MAX_ITERATIONS;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--origin":
                case "-o":
                    try {
                        origin = Name.of(value(args, i++, a));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("bad origin: " + e.getMessage());
                    }
                    break;
                case "--anchor":
                    anchorFile = Paths.get(value(args, i++, a));
                    break;
                case "--time":
                    try {
                        time = SignatureTimes.parseInstant(value(args, i++, a));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("bad --time (expected YYYYMMDDHHMMSS): " + args.get(i));
                    }
                    break;
                case "--nsec3-max-iterations":
                    try {
                        maxIterations = Integer.parseInt(value(args, i++, a));
                        new Nsec3Hasher(maxIterations);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("bad --nsec3-max-iterations: " + args.get(i));
                    }
                    break;
                default:
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new UsageException("unknown option " + a);
                    }
                    if (file != null) {
                        throw new UsageException("more than one zone file given");
                    }
                    file = Paths.get(a);
            }
        }
        if (origin == null) {
            throw new UsageException("--origin is required");
        }
        if (file == null) {
            throw new UsageException("no zone file given");
        }
        ZoneVerifier.Builder builder = ZoneVerifier.builder(origin)
                .nsec3Hasher(new Nsec3Hasher(maxIterations));
        if (time != null) {
            builder.time(time);
        }
        try {
            if (anchorFile != null) {
                // Anchor files (like Debian's root.key) often carry no TTL, and none matters there.
                List<Record> anchors = readRecords(anchorFile, ZoneParser.builder(origin).defaultTtl(0).build());
                if (anchors.isEmpty()) {
                    err.println("zone verify: " + anchorFile + ": no DNSKEY or DS record");
                    return 2;
                }
                try {
                    builder.trustAnchors(anchors);
                } catch (IllegalArgumentException e) {
                    err.println("zone verify: " + anchorFile + ": " + e.getMessage());
                    return 2;
                }
            }
            // The zone's TTLs matter (an RRSIG's Original TTL must match them): RFC 1035 §5.1 rules only.
            List<Record> records = readRecords(file, ZoneParser.of(origin));
            ZoneVerification report = builder.build().verify(records);
            List<ZoneVerification.Problem> lines = new ArrayList<>(report.problems());
            lines.addAll(report.warnings());
            lines.sort(null);
            for (ZoneVerification.Problem p : lines) {
                out.println(p);
            }
            out.println(report.summary());
            return report.isValid() ? 0 : 1;
        } catch (ZoneFileException e) {
            for (var p : e.problems()) {
                err.println(p);
            }
            return 2;
        } catch (IOException e) {
            err.println("zone verify: cannot read " + e.getMessage());
            return 2;
        }
    }

    private static List<Record> readRecords(Path file, ZoneParser parser) throws IOException, ZoneFileException {
        if (!Files.isReadable(file)) {
            throw new IOException(file.toString());
        }
        List<Record> records = new ArrayList<>();
        parser.parse(file, records::add);
        return records;
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i + 1 >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i + 1);
    }

    /** Runs {@code zone verify} alone (the {@code zone} command group normally dispatches here). */
    public static void main(String[] args) {
        System.exit(new CommandGroup("zone", List.of(new ZoneVerifyCommand()))
                .run(prepend("verify", args), System.out, System.err));
    }

    static String[] prepend(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
