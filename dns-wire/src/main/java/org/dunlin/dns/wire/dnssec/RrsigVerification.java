package org.dunlin.dns.wire.dnssec;

/**
 * The outcome of checking one RRSIG against an RRset and a key (RFC 4035 §5.3). Immutable.
 *
 * @param status what was found; only {@link Status#VALID} authenticates the RRset
 * @param detail a short human-readable explanation (names the times, key tag, labels as relevant)
 */
public record RrsigVerification(Status status, String detail) {

    /** Why an RRSIG does or does not authenticate its RRset. */
    public enum Status {
        /** Every check passed: the RRset is authenticated by this RRSIG and key. */
        VALID,
        /** The cryptographic check failed: data, signature or key differ from what was signed. */
        BAD_SIGNATURE,
        /** The current time is after the signature expiration (RFC 4035 §5.3.1). */
        EXPIRED,
        /** The current time is before the signature inception (RFC 4035 §5.3.1). */
        NOT_YET_VALID,
        /** The expiration is not after the inception. */
        INVALID_WINDOW,
        /** The key's owner, algorithm or key tag does not match the RRSIG's signer, algorithm or tag. */
        WRONG_KEY,
        /** The key lacks the Zone Key flag or has a protocol other than 3 (RFC 4035 §5.3.1). */
        NOT_ZONE_KEY,
        /** The key has the REVOKE flag and the RRset is not its DNSKEY RRset (RFC 5011 §3). */
        REVOKED_KEY,
        /** The Labels field exceeds the owner's labels (RFC 4035 §5.3.1). */
        BAD_LABELS,
        /** The RRset's owner is not at or below the signer's name (RFC 4035 §5.3.1). */
        SIGNER_NOT_ANCESTOR,
        /** The RRSIG covers another type than the RRset's (or class differs). */
        TYPE_MISMATCH,
        /** The algorithm is not supported by this runtime (the RRset is then unverifiable, not bogus). */
        UNSUPPORTED_ALGORITHM
    }

    /** True only for {@link Status#VALID}. */
    public boolean isValid() {
        return status == Status.VALID;
    }

    static RrsigVerification valid() {
        return new RrsigVerification(Status.VALID, "valid");
    }

    static RrsigVerification of(Status status, String detail) {
        return new RrsigVerification(status, detail);
    }

    @Override
    public String toString() {
        return status + ": " + detail;
    }
}
