package org.dunlin.dns.wire.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.dnssec.BindKeyFiles;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecCrypto;
import org.dunlin.dns.wire.dnssec.DnssecException;
import org.dunlin.dns.wire.dnssec.SigningKey;

/**
 * {@code ./dunlin key generate --algorithm ALG --zone ZONE [--ksk] [--bits N] [--dir DIR]}: creates a
 * key pair and writes BIND's {@code K<zone>+<alg>+<tag>.key} and {@code .private} files (readable by
 * {@code dnssec-signzone} and {@code named}), then prints the base name as {@code dnssec-keygen} does.
 * {@code --type KEY} writes a KEY record for SIG(0) host keys instead of a DNSKEY.
 */
public final class KeyGenerateCommand implements Subcommand {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "--algorithm ALG --zone ZONE [--ksk] [--bits N] [--type DNSKEY|KEY] [--dir DIR]";
    }

    @Override
    public String summary() {
        return "generate a DNSSEC key pair as BIND key files (ALG: RSASHA256, RSASHA512, ECDSAP256SHA256,"
                + " ECDSAP384SHA384, ED25519, ED448, ECC-GOST, ... or a number)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        DnssecAlgorithm algorithm = null;
        Name zone = null;
        boolean ksk = false;
        int bits = 0;
        RRType type = RRType.DNSKEY;
        Path dir = Paths.get(".");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--algorithm":
                case "-a":
                    try {
                        algorithm = DnssecAlgorithm.parse(value(args, i++, a));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                    break;
                case "--zone":
                case "-z":
                    try {
                        zone = Name.of(value(args, i++, a));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("bad zone name: " + e.getMessage());
                    }
                    break;
                case "--ksk":
                    ksk = true;
                    break;
                case "--bits":
                case "-b":
                    try {
                        bits = Integer.parseInt(value(args, i++, a));
                    } catch (NumberFormatException e) {
                        throw new UsageException("bad --bits: " + args.get(i));
                    }
                    break;
                case "--type":
                    String t = value(args, i++, a);
                    if (t.equalsIgnoreCase("KEY")) {
                        type = RRType.KEY;
                    } else if (!t.equalsIgnoreCase("DNSKEY")) {
                        throw new UsageException("--type must be DNSKEY or KEY");
                    }
                    break;
                case "--dir":
                case "-K":
                    dir = Paths.get(value(args, i++, a));
                    break;
                default:
                    throw new UsageException("unknown argument " + a);
            }
        }
        if (algorithm == null) {
            throw new UsageException("--algorithm is required");
        }
        if (zone == null) {
            throw new UsageException("--zone is required");
        }
        if (!DnssecCrypto.canSign(algorithm)) {
            throw new UsageException("cannot generate " + algorithm + " keys"
                    + (DnssecCrypto.isSupported(algorithm) ? " (not allowed for signing, RFC 8624)" : " (unsupported here)"));
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException("not a directory: " + dir);
        }
        int flags = type.equals(RRType.KEY) ? SigningKey.HOST_KEY_FLAGS : ksk ? SigningKey.KSK_FLAGS : SigningKey.ZSK_FLAGS;
        SigningKey key;
        try {
            key = SigningKey.generate(zone, flags, algorithm, bits, new SecureRandom());
        } catch (DnssecException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            Path base = BindKeyFiles.write(key, dir, Instant.now(), type);
            out.println(base.getFileName());
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("key generate: " + e.getFile() + " already exists");
            return 1;
        } catch (IOException e) {
            err.println("key generate: cannot write key files in " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i + 1 >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i + 1);
    }
}
