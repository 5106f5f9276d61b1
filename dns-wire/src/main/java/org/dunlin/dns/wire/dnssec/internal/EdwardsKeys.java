package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;

/**
 * Recognises EdDSA public keys that must not verify anything: encodings of points of small order.
 *
 * <p>With such a key {@code [k]A} takes at most eight values, so anyone can forge a signature that a
 * cofactorless check ({@code [S]B = R + [k]A}, the JDK's) accepts. RFC 8032 §5.1.7 and §5.2.7 leave the
 * choice of check to implementations, and Bouncy Castle refuses these keys outright; applying the same
 * rule on both paths keeps Dunlin's answer independent of which one runs. A key is weak if its
 * y coordinate (the encoding without the x sign bit, little-endian) is that of a point of small order:
 * 0, 1 or p−1 on both curves (orders 4, 1 and 2), and for Ed25519 also the two y values of its
 * order-8 points, the roots of {@code d·y⁴ + 2y² − 1} (from {@code [2]P = (±√−1, 0)}). Non-canonical
 * encodings ({@code y ≥ p}) are refused earlier, when the key is decoded.
 */
final class EdwardsKeys {

    private static final BigInteger P25519 = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger P448 = BigInteger.ONE.shiftLeft(448).subtract(BigInteger.ONE.shiftLeft(224))
            .subtract(BigInteger.ONE);
    /** One y of the order-8 points of edwards25519; the other is p − ORDER8_Y. */
    static final BigInteger ORDER8_Y =
            new BigInteger("7a03ac9277fdc74ec6cc392cfa53202a0f67100d760b3cba4fd84d3d706a17c7", 16);

    private EdwardsKeys() {
    }

    /** The field prime of the curve whose public keys are {@code keyLength} octets (32 or 57). */
    static BigInteger prime(int keyLength) {
        return keyLength == 32 ? P25519 : P448;
    }

    /** The y coordinate of an encoded point: little-endian, x sign bit (the top bit) cleared. */
    static BigInteger y(byte[] encoded) {
        byte[] bigEndian = Bytes.reversed(encoded, 0, encoded.length);
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    /** True if the 32-octet Ed25519 or 57-octet Ed448 public key encodes a point of small order. */
    static boolean isWeak(byte[] publicKey) {
        BigInteger p = prime(publicKey.length);
        BigInteger y = y(publicKey);
        if (y.signum() == 0 || y.equals(BigInteger.ONE) || y.equals(p.subtract(BigInteger.ONE))) {
            return true;
        }
        return publicKey.length == 32 && (y.equals(ORDER8_Y) || y.equals(p.subtract(ORDER8_Y)));
    }
}
