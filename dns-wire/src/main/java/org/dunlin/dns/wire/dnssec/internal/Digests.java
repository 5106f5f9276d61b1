package org.dunlin.dns.wire.dnssec.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.dunlin.dns.wire.dnssec.DnssecException;
import org.dunlin.dns.wire.dnssec.DsDigestType;

/** Message digest engines for DS digest types; GOST comes from the Bouncy Castle suite. */
public final class Digests {

    private Digests() {
    }

    /** True if {@code type} can be computed in this runtime. */
    public static boolean isSupported(DsDigestType type) {
        int code = type.code();
        return code == 1 || code == 2 || code == 4 || (code == 3 && Suites.gost().isPresent());
    }

    /** A fresh engine for {@code type}; {@link DnssecException} if unsupported. */
    public static MessageDigest newDigest(DsDigestType type) {
        switch (type.code()) {
            case 1:
                return jdk("SHA-1");
            case 2:
                return jdk("SHA-256");
            case 4:
                return jdk("SHA-384");
            case 3:
                return Suites.gost().map(GostSuite::newDigest).orElseThrow(() ->
                        new DnssecException("DS digest type 3 (GOST R 34.11-94) needs Bouncy Castle"));
            default:
                throw new DnssecException("unsupported DS digest type " + type.code());
        }
    }

    /** A JDK digest engine that every Java SE runtime must provide. */
    public static MessageDigest jdk(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Java SE requires " + name, e);
        }
    }
}
