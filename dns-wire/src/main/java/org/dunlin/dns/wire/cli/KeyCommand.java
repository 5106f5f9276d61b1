package org.dunlin.dns.wire.cli;

import java.util.List;

/** {@code ./dunlin key <subcommand>}: DNSSEC key tools; today {@code generate}. */
public final class KeyCommand {

    /** The registered subcommands, in the order help lists them. */
    public static final List<Subcommand> SUBCOMMANDS = List.of(new KeyGenerateCommand());

    private KeyCommand() {
    }

    public static void main(String[] args) {
        System.exit(new CommandGroup("key", SUBCOMMANDS).run(args, System.out, System.err));
    }
}
