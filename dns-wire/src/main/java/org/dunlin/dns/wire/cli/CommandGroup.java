package org.dunlin.dns.wire.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Dispatches {@code <group> <subcommand> [args]} to registered {@link Subcommand}s, prints help, and
 * turns usage errors into one line and exit status 2. Never lets a stack trace reach the user: an
 * unexpected exception is reported on one line with exit status 1.
 */
public final class CommandGroup {
    private final String name;
    private final List<Subcommand> subcommands;

    public CommandGroup(String name, List<Subcommand> subcommands) {
        this.name = name;
        this.subcommands = List.copyOf(subcommands);
    }

    /** Runs and returns the exit status. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            help(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        for (Subcommand s : subcommands) {
            if (s.name().equals(args[0])) {
                List<String> rest = Arrays.asList(args).subList(1, args.length);
                if (rest.contains("--help") || rest.contains("-h")) {
                    out.println("usage: ./dunlin " + name + " " + s.name() + " " + s.usage());
                    out.println(s.summary());
                    return 0;
                }
                try {
                    return s.run(rest, out, err);
                } catch (UsageException e) {
                    err.println(name + " " + s.name() + ": " + e.getMessage() + " (usage: ./dunlin " + name + " " + s.name() + " " + s.usage() + ")");
                    return 2;
                } catch (RuntimeException e) {
                    err.println(name + " " + s.name() + ": internal error: " + e);
                    return 1;
                }
            }
        }
        err.println(name + ": unknown subcommand '" + args[0] + "' (run './dunlin " + name + " --help')");
        return 2;
    }

    private void help(PrintStream ps) {
        ps.println("usage: ./dunlin " + name + " <subcommand> [args]");
        ps.println();
        ps.println("subcommands:");
        for (Subcommand s : subcommands) {
            ps.printf("  %-8s %s%n", s.name(), s.summary());
            ps.printf("  %-8s   ./dunlin %s %s %s%n", "", name, s.name(), s.usage());
        }
    }
}
