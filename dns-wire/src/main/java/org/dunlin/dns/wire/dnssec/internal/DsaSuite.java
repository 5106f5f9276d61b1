package org.dunlin.dns.wire.dnssec.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPublicKey;
import java.security.spec.DSAPublicKeySpec;
import java.util.Arrays;
import org.dunlin.dns.wire.dnssec.DnssecAlgorithm;
import org.dunlin.dns.wire.dnssec.DnssecException;

/**
 * DSA/SHA-1 (3) and DSA-NSEC3-SHA1 (6), verification only: RFC 8624 §3.1 forbids signing with DSA,
 * but old zones and test data still carry such signatures.
 *
 * <p>Public key field, RFC 2536 §2: {@code T (1) | Q (20) | P (64+8T) | G (64+8T) | Y (64+8T)}.
 * Signature, RFC 2536 §3: {@code T (1) | R (20) | S (20)}, converted to DER for the JCA (a DER
 * signature as old ldns wrote it is accepted too).
 */
final class DsaSuite implements SignatureSuite {

    private final DnssecAlgorithm algorithm;

    DsaSuite(DnssecAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public DnssecAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public PublicKey decodePublicKey(byte[] field) {
        if (field.length < 1) {
            throw new DnssecException(algorithm + " public key is empty");
        }
        int t = field[0] & 0xff;
        int size = 64 + 8 * t;
        if (t > 8 || field.length != 1 + 20 + 3 * size) {
            throw new DnssecException(algorithm + " public key: T=" + t + " needs " + (1 + 20 + 3 * size)
                    + " octets, not " + field.length);
        }
        BigInteger q = new BigInteger(1, field, 1, 20);
        BigInteger p = new BigInteger(1, field, 21, size);
        BigInteger g = new BigInteger(1, field, 21 + size, size);
        BigInteger y = new BigInteger(1, field, 21 + 2 * size, size);
        try {
            return KeyFactory.getInstance("DSA").generatePublic(new DSAPublicKeySpec(y, p, q, g));
        } catch (GeneralSecurityException e) {
            throw new DnssecException(algorithm + " public key rejected: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] encodePublicKey(PublicKey key) {
        if (!(key instanceof DSAPublicKey)) {
            throw new DnssecException(algorithm + " needs a DSA public key");
        }
        DSAParams params = ((DSAPublicKey) key).getParams();
        int size = (params.getP().bitLength() + 7) / 8;
        int t = (size - 64) / 8;
        if (size < 64 || size > 128 || (size - 64) % 8 != 0) {
            throw new DnssecException(algorithm + " keys must have a 512..1024-bit prime in 64-bit steps");
        }
        return Bytes.concat(new byte[] {(byte) t}, Bytes.fixed(params.getQ(), 20), Bytes.fixed(params.getP(), size),
                Bytes.fixed(params.getG(), size), Bytes.fixed(((DSAPublicKey) key).getY(), size));
    }

    @Override
    public boolean canSign() {
        return false;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        throw new DnssecException(algorithm + " must not be used for signing (RFC 8624 §3.1)");
    }

    @Override
    public KeyVerifier verifier(PublicKey key) {
        if (!(key instanceof DSAPublicKey)) {
            return KeyVerifier.REJECT_ALL;
        }
        return (data, sig) -> verifyWith(key, data, sig);
    }

    private static boolean verifyWith(PublicKey key, byte[] data, byte[] sig) {
        byte[] der;
        if (sig.length == 41) {
            der = EcdsaSignatures.rawToDer(Arrays.copyOfRange(sig, 1, 41));
        } else if (sig.length > 41 && sig.length <= 48 && sig[0] == 0x30) {
            // ldns-signzone 1.3 wrote DER instead of RFC 2536 form; Unbound accepts it, and so do we
            // (the signature is still checked cryptographically, so this widens nothing).
            der = sig;
        } else {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA1withDSA");
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(der);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public KeyPair generateKeyPair(int bits, SecureRandom random) {
        throw new DnssecException(algorithm + " keys must not be generated (RFC 8624 §3.1)");
    }

    @Override
    public PublicKey derivePublicKey(PrivateKey key) {
        throw new DnssecException(algorithm + " private keys are not supported");
    }

    @Override
    public int keySize(PublicKey key) {
        return ((DSAPublicKey) key).getParams().getP().bitLength();
    }
}
