package org.dunlin.dns.authority.cli;

/**
 * {@code ./dunlin serve}: the authoritative server's command line. The server itself arrives with the
 * dns-authority issue; until then this command says so and exits with status 1.
 */
public final class ServeCommand {
    private ServeCommand() {
    }

    public static void main(String[] args) {
        System.err.println("dunlin serve: the authoritative server is not built yet (dns-authority issue)");
        System.exit(1);
    }
}
