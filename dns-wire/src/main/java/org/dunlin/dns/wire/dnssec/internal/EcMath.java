package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * Affine arithmetic on short-Weierstrass curves over prime fields, used only to check that a decoded
 * public point lies on its curve and to derive a public key from an imported private scalar (the JCA
 * offers neither). Not constant-time: it never runs on the signing path, only when an operator
 * imports a key file.
 */
public final class EcMath {

    private EcMath() {
    }

    /** True if {@code (x, y)} satisfies {@code y^2 = x^3 + ax + b} with both coordinates in the field. */
    public static boolean isOnCurve(ECParameterSpec spec, BigInteger x, BigInteger y) {
        BigInteger p = prime(spec);
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).multiply(x)
                .add(spec.getCurve().getA().multiply(x))
                .add(spec.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    /** {@code k·G} for the curve's generator {@code G}; {@code k} must be in {@code [1, n-1]}. */
    public static ECPoint multiplyGenerator(ECParameterSpec spec, BigInteger k) {
        if (k.signum() <= 0 || k.compareTo(spec.getOrder()) >= 0) {
            throw new IllegalArgumentException("private scalar out of range");
        }
        BigInteger p = prime(spec);
        BigInteger a = spec.getCurve().getA();
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint base = spec.getGenerator();
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = add(result, result, p, a);
            if (k.testBit(i)) {
                result = add(result, base, p, a);
            }
        }
        return result;
    }

    private static BigInteger prime(ECParameterSpec spec) {
        return ((ECFieldFp) spec.getCurve().getField()).getP();
    }

    private static ECPoint add(ECPoint left, ECPoint right, BigInteger p, BigInteger a) {
        if (left.equals(ECPoint.POINT_INFINITY)) {
            return right;
        }
        if (right.equals(ECPoint.POINT_INFINITY)) {
            return left;
        }
        BigInteger x1 = left.getAffineX();
        BigInteger y1 = left.getAffineY();
        BigInteger x2 = right.getAffineX();
        BigInteger y2 = right.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (y1.add(y2).mod(p).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger three = BigInteger.valueOf(3);
            lambda = x1.multiply(x1).multiply(three).add(a)
                    .multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }
}
