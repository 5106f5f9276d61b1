package org.dunlin.dns.wire.cli;

import java.util.List;

/**
 * {@code ./dunlin zone <subcommand>}: zone-file tools. Each subcommand is one {@link Subcommand} class
 * listed in {@link #SUBCOMMANDS}; adding one (e.g. {@code verify}) means writing the class and adding
 * it to that list.
 */
public final class ZoneCommand {
    /** The registered subcommands, in the order help lists them. */
    public static final List<Subcommand> SUBCOMMANDS = List.of(
            new ZoneCheckCommand(),
            new ZonePrintCommand(),
            new ZoneVerifyCommand());

    private ZoneCommand() {
    }

    public static void main(String[] args) {
        System.exit(new CommandGroup("zone", SUBCOMMANDS).run(args, System.out, System.err));
    }
}
