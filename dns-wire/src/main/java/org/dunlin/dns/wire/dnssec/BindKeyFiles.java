package org.dunlin.dns.wire.dnssec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.KeyData;
import org.dunlin.dns.wire.zone.ZoneFileException;
import org.dunlin.dns.wire.zone.ZoneParser;

/**
 * BIND's key files, {@code K<owner>+<alg>+<tag>.key} (the public key as one DNSKEY or KEY record in
 * zone-file syntax, with comment lines) and {@code K<owner>+<alg>+<tag>.private} (see
 * {@link BindPrivateKey}), as written by {@code dnssec-keygen} and read by {@code dnssec-signzone}
 * and {@code named}.
 *
 * <p>Stateless; file I/O happens on the calling thread. The {@code .private} file is created with
 * mode 0600 where the file system supports POSIX permissions, and existing files are never overwritten.
 */
public final class BindKeyFiles {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.ROOT).withZone(ZoneOffset.UTC);

    private BindKeyFiles() {
    }

    /** The file name without extension: {@code K<owner>+<alg, 3 digits>+<tag, 5 digits>}. */
    public static String baseName(Name owner, DnssecAlgorithm algorithm, int keyTag) {
        return String.format(Locale.ROOT, "K%s+%03d+%05d", owner.toString(), algorithm.code(), keyTag);
    }

    /** The file name without extension for {@code key}. */
    public static String baseName(SigningKey key) {
        return baseName(key.owner(), key.algorithm(), key.keyTag());
    }

    /**
     * Writes {@code key} as a DNSKEY into {@code dir} and returns the path without extension.
     *
     * @throws FileAlreadyExistsException if either file exists
     */
    public static Path write(SigningKey key, Path dir, Instant created) throws IOException {
        return write(key, dir, created, RRType.DNSKEY);
    }

    /**
     * Writes {@code key} into {@code dir}, its public half as a {@code recordType} record (DNSKEY for
     * zone keys, KEY for SIG(0) host keys), and returns the path without extension.
     *
     * @throws FileAlreadyExistsException if either file exists
     * @throws IllegalArgumentException if {@code recordType} is neither DNSKEY nor KEY
     */
    public static Path write(SigningKey key, Path dir, Instant created, RRType recordType) throws IOException {
        String keyText = formatKeyFile(key, created, recordType);
        String privateText = BindPrivateKey.newKey(key.algorithm(), key.privateKey(), created).format();
        Path base = dir.resolve(baseName(key));
        Path keyFile = Path.of(base + ".key");
        Path privateFile = Path.of(base + ".private");
        if (Files.exists(keyFile) || Files.exists(privateFile)) {
            throw new FileAlreadyExistsException(Files.exists(keyFile) ? keyFile.toString() : privateFile.toString());
        }
        writePrivate(privateFile, privateText);
        Files.writeString(keyFile, keyText, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        return base;
    }

    private static void writePrivate(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The {@code .key} file text: BIND's comment lines, then {@code owner IN DNSKEY flags 3 alg key}. */
    public static String formatKeyFile(SigningKey key, Instant created, RRType recordType) {
        if (!recordType.equals(RRType.DNSKEY) && !recordType.equals(RRType.KEY)) {
            throw new IllegalArgumentException("key files hold DNSKEY or KEY records, not " + recordType);
        }
        String role = recordType.equals(RRType.KEY) ? "key"
                : (key.flags() & KeyData.FLAG_SEP) != 0 ? "key-signing key" : "zone-signing key";
        String stamp = STAMP.format(created) + " (" + HUMAN.format(created) + ")";
        KeyData k = key.publicKey().rdata();
        return "; This is a " + role + ", keyid " + key.keyTag() + ", for " + key.owner() + "\n"
                + "; Created: " + stamp + "\n"
                + "; Publish: " + stamp + "\n"
                + "; Activate: " + stamp + "\n"
                + key.owner() + " IN " + recordType + " " + k.flags() + " " + k.protocol() + " " + k.algorithm()
                + " " + k.publicKey().toBase64() + "\n";
    }

    /**
     * Reads the public key of a {@code .key} file: exactly one DNSKEY or KEY record (comments and a TTL
     * allowed).
     *
     * @throws DnssecException naming the file for syntax errors, a wrong record count or a bad key
     */
    public static DnssecKey readPublic(Path keyFile) throws IOException {
        String text = Files.readString(keyFile, StandardCharsets.UTF_8);
        List<Record> records;
        try {
            records = ZoneParser.builder(Name.ROOT).defaultTtl(0).build().parse(text, keyFile.toString());
        } catch (ZoneFileException e) {
            throw new DnssecException(e.getMessage(), e);
        }
        List<Record> keys = new ArrayList<>();
        for (Record r : records) {
            if (r.rdata() instanceof KeyData) {
                keys.add(r);
            }
        }
        if (keys.size() != 1 || records.size() != 1) {
            throw new DnssecException(keyFile + ": expected exactly one DNSKEY or KEY record, found "
                    + records.size() + " record(s)");
        }
        try {
            return DnssecKey.of(keys.get(0));
        } catch (DnssecException e) {
            throw new DnssecException(keyFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a key pair from {@code path}, which may name the {@code .key} file, the {@code .private}
     * file, or their common base. The private key must be the private half of the published key.
     *
     * @throws DnssecException naming the file for any syntax error or mismatch
     */
    public static SigningKey read(Path path) throws IOException {
        String s = path.toString();
        String base = s.endsWith(".key") ? s.substring(0, s.length() - 4)
                : s.endsWith(".private") ? s.substring(0, s.length() - 8) : s;
        Path keyFile = Path.of(base + ".key");
        Path privateFile = Path.of(base + ".private");
        DnssecKey publicKey = readPublic(keyFile);
        BindPrivateKey bindPrivate = BindPrivateKey.parse(Files.readString(privateFile, StandardCharsets.UTF_8),
                privateFile.toString());
        if (!bindPrivate.algorithm().equals(publicKey.algorithm())) {
            throw new DnssecException(privateFile + ": algorithm " + bindPrivate.algorithm() + " differs from "
                    + publicKey.algorithm() + " in " + keyFile);
        }
        byte[] derived = DnssecCrypto.encodePublicKey(publicKey.algorithm(),
                DnssecCrypto.derivePublicKey(publicKey.algorithm(), bindPrivate.privateKey()));
        if (!Arrays.equals(derived, publicKey.rdata().publicKey().toByteArray())) {
            throw new DnssecException(privateFile + ": the private key does not belong to the public key in " + keyFile);
        }
        return SigningKey.of(publicKey, bindPrivate.privateKey());
    }
}
