package org.dunlin.dns.wire.dnssec.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;

/**
 * The algorithm registry: one immutable table from algorithm number to {@link SignatureSuite}, built
 * once per class loader. The JDK's providers serve RSA and DSA, and the key codecs and key generation
 * of every algorithm. When Bouncy Castle is on the class or module path it also serves GOST, and its
 * faster curve arithmetic signs and verifies ECDSA (13, 14) and EdDSA (15, 16) — see
 * {@link BouncyCastleEngines}; without it those fall back to the JDK, invisibly to callers.
 */
public final class Suites {

    private static final Map<Integer, SignatureSuite> SUITES = build(true);

    private Suites() {
    }

    /** The suite for an algorithm, if this runtime supports it. */
    public static Optional<SignatureSuite> find(DnssecAlgorithm algorithm) {
        return Optional.ofNullable(SUITES.get(algorithm.code()));
    }

    /** True when Bouncy Castle's GOST suite could be loaded (GOST signatures and digests). */
    public static boolean bouncyCastlePresent() {
        return SUITES.containsKey(DnssecAlgorithm.ECC_GOST.code());
    }

    /** The GOST suite, if Bouncy Castle is present. */
    static Optional<GostSuite> gost() {
        return Optional.ofNullable((GostSuite) SUITES.get(DnssecAlgorithm.ECC_GOST.code()));
    }

    /**
     * A registry; {@code withBouncyCastle} false builds the JDK-only one (tests compare the two, and
     * it is what a runtime without Bouncy Castle gets anyway).
     */
    static Map<Integer, SignatureSuite> build(boolean withBouncyCastle) {
        boolean bc = withBouncyCastle && BouncyCastleEngines.present();
        Map<Integer, SignatureSuite> map = new HashMap<>();
        // RFC 8624 §3.1: RSAMD5 and DSA MUST NOT be used for signing; validation stays possible.
        put(map, new RsaSuite(DnssecAlgorithm.RSAMD5, "MD5withRSA", false, 1024));
        put(map, new DsaSuite(DnssecAlgorithm.DSA));
        put(map, new DsaSuite(DnssecAlgorithm.DSA_NSEC3_SHA1));
        put(map, new RsaSuite(DnssecAlgorithm.RSASHA1, "SHA1withRSA", true, 1024));
        put(map, new RsaSuite(DnssecAlgorithm.RSASHA1_NSEC3_SHA1, "SHA1withRSA", true, 1024));
        put(map, new RsaSuite(DnssecAlgorithm.RSASHA256, "SHA256withRSA", true, 1024));
        put(map, new RsaSuite(DnssecAlgorithm.RSASHA512, "SHA512withRSA", true, 1024));
        put(map, new EcdsaSuite(DnssecAlgorithm.ECDSAP256SHA256, "secp256r1", "SHA256withECDSA", 32,
                bc ? BouncyCastleEngines::p256 : () -> null));
        put(map, new EcdsaSuite(DnssecAlgorithm.ECDSAP384SHA384, "secp384r1", "SHA384withECDSA", 48,
                bc ? BouncyCastleEngines::p384 : () -> null));
        put(map, new EdDsaSuite(DnssecAlgorithm.ED25519, "Ed25519", 32, 64, 0x70,
                bc ? BouncyCastleEngines::ed25519 : () -> null));
        put(map, new EdDsaSuite(DnssecAlgorithm.ED448, "Ed448", 57, 114, 0x71,
                bc ? BouncyCastleEngines::ed448 : () -> null));
        if (bc) {
            try {
                put(map, new GostSuite());
            } catch (LinkageError | RuntimeException e) {
                // Present but unusable (e.g. not readable from this module): GOST stays unsupported.
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static void put(Map<Integer, SignatureSuite> map, SignatureSuite suite) {
        map.put(suite.algorithm().code(), suite);
    }
}
