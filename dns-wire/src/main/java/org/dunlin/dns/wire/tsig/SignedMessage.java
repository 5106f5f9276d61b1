package org.dunlin.dns.wire.tsig;

/**
 * A message with its transaction signature appended, and the MAC a client keeps to verify the
 * response (RFC 8945 §5.1). Immutable; accessors return copies.
 *
 * @param wire the complete signed message
 * @param mac the MAC as transmitted (possibly truncated)
 * @param timeSigned the Time Signed value, seconds since the epoch
 */
public record SignedMessage(byte[] wire, byte[] mac, long timeSigned) {

    /** Copies the arrays. */
    public SignedMessage {
        wire = wire.clone();
        mac = mac.clone();
    }

    @Override
    public byte[] wire() {
        return wire.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }
}
