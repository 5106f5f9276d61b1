package org.dunlin.dns.wire.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of a command group (e.g. {@code zone check}). To add one, implement this interface and
 * list an instance in the group's registry (for {@code zone}: {@link ZoneCommand#SUBCOMMANDS}).
 */
public interface Subcommand {
    /** The word that selects it, e.g. {@code "check"}. */
    String name();

    /** The arguments it takes, e.g. {@code "--origin ORIGIN FILE"}. */
    String usage();

    /** One line of help. */
    String summary();

    /**
     * Runs with the arguments after the subcommand's name; returns the exit status (0 success, 1 the
     * input was bad or a check failed).
     *
     * @throws UsageException for wrong arguments (exit status 2)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
