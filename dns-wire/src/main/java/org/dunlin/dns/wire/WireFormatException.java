package org.dunlin.dns.wire;

import java.util.Optional;

/**
 * DNS wire data was malformed. It says what was wrong ({@link #kind()} and the message), which field
 * ({@link #field()}, e.g. {@code "answer[2].MX.exchange"}) and at which offset of the input
 * ({@link #offset()}). When the 12-byte header could be read it is exposed through {@link #header()}
 * (and the first question through {@link #question()} when that could be decoded), so that a server
 * can still answer FORMERR with the query's ID and opcode (RFC 1035 §4.1.1).
 *
 * <p>The decoder throws nothing else on malformed input: not {@code IndexOutOfBoundsException}, not
 * {@code IllegalArgumentException}.
 */
public final class WireFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The class of problem, for callers that react differently to them. */
    public enum Kind {
        /** The data ends before a field it announces (a count, a length, a name). */
        TRUNCATED,
        /** A compression pointer points forward, to itself, into the header or past the end. */
        BAD_POINTER,
        /** A name follows more compression pointers than any valid name could need. */
        TOO_MANY_POINTERS,
        /** A compression pointer appears where RFC 3597 §4 forbids compression. */
        COMPRESSION_NOT_ALLOWED,
        /** A label type 0x40 or 0x80 (RFC 6891 §5), which is not supported. */
        BAD_LABEL_TYPE,
        /** A name longer than 255 octets (RFC 1035 §3.1). */
        NAME_TOO_LONG,
        /** RDLENGTH overruns the message, or the RDATA fields do not consume it exactly. */
        RDLENGTH_MISMATCH,
        /** A field value is not valid for its type (wrong fixed size, out of range, bad order). */
        BAD_RDATA,
        /** An OPT record that is duplicated, not owned by the root, or outside the additional section (RFC 6891 §6.1.1). */
        BAD_OPT,
        /** An EDNS option whose contents are malformed. */
        BAD_EDNS_OPTION,
        /** A TSIG record that is not the last record of the additional section (RFC 8945 §5.1). */
        TSIG_NOT_LAST,
        /** Bytes left over after the last record the header announces. */
        TRAILING_DATA
    }

    private final Kind kind;
    private final String reason;
    private final int offset;
    private final String field;
    private final Header header;
    private final Question question;

    /** A problem of {@code kind} at {@code offset}, in {@code field} (may be null). */
    public WireFormatException(Kind kind, String reason, int offset, String field) {
        this(kind, reason, offset, field, null, null);
    }

    private WireFormatException(Kind kind, String reason, int offset, String field, Header header, Question question) {
        super(compose(reason, offset, field));
        this.kind = kind;
        this.reason = reason;
        this.offset = offset;
        this.field = field;
        this.header = header;
        this.question = question;
    }

    private static String compose(String reason, int offset, String field) {
        StringBuilder sb = new StringBuilder();
        if (field != null) {
            sb.append(field).append(": ");
        }
        sb.append(reason);
        if (offset >= 0) {
            sb.append(" at offset ").append(offset);
        }
        return sb.toString();
    }

    /** A copy whose field path is {@code prefix + "." + field()} (or {@code prefix} when there is none). */
    public WireFormatException withFieldPrefix(String prefix) {
        String f = field == null ? prefix : prefix + "." + field;
        return new WireFormatException(kind, reason, offset, f, header, question);
    }

    /** A copy that carries the message header (and the first question, when known). */
    public WireFormatException withContext(Header header, Question question) {
        return new WireFormatException(kind, reason, offset, field, header, question);
    }

    /** A copy whose offset is shifted by {@code delta} (for data decoded out of a larger buffer). */
    public WireFormatException shifted(int delta) {
        return new WireFormatException(kind, reason, offset < 0 ? offset : offset + delta, field, header, question);
    }

    /** The class of problem. */
    public Kind kind() {
        return kind;
    }

    /** What was wrong, without the field and offset. */
    public String reason() {
        return reason;
    }

    /** The 0-based offset in the input where the problem was found, or -1 when unknown. */
    public int offset() {
        return offset;
    }

    /** The field path, e.g. {@code "answer[0].MX.exchange"}, when known. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The message header, when at least 12 bytes could be read. */
    public Optional<Header> header() {
        return Optional.ofNullable(header);
    }

    /** The first question, when it could be decoded before the problem. */
    public Optional<Question> question() {
        return Optional.ofNullable(question);
    }
}
