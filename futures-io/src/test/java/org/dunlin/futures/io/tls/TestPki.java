package org.dunlin.futures.io.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny certificate authority for tests: EC P-256 keys and X.509 v3 certificates built with a minimal
 * DER encoder (JDK 17 has no public certificate builder, and the project adds no dependency for it).
 * Leaf certificates carry subjectAltName 127.0.0.1 and localhost, and the serverAuth and clientAuth uses.
 */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() & 0xFFFFFFL);
    private static final byte[] ECDSA_SHA256 = oid("1.2.840.10045.4.3.2");

    /** A key pair and its certificate, with the chain up to (and excluding) the root. */
    public record Identity(KeyPair keys, X509Certificate cert, List<X509Certificate> chain) {
        /** The private key. */
        public PrivateKey key() {
            return keys.getPrivate();
        }
    }

    private TestPki() {
    }

    /** A self-signed CA. */
    public static Identity ca(String cn) throws GeneralSecurityException {
        KeyPair kp = keys();
        byte[] ext = seq(
                ext("2.5.29.19", true, seq(bool(true))),
                ext("2.5.29.15", true, new byte[] {0x03, 0x02, 0x01, 0x06}));
        X509Certificate cert = sign(cn, cn, kp.getPublic().getEncoded(), ext, kp.getPrivate());
        return new Identity(kp, cert, List.of(cert));
    }

    /** A leaf certificate for {@code cn}, issued by {@code ca}. */
    public static Identity issue(Identity ca, String cn) throws GeneralSecurityException {
        KeyPair kp = keys();
        byte[] san = seq(tlv(0x87, new byte[] {127, 0, 0, 1}), tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)));
        byte[] ext = seq(
                ext("2.5.29.19", true, seq()),
                ext("2.5.29.15", true, new byte[] {0x03, 0x02, 0x07, (byte) 0x80}),
                ext("2.5.29.37", false, seq(oid("1.3.6.1.5.5.7.3.1"), oid("1.3.6.1.5.5.7.3.2"))),
                ext("2.5.29.17", false, san));
        X509Certificate cert = sign(cn, subjectCn(ca.cert()), kp.getPublic().getEncoded(), ext, ca.key());
        return new Identity(kp, cert, List.of(cert, ca.cert()));
    }

    /** Writes the identity's chain as PEM to {@code dir/name.crt} and its key (PKCS#8) to {@code name.key}. */
    public static Path[] writePem(Identity id, Path dir, String name) throws IOException, GeneralSecurityException {
        StringBuilder chain = new StringBuilder();
        for (X509Certificate c : id.chain()) {
            chain.append(pem("CERTIFICATE", c.getEncoded()));
        }
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        Files.writeString(cert, chain);
        Files.writeString(key, pem("PRIVATE KEY", id.key().getEncoded()));
        return new Path[] {cert, key};
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String subjectCn(X509Certificate c) {
        String dn = c.getSubjectX500Principal().getName();
        return dn.startsWith("CN=") ? dn.substring(3) : dn;
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(String subject, String issuer, byte[] spki, byte[] extensions, PrivateKey signer)
            throws GeneralSecurityException {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        byte[] tbs = seq(
                tlv(0xA0, integer(BigInteger.TWO)),
                integer(BigInteger.valueOf(SERIAL.incrementAndGet())),
                seq(ECDSA_SHA256),
                name(issuer),
                seq(time(now.minusDays(1)), time(now.plusDays(30))),
                name(subject),
                spki,
                tlv(0xA3, extensions));
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(signer);
        s.update(tbs);
        byte[] sig = s.sign();
        byte[] bits = new byte[sig.length + 1];
        System.arraycopy(sig, 0, bits, 1, sig.length);
        byte[] der = seq(tbs, seq(ECDSA_SHA256), tlv(0x03, bits));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] name(String cn) {
        return seq(tlv(0x31, seq(oid("2.5.4.3"), tlv(0x0C, cn.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] time(ZonedDateTime t) {
        return tlv(0x17, t.format(DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] ext(String oid, boolean critical, byte[] value) {
        return critical ? seq(oid(oid), bool(true), tlv(0x04, value)) : seq(oid(oid), tlv(0x04, value));
    }

    private static byte[] bool(boolean b) {
        return new byte[] {0x01, 0x01, (byte) (b ? 0xFF : 0)};
    }

    private static byte[] integer(BigInteger v) {
        return tlv(0x02, v.toByteArray());
    }

    private static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(40 * Integer.parseInt(parts[0]) + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            int groups = 1;
            for (long t = v >>> 7; t > 0; t >>>= 7) {
                groups++;
            }
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((v >>> (7 * g)) & 0x7F);
                out.write(g > 0 ? b | 0x80 : b);
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 128) {
            out.write(len);
        } else if (len < 256) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
