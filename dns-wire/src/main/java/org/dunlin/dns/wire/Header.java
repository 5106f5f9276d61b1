package org.dunlin.dns.wire;

/**
 * The 12-octet message header as it appears on the wire (RFC 1035 §4.1.1): the ID, the raw second word
 * (flags, opcode and the low 4 bits of the rcode) and the four section counts. Exposed by
 * {@link MessageView} and by {@link WireFormatException#header()} so that a server can answer a query
 * it could not decode.
 *
 * <pre>
 *   |                      ID                       |
 *   |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 *   |                    QDCOUNT                    |
 *   |                    ANCOUNT                    |
 *   |                    NSCOUNT                    |
 *   |                    ARCOUNT                    |
 * </pre>
 */
public record Header(int id, int flagsWord, int questionCount, int answerCount, int authorityCount, int additionalCount) {
    public Header {
        if ((id | flagsWord | questionCount | answerCount | authorityCount | additionalCount) >>> 16 != 0) {
            throw new IllegalArgumentException("header fields are 16-bit values");
        }
    }

    /** The opcode. */
    public Opcode opcode() {
        return Opcode.of(flagsWord >>> 11 & 0xF);
    }

    /** The 4-bit rcode of the header (the EDNS extension is not included). */
    public Rcode headerRcode() {
        return Rcode.of(flagsWord & 0xF);
    }

    /** Whether {@code flag} is set. */
    public boolean isSet(Flag flag) {
        return flag.isSetIn(flagsWord);
    }

    /** Whether this is a response (QR set). */
    public boolean isResponse() {
        return isSet(Flag.QR);
    }
}
