package org.dunlin.dns.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.internal.DigFormat;
import org.dunlin.dns.wire.rdata.OptRdata;

/**
 * A DNS message (RFC 1035 §4.1): header fields, the question, and the answer, authority and additional
 * sections, with EDNS(0) as a typed view ({@link #edns()}) rather than an OPT record. Immutable and
 * thread-safe; build one with {@link #builder()} or {@link #responseTo(Message)}.
 *
 * <p>The rcode is the full extended value (RFC 6891 §6.1.3): the encoder puts the low 4 bits in the
 * header and the rest in the OPT record, so an rcode above 15 requires EDNS. A TSIG record, if any,
 * is the last record of the additional section.
 */
public final class Message {
    private final int id;
    private final int flags;
    private final Opcode opcode;
    private final Rcode rcode;
    private final List<Question> question;
    private final List<Record> answer;
    private final List<Record> authority;
    private final List<Record> additional;
    private final Edns edns;

    private Message(Builder b) {
        this.id = b.id;
        this.flags = b.flags;
        this.opcode = b.opcode;
        this.rcode = b.rcode;
        this.question = List.copyOf(b.question);
        this.answer = List.copyOf(b.answer);
        this.authority = List.copyOf(b.authority);
        this.additional = List.copyOf(b.additional);
        this.edns = b.edns;
        if (rcode.value() > 0xFFF) {
            throw new IllegalArgumentException("message rcode out of range 0..4095: " + rcode.value());
        }
        if (rcode.isExtended() && edns == null) {
            throw new IllegalArgumentException("rcode " + rcode + " needs EDNS (RFC 6891 §6.1.3)");
        }
        for (List<Record> section : List.of(answer, authority, additional)) {
            for (Record r : section) {
                if (r.rdata() instanceof OptRdata) {
                    throw new IllegalArgumentException("OPT is not a record here; set edns() instead");
                }
            }
        }
        for (int i = 0; i < additional.size() - 1; i++) {
            if (additional.get(i).type().equals(RRType.TSIG)) {
                throw new IllegalArgumentException("TSIG must be the last record of the additional section (RFC 8945 §5.1)");
            }
        }
        for (List<Record> section : List.of(answer, authority)) {
            for (Record r : section) {
                if (r.type().equals(RRType.TSIG)) {
                    throw new IllegalArgumentException("TSIG belongs in the additional section");
                }
            }
        }
    }

    /** For the decoder: lists already unmodifiable and invariants already checked. */
    Message(int id, int flags, Opcode opcode, Rcode rcode, List<Question> question, List<Record> answer,
            List<Record> authority, List<Record> additional, Edns edns) {
        this.id = id;
        this.flags = flags;
        this.opcode = opcode;
        this.rcode = rcode;
        this.question = question;
        this.answer = answer;
        this.authority = authority;
        this.additional = additional;
        this.edns = edns;
    }

    /** A builder for a new message (ID 0, QUERY, NOERROR, no flags, no EDNS). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder for a response to {@code query}: same ID, opcode and question, QR set, RD and CD copied
     * (RFC 1035 §4.1.1, RFC 4035 §3.2.2). EDNS is not copied: a server decides its own.
     */
    public static Builder responseTo(Message query) {
        Builder b = new Builder();
        b.id = query.id;
        b.opcode = query.opcode;
        b.flags = Flag.QR.bit() | query.flags & (Flag.RD.bit() | Flag.CD.bit());
        b.question.addAll(query.question);
        return b;
    }

    /** A builder holding this message's contents. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.flags = flags;
        b.opcode = opcode;
        b.rcode = rcode;
        b.question.addAll(question);
        b.answer.addAll(answer);
        b.authority.addAll(authority);
        b.additional.addAll(additional);
        b.edns = edns;
        return b;
    }

    // ---------------------------------------------------------------------------------------------
    // Wire form

    /**
     * Decodes a message strictly (see {@link WireFormatException} for what is rejected). Work and memory
     * are linear in the length of the input.
     */
    public static Message fromWire(byte[] wire) throws WireFormatException {
        return MessageCodec.decode(wire, 0, wire.length);
    }

