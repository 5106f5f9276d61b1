package org.dunlin.dns.wire.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Small fixed mnemonic tables used in presentation format: DNSSEC algorithms and CERT types, as BIND names them. */
final class Mnemonics {
    private Mnemonics() {
    }

    private static final String[] ALGORITHMS = new String[256];
    private static final Map<String, Integer> ALGORITHM_VALUES = new HashMap<>();
    private static final Map<Integer, String> CERT_TYPES = new HashMap<>();
    private static final Map<String, Integer> CERT_TYPE_VALUES = new HashMap<>();

    static {
        alg(1, "RSAMD5");
        alg(2, "DH");
        alg(3, "DSA");
        alg(4, "ECC");
        alg(5, "RSASHA1");
        alg(6, "NSEC3DSA", "DSA-NSEC3-SHA1");
        alg(7, "NSEC3RSASHA1", "RSASHA1-NSEC3-SHA1");
        alg(8, "RSASHA256");
        alg(10, "RSASHA512");
        alg(12, "ECCGOST", "ECC-GOST");
        alg(13, "ECDSAP256SHA256");
        alg(14, "ECDSAP384SHA384");
        alg(15, "ED25519");
        alg(16, "ED448");
        alg(252, "INDIRECT");
        alg(253, "PRIVATEDNS");
        alg(254, "PRIVATEOID");
        cert(1, "PKIX");
        cert(2, "SPKI");
        cert(3, "PGP");
        cert(4, "IPKIX");
        cert(5, "ISPKI");
        cert(6, "IPGP");
        cert(7, "ACPKIX");
        cert(8, "IACPKIX");
        cert(253, "URI");
        cert(254, "OID");
    }

    private static void alg(int v, String name, String... aliases) {
        ALGORITHMS[v] = name;
        ALGORITHM_VALUES.put(name, v);
        for (String a : aliases) {
            ALGORITHM_VALUES.put(a, v);
        }
    }

    private static void cert(int v, String name) {
        CERT_TYPES.put(v, name);
        CERT_TYPE_VALUES.put(name, v);
    }

    /** BIND's mnemonic for DNSSEC algorithm {@code v}, or null. */
    static String algorithm(int v) {
        return v >= 0 && v < 256 ? ALGORITHMS[v] : null;
    }

    /** The algorithm number for a mnemonic (any case), or -1. */
    static int algorithmValue(String s) {
        Integer v = ALGORITHM_VALUES.get(s.toUpperCase(Locale.ROOT));
        return v == null ? -1 : v;
    }

    /** The CERT type mnemonic (RFC 4398 §2.1), or null. */
    static String certType(int v) {
        return CERT_TYPES.get(v);
    }

    /** The CERT type for a mnemonic (any case), or -1. */
    static int certTypeValue(String s) {
        Integer v = CERT_TYPE_VALUES.get(s.toUpperCase(Locale.ROOT));
        return v == null ? -1 : v;
    }
}
