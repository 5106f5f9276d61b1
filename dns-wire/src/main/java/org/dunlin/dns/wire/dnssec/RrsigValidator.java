package org.dunlin.dns.wire.dnssec;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.RRset;
import org.dunlin.dns.wire.dnssec.RrsigVerification.Status;
import org.dunlin.dns.wire.rdata.SignatureData;

/**
 * Checks RRSIGs against RRsets and keys with the rules of RFC 4035 §5.3.1 and §5.3.2:
 * <ol>
 *   <li>the RRSIG covers the RRset's type, and the owner is at or below the signer's name;</li>
 *   <li>the Labels field does not exceed the owner's labels (fewer labels mean a wildcard expansion,
 *       and the signed owner becomes {@code *.<suffix>});</li>
 *   <li>the key's owner, algorithm and key tag match the signer's name, algorithm and key tag, the key
 *       is a zone key of protocol 3, and a revoked key signs only its own DNSKEY RRset (RFC 5011 §3);</li>
 *   <li>the validity window, in RFC 1982 serial arithmetic, contains the current time;</li>
 *   <li>the signature verifies over the canonical signed data ({@link CanonicalRrset}).</li>
 * </ol>
 * The checks stop at the first failure, in that order, so the result names the most basic problem.
 *
 * <p>Immutable and thread-safe; the current time comes from the injected clock. The static
 * {@link #verify(RRset, SignatureData, DnssecKey, Instant)} takes the time explicitly.
 */
public final class RrsigValidator {

    private final Clock clock;

    /** A validator that reads the time from {@code clock}. */
    public RrsigValidator(Clock clock) {
        this.clock = clock;
    }

    /** Checks {@code rrsig} over {@code rrset} with {@code key} at the clock's current time. */
    public RrsigVerification verify(RRset rrset, SignatureData rrsig, DnssecKey key) {
        return verify(rrset, rrsig, key, clock.instant());
    }

    /**
     * Checks {@code rrsig} with every key that could have made it (matching owner, algorithm and tag)
     * and returns the first valid result, or the most specific failure. With no candidate key the
     * result is {@link Status#WRONG_KEY}.
     */
    public RrsigVerification verify(RRset rrset, SignatureData rrsig, Collection<DnssecKey> keys) {
        return verify(rrset, rrsig, keys, clock.instant());
    }

    /** As {@link #verify(RRset, SignatureData, Collection)} at time {@code now}. */
    public static RrsigVerification verify(RRset rrset, SignatureData rrsig, Collection<DnssecKey> keys, Instant now) {
        RrsigVerification best = null;
        for (DnssecKey key : keys) {
            if (key.keyTag() != rrsig.keyTag() || key.algorithm().code() != rrsig.algorithm()
                    || !key.owner().equals(rrsig.signerName())) {
                continue;
            }
            RrsigVerification r = verify(rrset, rrsig, key, now);
            if (r.isValid()) {
                return r;
            }
            if (best == null || best.status() == Status.BAD_SIGNATURE) {
                best = r;
            }
        }
        return best != null ? best : RrsigVerification.of(Status.WRONG_KEY,
                "no DNSKEY " + rrsig.signerName() + " with algorithm " + rrsig.algorithm() + " and tag " + rrsig.keyTag());
    }

    /** Checks {@code rrsig} over {@code rrset} with {@code key} at time {@code now}. */
    public static RrsigVerification verify(RRset rrset, SignatureData rrsig, DnssecKey key, Instant now) {
        RrsigVerification structural = checkStructure(rrset, rrsig, key);
        if (structural != null) {
            return structural;
        }
        switch (SignatureTimes.check(rrsig.inception(), rrsig.expiration(), now)) {
            case EXPIRED:
                return RrsigVerification.of(Status.EXPIRED, "expired at "
                        + SignatureTimes.format(SignatureTimes.toInstant(rrsig.expiration(), now)));
            case NOT_YET_VALID:
                return RrsigVerification.of(Status.NOT_YET_VALID, "not valid before "
                        + SignatureTimes.format(SignatureTimes.toInstant(rrsig.inception(), now)));
            case EMPTY_WINDOW:
                return RrsigVerification.of(Status.INVALID_WINDOW, "expiration is not after inception");
            default:
                break;
        }
        if (!DnssecCrypto.isSupported(key.algorithm())) {
            return RrsigVerification.of(Status.UNSUPPORTED_ALGORITHM, "algorithm " + key.algorithm() + " is not supported");
        }
        byte[] data = CanonicalRrset.signedData(rrsig, rrset);
        if (!key.verifySignature(data, rrsig.signature().toByteArray())) {
            return RrsigVerification.of(Status.BAD_SIGNATURE, "signature by key " + key.keyTag() + " does not verify");
        }
        return RrsigVerification.valid();
    }

    /** The checks that need no cryptography, or null when they pass. */
    static RrsigVerification checkStructure(RRset rrset, SignatureData rrsig, DnssecKey key) {
        if (!rrsig.typeCovered().equals(rrset.type())) {
            return RrsigVerification.of(Status.TYPE_MISMATCH, "RRSIG covers " + rrsig.typeCovered() + ", not " + rrset.type());
        }
        if (!rrset.owner().isSubdomainOf(rrsig.signerName())) {
            return RrsigVerification.of(Status.SIGNER_NOT_ANCESTOR, "signer " + rrsig.signerName()
                    + " is not an ancestor of " + rrset.owner());
        }
        if (rrsig.labels() > CanonicalRrset.labelsOf(rrset.owner())) {
            return RrsigVerification.of(Status.BAD_LABELS, "labels " + rrsig.labels() + " exceed the "
                    + CanonicalRrset.labelsOf(rrset.owner()) + " of the owner");
        }
        if (!key.owner().equals(rrsig.signerName()) || key.algorithm().code() != rrsig.algorithm()
                || key.keyTag() != rrsig.keyTag()) {
            return RrsigVerification.of(Status.WRONG_KEY, "key " + key + " does not match signer "
                    + rrsig.signerName() + ", algorithm " + rrsig.algorithm() + ", tag " + rrsig.keyTag());
        }
        if (key.rdata().protocol() != 3 || (!key.isZoneKey() && key.type().equals(RRType.DNSKEY))) {
            return RrsigVerification.of(Status.NOT_ZONE_KEY, "key " + key.keyTag() + " is not a zone key");
        }
        if (key.isRevoked() && !(rrset.type().equals(RRType.DNSKEY) && rrset.owner().equals(key.owner()))) {
            return RrsigVerification.of(Status.REVOKED_KEY, "key " + key.keyTag() + " is revoked");
        }
        return null;
    }
}