    /** Decodes the message in {@code wire[offset, offset + length)}. */
    public static Message fromWire(byte[] wire, int offset, int length) throws WireFormatException {
        return MessageCodec.decode(wire, offset, length);
    }

    /**
     * Decodes the message between the buffer's position and limit, without changing them (heap buffers
     * are read in place; direct buffers are copied once).
     */
    public static Message fromWire(ByteBuffer buffer) throws WireFormatException {
        if (buffer.hasArray()) {
            return MessageCodec.decode(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        byte[] b = new byte[buffer.remaining()];
        buffer.duplicate().get(b);
        return MessageCodec.decode(b, 0, b.length);
    }

    /**
     * The wire form with name compression, at most 65535 octets (truncated, with TC set, beyond).
     * Allocates only the result: the scratch buffer and compression table are reused per platform
     * thread, as a {@link MessageEncoder} reuses its own.
     */
    public byte[] toWire() {
        return MessageCodec.encode(this, 65535);
    }

    /**
     * The wire form in at most {@code maxSize} octets (at least 12). If the message does not fit,
     * whole RRsets are dropped from the end (RFC 2181 §9): when answer or authority data is dropped TC
     * is set; dropping additional data alone leaves TC clear. The OPT and TSIG records are always
     * kept. Compression work is bounded per message.
     *
     * @throws IllegalArgumentException if even the header, question, OPT and TSIG do not fit
     */
    public byte[] toWire(int maxSize) {
        return MessageCodec.encode(this, maxSize);
    }

    /**
     * Encodes with {@link #toWire(int)} into {@code target} at its position, advancing it; returns the
     * length. Allocates nothing (the scratch buffer is reused per platform thread).
     */
    public int toWire(ByteBuffer target, int maxSize) {
        return MessageCodec.encode(this, maxSize, target);
    }

    // ---------------------------------------------------------------------------------------------
    // Contents

    /** The 16-bit ID. */
    public int id() {
        return id;
    }

    /** The opcode. */
    public Opcode opcode() {
        return opcode;
    }

    /** The full rcode, EDNS extension included. */
    public Rcode rcode() {
        return rcode;
    }

    /** Whether {@code flag} is set. */
    public boolean isSet(Flag flag) {
        return (flags & flag.bit()) != 0;
    }

    /** The flag bits ({@link Flag#bit()} values or'ed together). */
    public int flags() {
        return flags;
    }

    /** The header as it would be encoded (untruncated counts; the OPT record counted in ARCOUNT). */
    public Header header() {
        int word = flags | opcode.value() << 11 | rcode.headerBits();
        return new Header(id, word, question.size(), answer.size(), authority.size(), additional.size() + (edns != null ? 1 : 0));
    }

    /** The question section (usually one question). */
    public List<Question> question() {
        return question;
    }

    /** The first question, if any. */
    public Optional<Question> firstQuestion() {
        return question.isEmpty() ? Optional.empty() : Optional.of(question.get(0));
    }

    /** The answer section (PREREQUISITE in an UPDATE). */
    public List<Record> answer() {
        return answer;
    }

    /** The authority section (UPDATE in an UPDATE). */
    public List<Record> authority() {
        return authority;
    }

    /** The additional section, without the OPT pseudo-record (see {@link #edns()}). */
    public List<Record> additional() {
        return additional;
    }

    /** The records of {@code section} (the question section has none). */
    public List<Record> section(Section section) {
        switch (section) {
            case ANSWER: return answer;
            case AUTHORITY: return authority;
            case ADDITIONAL: return additional;
            default: return List.of();
        }
    }

    /** The EDNS(0) information, if the message has an OPT record. */
    public Optional<Edns> edns() {
        return Optional.ofNullable(edns);
    }

    /** The EDNS information or null (for the encoder, without an Optional). */
    Edns ednsOrNull() {
        return edns;
    }

    /** The TSIG record, if the message is signed. */
    public Optional<Record> tsig() {
        if (!additional.isEmpty()) {
            Record last = additional.get(additional.size() - 1);
            if (last.type().equals(RRType.TSIG)) {
                return Optional.of(last);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Message)) {
            return false;
        }
        Message m = (Message) o;
        return id == m.id && flags == m.flags && opcode.equals(m.opcode) && rcode.equals(m.rcode)
                && question.equals(m.question) && answer.equals(m.answer) && authority.equals(m.authority)
                && additional.equals(m.additional) && Objects.equals(edns, m.edns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, flags, opcode, rcode, question, answer, authority, additional, edns);
    }

    /** The message as dig prints it: header, flags, OPT pseudo-section and sections. */
    @Override
    public String toString() {
        return DigFormat.format(this);
    }

    /** Builds a {@link Message}; not thread-safe. */
    public static final class Builder {
        private int id;
        private int flags;
        private Opcode opcode = Opcode.QUERY;
        private Rcode rcode = Rcode.NOERROR;
        private final List<Question> question = new ArrayList<>(1);
        private final List<Record> answer = new ArrayList<>();
        private final List<Record> authority = new ArrayList<>();
        private final List<Record> additional = new ArrayList<>();
        private Edns edns;

        private Builder() {
        }

        /** Sets the 16-bit ID (use an unpredictable one for queries, RFC 5452 §9.2). */
        public Builder id(int id) {
            if (id >>> 16 != 0) {
                throw new IllegalArgumentException("ID out of range 0..65535: " + id);
            }
            this.id = id;
            return this;
        }

        public Builder opcode(Opcode opcode) {
            this.opcode = Objects.requireNonNull(opcode);
            return this;
        }

        /** Sets the full rcode (values above 15 need EDNS). */
        public Builder rcode(Rcode rcode) {
            this.rcode = Objects.requireNonNull(rcode);
            return this;
        }

        /** Sets or clears {@code flag}. */
        public Builder flag(Flag flag, boolean set) {
            flags = set ? flags | flag.bit() : flags & ~flag.bit();
            return this;
        }

        /** Sets the given flags. */
        public Builder flags(Flag... set) {
            for (Flag f : set) {
                flags |= f.bit();
            }
            return this;
        }

        /** Replaces all flag bits ({@link Flag#bit()} values or'ed together). */
        public Builder flagBits(int bits) {
            this.flags = bits & Flag.ALL_BITS;
            return this;
        }

        /** Adds a question. */
        public Builder question(Question q) {
            question.add(Objects.requireNonNull(q));
            return this;
        }

        /** Adds a class IN question. */
        public Builder question(Name name, RRType type) {
            return question(new Question(name, type, RRClass.IN));
        }

        public Builder clearQuestions() {
            question.clear();
            return this;
        }

        public Builder answer(Record r) {
            answer.add(Objects.requireNonNull(r));
            return this;
        }

        public Builder answer(List<Record> records) {
            for (Record r : records) {
                answer(r);
            }
            return this;
        }

        public Builder authority(Record r) {
            authority.add(Objects.requireNonNull(r));
            return this;
        }

        public Builder authority(List<Record> records) {
            for (Record r : records) {
                authority(r);
            }
            return this;
        }

        public Builder additional(Record r) {
            additional.add(Objects.requireNonNull(r));
            return this;
        }

        public Builder additional(List<Record> records) {
            for (Record r : records) {
                additional(r);
            }
            return this;
        }

        /** Adds all records of {@code rrset} to {@code section}. */
        public Builder add(Section section, RRset rrset) {
            for (Record r : rrset.records()) {
                add(section, r);
            }
            return this;
        }

        /** Adds {@code record} to {@code section} (not QUESTION). */
        public Builder add(Section section, Record record) {
            switch (section) {
                case ANSWER: return answer(record);
                case AUTHORITY: return authority(record);
                case ADDITIONAL: return additional(record);
                default: throw new IllegalArgumentException("records cannot go in the question section");
            }
        }

        /** Removes every record of the three record sections. */
        public Builder clearRecords() {
            answer.clear();
            authority.clear();
            additional.clear();
            return this;
        }

        /** Sets (or, with null, removes) the EDNS information. */
        public Builder edns(Edns edns) {
            this.edns = edns;
            return this;
        }

        /** The message. */
        public Message build() {
            return new Message(this);
        }
    }
}
