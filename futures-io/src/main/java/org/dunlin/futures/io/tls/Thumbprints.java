package org.dunlin.futures.io.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Certificate thumbprints (fingerprints): the SHA-1 or SHA-256 digest of a certificate's DER encoding, in
 * lower-case hex — what {@code openssl x509 -fingerprint} and Windows' certificate store show, minus the
 * colons. {@link #normalize} accepts the usual spellings (colons, spaces, upper case).
 */
public final class Thumbprints {
    private Thumbprints() {
    }

    /** The SHA-1 thumbprint of {@code cert}: 40 lower-case hex digits. */
    public static String sha1(X509Certificate cert) {
        return digest("SHA-1", cert);
    }

    /** The SHA-256 thumbprint of {@code cert}: 64 lower-case hex digits. */
    public static String sha256(X509Certificate cert) {
        return digest("SHA-256", cert);
    }

    /**
     * Normalizes a thumbprint as written by people and tools ({@code 3A:F2:...}, {@code 3af2 ...}) to
     * lower-case hex without separators.
     *
     * @throws IllegalArgumentException if it is not 40 (SHA-1) or 64 (SHA-256) hex digits
     */
    public static String normalize(String thumbprint) {
        String s = thumbprint.replace(":", "").replace(" ", "").strip().toLowerCase(Locale.ROOT);
        if (s.length() != 40 && s.length() != 64) {
            throw new IllegalArgumentException("a thumbprint has 40 (SHA-1) or 64 (SHA-256) hex digits: " + thumbprint);
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("not a hex thumbprint: " + thumbprint);
            }
        }
        return s;
    }

    private static String digest(String algorithm, X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException x) {
            throw new IllegalStateException("cannot compute the " + algorithm + " thumbprint", x);
        }
    }
}
