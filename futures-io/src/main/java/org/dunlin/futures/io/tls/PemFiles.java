package org.dunlin.futures.io.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads PEM files: certificate chains and unencrypted PKCS#8 private keys ({@code BEGIN PRIVATE KEY},
 * as {@code openssl genpkey} writes them). Errors name the file and say what was expected.
 */
public final class PemFiles {
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private PemFiles() {
    }

    /** The certificates of a PEM file, in file order (leaf first for a chain). */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException(file + ": no certificate found (expected -----BEGIN CERTIFICATE-----)");
            }
            return out;
        } catch (CertificateException x) {
            throw new IOException(file + ": not a PEM certificate file: " + x.getMessage(), x);
        }
    }

    /** The private key of a PEM file holding one unencrypted PKCS#8 key (RSA, EC, Ed25519 or Ed448). */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf(KEY_BEGIN);
        if (begin < 0) {
            if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
                throw new IOException(file + ": encrypted keys are not supported; decrypt it with "
                        + "'openssl pkcs8 -in KEY -nocrypt -topk8'");
            }
            if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
                throw new IOException(file + ": this is a PKCS#1/SEC1 key; convert it to PKCS#8 with "
                        + "'openssl pkcs8 -topk8 -nocrypt -in KEY'");
            }
            throw new IOException(file + ": no private key found (expected " + KEY_BEGIN + ")");
        }
        int end = text.indexOf(KEY_END, begin);
        if (end < 0) {
            throw new IOException(file + ": " + KEY_END + " is missing");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + KEY_BEGIN.length(), end));
        } catch (IllegalArgumentException x) {
            throw new IOException(file + ": the key is not valid base64", x);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": unsupported or malformed PKCS#8 private key");
    }
}
