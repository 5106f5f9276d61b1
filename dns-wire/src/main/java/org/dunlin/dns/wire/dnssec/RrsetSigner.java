package org.dunlin.dns.wire.dnssec;

import java.security.SecureRandom;
import java.time.Instant;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.rdata.RrsigRdata;

/**
 * Creates RRSIGs (RFC 4034 §3, RFC 4035 §2.2): the signer's name is the key's owner, the Labels field
 * counts the owner's labels without a leading {@code *} (so wildcard RRsets verify after expansion),
 * and the Original TTL is the RRset's TTL. Stateless and thread-safe; randomness (ECDSA, GOST) comes
 * from the caller, and the validity window is explicit.
 */
public final class RrsetSigner {

    private RrsetSigner() {
    }

    /**
     * Signs {@code rrset} with {@code key}, valid from {@code inception} to {@code expiration}.
     *
     * @throws IllegalArgumentException if the RRset is not at or below the key's owner, is an RRSIG
     *         RRset, or the window is empty or longer than 68 years (RFC 4034 §3.1.5)
     * @throws DnssecException if the algorithm cannot sign
     */
    public static RrsigRdata sign(RRset rrset, SigningKey key, Instant inception, Instant expiration,
            SecureRandom random) {
        if (rrset.type().equals(RRType.RRSIG)) {
            throw new IllegalArgumentException("RRSIG RRsets are not signed (RFC 4035 §2.2)");
        }
        if (!rrset.owner().isSubdomainOf(key.owner())) {
            throw new IllegalArgumentException(rrset.owner() + " is not at or below the key's owner " + key.owner());
        }
        long seconds = expiration.getEpochSecond() - inception.getEpochSecond();
        if (seconds <= 0 || seconds >= (1L << 31)) {
            throw new IllegalArgumentException("validity window must be positive and under 2^31 seconds");
        }
        RrsigRdata template = new RrsigRdata(rrset.type(), key.algorithm().code(),
                CanonicalRrset.labelsOf(rrset.owner()), rrset.ttl(), SignatureTimes.toField(expiration),
                SignatureTimes.toField(inception), key.keyTag(), key.owner(), ByteString.EMPTY);
        byte[] signature = key.sign(CanonicalRrset.signedData(template, rrset), random);
        return new RrsigRdata(template.typeCovered(), template.algorithm(), template.labels(),
                template.originalTtl(), template.expiration(), template.inception(), template.keyTag(),
                template.signerName(), ByteString.of(signature));
    }

    /** {@link #sign} wrapped in a record at the RRset's owner, class and TTL. */
    public static Record signRecord(RRset rrset, SigningKey key, Instant inception, Instant expiration,
            SecureRandom random) {
        return new Record(rrset.owner(), rrset.rrClass(), rrset.ttl(), sign(rrset, key, inception, expiration, random));
    }
}
