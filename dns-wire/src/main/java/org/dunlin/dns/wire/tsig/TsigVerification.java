package org.dunlin.dns.wire.tsig;

/**
 * The outcome of checking the TSIG of one message. Immutable.
 *
 * <ul>
 *   <li>{@link Status#VERIFIED}: the MAC is valid and Time Signed within the fudge window;</li>
 *   <li>{@link Status#UNSIGNED}: the message carries no TSIG (for a server, a plain request; for a
 *       client expecting a signed response, see {@link Tsig#verifyResponse});</li>
 *   <li>{@link Status#FAILED}: a local check failed; {@link #error()} is FORMERR, BADKEY, BADSIG,
 *       BADTIME or BADTRUNC, which a server returns to the client (RFC 8945 §5.2);</li>
 *   <li>{@link Status#PEER_ERROR}: a response whose TSIG reports the peer's rejection of our request
 *       ({@link #error()} is the peer's code; {@link #reason()} says whether the error response itself
 *       was signed and verified).</li>
 * </ul>
 *
 * @param key the key that matched the record (null if none did)
 * @param record the TSIG as received (null if absent or unreadable)
 */
public record TsigVerification(Status status, TsigError error, String reason, TsigKey key, TsigRecord record) {

    /** What happened; see the type's documentation. */
    public enum Status { VERIFIED, UNSIGNED, FAILED, PEER_ERROR }

    /** True only for {@link Status#VERIFIED}. */
    public boolean isVerified() {
        return status == Status.VERIFIED;
    }

    static TsigVerification verified(TsigKey key, TsigRecord record) {
        return new TsigVerification(Status.VERIFIED, TsigError.NOERROR, "verified", key, record);
    }

    static TsigVerification unsigned() {
        return new TsigVerification(Status.UNSIGNED, TsigError.NOERROR, "no TSIG record", null, null);
    }

    static TsigVerification failed(TsigError error, String reason, TsigKey key, TsigRecord record) {
        return new TsigVerification(Status.FAILED, error, reason, key, record);
    }

    @Override
    public String toString() {
        return status + (error.equals(TsigError.NOERROR) ? "" : " " + error) + ": " + reason;
    }
}
