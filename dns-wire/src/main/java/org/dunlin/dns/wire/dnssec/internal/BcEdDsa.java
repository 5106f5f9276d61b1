package org.dunlin.dns.wire.dnssec.internal;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.math.ec.rfc8032.Ed448;

/**
 * Ed25519 and Ed448 on Bouncy Castle's low-level RFC 8032 arithmetic (about five times faster than
 * the JDK 17 provider's verification here, see benchmarks/RESULTS.md). Only loaded through
 * {@link BouncyCastleEngines}, which catches the linkage error when Bouncy Castle is absent.
 *
 * <p>The verifier decompresses the public point once per key ({@code validatePublicKeyPartialExport}:
 * canonical encoding, not of small order) and keeps it; Bouncy Castle's {@code PublicPoint} is
 * immutable, so one verifier serves any number of threads. Signing is deterministic (RFC 8032 §5.1.6,
 * §5.2.6), so the bytes are those the JDK would produce.
 */
final class BcEdDsa {

    /** Pure Ed448 signs with an empty context (RFC 8032 §5.2, RFC 8080 §4). */
    private static final byte[] NO_CONTEXT = new byte[0];

    private BcEdDsa() {
    }

    /** The Ed25519 engine (algorithm 15). */
    static EdDsaEngine ed25519() {
        return new EdDsaEngine() {
            @Override
            public KeyVerifier verifier(byte[] publicKey) {
                Ed25519.PublicPoint point = publicKey.length == Ed25519.PUBLIC_KEY_SIZE
                        ? Ed25519.validatePublicKeyPartialExport(publicKey, 0) : null;
                if (point == null) {
                    return KeyVerifier.REJECT_ALL;
                }
                return (data, sig) -> sig.length == Ed25519.SIGNATURE_SIZE
                        && Ed25519.verify(sig, 0, point, data, 0, data.length);
            }

            @Override
            public byte[] publicKey(byte[] seed) {
                byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
                Ed25519.generatePublicKey(seed, 0, publicKey, 0);
                return publicKey;
            }

            @Override
            public byte[] sign(byte[] seed, byte[] data) {
                byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
                Ed25519.sign(seed, 0, data, 0, data.length, sig, 0);
                return sig;
            }
        };
    }

    /** The Ed448 engine (algorithm 16). */
    static EdDsaEngine ed448() {
        return new EdDsaEngine() {
            @Override
            public KeyVerifier verifier(byte[] publicKey) {
                Ed448.PublicPoint point = publicKey.length == Ed448.PUBLIC_KEY_SIZE
                        ? Ed448.validatePublicKeyPartialExport(publicKey, 0) : null;
                if (point == null) {
                    return KeyVerifier.REJECT_ALL;
                }
                return (data, sig) -> sig.length == Ed448.SIGNATURE_SIZE
                        && Ed448.verify(sig, 0, point, NO_CONTEXT, data, 0, data.length);
            }

            @Override
            public byte[] publicKey(byte[] seed) {
                byte[] publicKey = new byte[Ed448.PUBLIC_KEY_SIZE];
                Ed448.generatePublicKey(seed, 0, publicKey, 0);
                return publicKey;
            }

            @Override
            public byte[] sign(byte[] seed, byte[] data) {
                byte[] sig = new byte[Ed448.SIGNATURE_SIZE];
                Ed448.sign(seed, 0, NO_CONTEXT, data, 0, data.length, sig, 0);
                return sig;
            }
        };
    }
}
