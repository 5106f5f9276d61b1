package org.dunlin.dns.wire;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.EdnsOption;
import org.dunlin.dns.wire.internal.EdnsCodec;
import org.dunlin.dns.wire.internal.RdataCodecs;
import org.dunlin.dns.wire.internal.RdataSchema;
import org.dunlin.dns.wire.internal.Values;
import org.dunlin.dns.wire.rdata.Rdata;
import org.dunlin.dns.wire.rdata.TsigRdata;
import org.dunlin.dns.wire.rdata.UnknownRdata;

/**
 * Message decoding and encoding (RFC 1035 §4.1). Package-private: the API is {@link Message#fromWire}
 * and {@link Message#toWire}.
 */
final class MessageCodec {
    /*
     * Decoding is one pass over the input. Lists are never sized from the header counts alone (a
     * 12-byte packet may claim 65535 records): their initial capacity is bounded by what the remaining
     * bytes could hold, so memory stays linear in the input. Every record's field errors are re-thrown
     * with the record's path ("answer[2].MX.exchange") and, at the top, with the header and first
     * question, which is all a server needs to answer FORMERR.
     *
     * Encoding writes RRset by RRset; when a size limit is given and an RRset would not fit with the
     * OPT and TSIG records still to come, the writer rolls back to the start of that RRset (forgetting
     * its compression entries) and the message is truncated there (RFC 2181 §9).
     */
    private static final String[] SECTION_NAMES = {"question", "answer", "authority", "additional"};
    private static final int MIN_RECORD = 11;

    private MessageCodec() {
    }

    static Message decode(byte[] b, int off, int len) throws WireFormatException {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("bad range " + off + "+" + len + " of " + b.length);
        }
        if (len < 12) {
            throw new WireFormatException(Kind.TRUNCATED, "message shorter than the 12-octet header", len, "header");
        }
        return decode(WireReader.forMessage(b, off, len));
    }

    /** Decodes the message the reader spans (a test hook observes the reader's work). */
    static Message decode(WireReader in) throws WireFormatException {
        int len = in.length();
        int id = in.u16(len, "ID");
        int word = in.u16(len, "flags");
        int qd = in.u16(len, "QDCOUNT");
        int an = in.u16(len, "ANCOUNT");
        int ns = in.u16(len, "NSCOUNT");
        int ar = in.u16(len, "ARCOUNT");
        Question[] questions = qd > 1 ? new Question[Math.min(qd, in.remaining() / 5 + 1)] : null;
        Question first = null;
        int questionCount = 0;
        try {
            for (int i = 0; i < qd; i++) {
                Name name;
                try {
                    name = in.name(len, true);
                } catch (WireFormatException e) {
                    throw e.withFieldPrefix("question[" + i + "].name");
                }
                if (in.remaining() < 4) {
                    throw new WireFormatException(Kind.TRUNCATED, "question type and class run past the end", in.position(), "question[" + i + "]");
                }
                int type = in.u16(len, "QTYPE");
                int cls = in.u16(len, "QCLASS");
                Question q = new Question(name, RRType.of(type), RRClass.of(cls));
                if (questionCount == 0) {
                    first = q;
                }
                if (questions != null) {
                    questions[questionCount] = q;
                }
                questionCount++;
            }
            Values values = new Values();
            List<Record> answer = section(in, len, an, 1, values);
            List<Record> authority = section(in, len, ns, 2, values);
            Opt opt = ar > 0 ? new Opt() : null;
            List<Record> additional = sectionAdditional(in, len, ar, values, opt);
            if (in.remaining() > 0) {
                throw new WireFormatException(Kind.TRAILING_DATA, in.remaining() + " octets after the last record", in.position(), null);
            }
            Rcode rcode = Rcode.of((opt == null ? 0 : opt.extendedRcode) << 4 | word & 0xF);
            return new Message(id, word & Flag.ALL_BITS, Opcode.of(word >>> 11 & 0xF), rcode,
                    questionCount == 0 ? List.of() : questionCount == 1 ? List.of(first) : new ArrayView<>(questions, questionCount),
                    answer, authority, additional, opt == null ? null : opt.edns);
        } catch (WireFormatException e) {
            throw e.withContext(new Header(id, word, qd, an, ns, ar), first);
        }
    }

    private static List<Record> section(WireReader in, int len, int count, int sectionIndex, Values values)
            throws WireFormatException {
        if (count == 0) {
            return List.of();
        }
        if (count == 1) {
            return List.of(record(in, len, sectionIndex, 0, count, values, null));
        }
        Record[] out = new Record[Math.min(count, in.remaining() / MIN_RECORD + 1)];
        for (int i = 0; i < count; i++) {
            Record r = record(in, len, sectionIndex, i, count, values, null);
            if (i == out.length) {
                out = Arrays.copyOf(out, Math.min(count, 2 * out.length)); // unreachable: records take 11+ octets
            }
            out[i] = r;
        }
        return new ArrayView<>(out, count);
    }

    private static List<Record> sectionAdditional(WireReader in, int len, int count, Values values, Opt opt)
            throws WireFormatException {
        if (count == 0) {
            return List.of();
        }
        Record[] out = null;
        int n = 0;
        for (int i = 0; i < count; i++) {
            Record r = record(in, len, 3, i, count, values, opt);
            if (r != null) {
                if (out == null) {
                    out = new Record[Math.min(count, in.remaining() / MIN_RECORD + 2)];
                } else if (n == out.length) {
                    out = Arrays.copyOf(out, Math.min(count, 2 * out.length));
                }
                out[n++] = r;
            }
        }
        return n == 0 ? List.of() : n == 1 ? List.of(out[0]) : new ArrayView<>(out, n);
    }

    /** The OPT record of the message being decoded. */
    private static final class Opt {
        Edns edns;
        int extendedRcode;
    }


    /** An unmodifiable view of the first {@code size} elements of an array nobody else holds. */
    private static final class ArrayView<T> extends AbstractList<T> implements RandomAccess {
        private final T[] elements;
        private final int size;

        ArrayView(T[] elements, int size) {
            this.elements = elements;
            this.size = size;
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, size);
            return elements[index];
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Reads one record; returns null for the OPT pseudo-record, which is stored in {@code opt}. */
    private static Record record(WireReader in, int len, int sectionIndex, int i, int count, Values values, Opt opt)
            throws WireFormatException {
        int at = in.position();
        try {
            Name owner = in.name(len, true);
            if (in.remaining() < 10) {
                throw new WireFormatException(Kind.TRUNCATED, "record header runs past the end", in.position(), null);
            }
            int type = in.u16(len, "TYPE");
            int cls = in.u16(len, "CLASS");
            long ttl = in.u32(len, "TTL");
            int rdlength = in.u16(len, "RDLENGTH");
            if (rdlength > in.remaining()) {
                throw new WireFormatException(Kind.RDLENGTH_MISMATCH, "RDLENGTH " + rdlength + " runs past the end of the message",
                        in.position() - 2, null);
            }
            if (type == 41) {
                // RFC 6891 §6.1.1: at most one OPT, owned by the root, in the additional section.
                if (opt == null) {
                    throw new WireFormatException(Kind.BAD_OPT, "OPT record outside the additional section", at, null);
                }
                if (opt.edns != null) {
                    throw new WireFormatException(Kind.BAD_OPT, "more than one OPT record", at, null);
                }
                if (!owner.isRoot()) {
                    throw new WireFormatException(Kind.BAD_OPT, "OPT record not owned by the root", at, null);
                }
                int end = in.position() + rdlength;
                List<EdnsOption> options = EdnsCodec.readOptions(in, end);
                opt.edns = new Edns(cls, (int) (ttl >>> 16 & 0xFF), (int) (ttl & 0xFFFF), options);
                opt.extendedRcode = (int) (ttl >>> 24);
                return null;
            }
            if (type == 250 && (sectionIndex != 3 || i != count - 1)) {
                throw new WireFormatException(Kind.TSIG_NOT_LAST, "TSIG record is not the last record of the message", at, null);
            }
            return new Record(owner, RRClass.of(cls), ttl, RdataCodecs.read(in, type, cls, rdlength, values));
        } catch (WireFormatException e) {
            throw e.withFieldPrefix(SECTION_NAMES[sectionIndex] + "[" + i + "]");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** {@link Message#toWire(int)}: encodes in this thread's scratch writer and copies the result out. */
    static byte[] encode(Message m, int maxSize) {
        WireWriter w = ScratchWriter.acquire(m);
        try {
            encode(w, m, maxSize);
            return w.toByteArray();
        } finally {
            ScratchWriter.release(w);
        }
    }

    /** {@link Message#toWire(ByteBuffer, int)}: as {@link #encode(Message, int)}, into {@code target}. */
    static int encode(Message m, int maxSize, ByteBuffer target) {
        WireWriter w = ScratchWriter.acquire(m);
        try {
            encode(w, m, Math.min(maxSize, target.remaining()));
            int n = w.position();
            target.put(w.buffer(), 0, n);
            return n;
        } finally {
            ScratchWriter.release(w);
        }
    }

    /** Encodes {@code m} into {@code w} (which must be empty) in at most {@code maxSize} octets. */
    static void encode(WireWriter w, Message m, int maxSize) {
        if (maxSize < 12) {
            throw new IllegalArgumentException("size limit below the 12-octet header: " + maxSize);
        }
        int limit = Math.min(maxSize, WireWriter.MAX_MESSAGE);
        int word = m.flags() | m.opcode().value() << 11 | m.rcode().headerBits();
        List<Question> questions = m.question();
        w.u16(m.id());
        w.u16(word);
        w.u16(questions.size());
        w.u16(0);
        w.u16(0);
        w.u16(0);
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            w.name(q.name(), true);
            w.u16(q.type().value());
            w.u16(q.rrClass().value());
        }
        List<Record> additional = m.additional();
        int additionalEnd = additional.size();
        Record tsig = null;
        if (additionalEnd > 0 && additional.get(additionalEnd - 1).rdata() instanceof TsigRdata) {
            tsig = additional.get(--additionalEnd);
        }
        Edns edns = m.ednsOrNull();
        int reserve = 0;
        if (edns != null) {
            reserve += 11 + EdnsCodec.size(edns.options());
        }
        if (tsig != null) {
            reserve += recordToWire(tsig, tsig.ttl(), false).length;
        }
        if (w.position() + reserve > limit) {
            throw new IllegalArgumentException("header, question, OPT and TSIG need " + (w.position() + reserve)
                    + " octets, more than the limit " + limit);
        }
        boolean tc = (word & Flag.TC.bit()) != 0;
        int an = writeSection(w, m.answer(), m.answer().size(), limit, reserve);
        boolean truncated = an < m.answer().size();
        int ns = 0;
        int ar = 0;
        if (!truncated) {
            ns = writeSection(w, m.authority(), m.authority().size(), limit, reserve);
            truncated = ns < m.authority().size();
        }
        if (truncated) {
            tc = true;
        } else {
            ar = writeSection(w, additional, additionalEnd, limit, reserve); // RFC 2181 §9: no TC for additional data
        }
        if (edns != null) {
            writeOpt(w, edns, m.rcode());
            ar++;
        }
        if (tsig != null) {
            writeRecord(w, tsig);
            ar++;
        }
        if (w.position() > WireWriter.MAX_MESSAGE) {
            throw new IllegalArgumentException("message longer than 65535 octets");
        }
        if (tc) {
            w.patchU16(2, word | Flag.TC.bit());
        }
        w.patchU16(6, an);
        w.patchU16(8, ns);
        w.patchU16(10, ar);
    }

    /**
     * A capacity guess, so that the buffer rarely grows: 12 octets of header, the question names in
     * full, and per record its fixed fields, a compressed owner and the RDATA's opaque octets exactly
     * (keys and signatures dominate large responses) plus a little for its other fields.
     */
    /** A cheap guess at the encoded size of {@code m} (uncompressed), for sizing a new buffer. */
    static int estimate(Message m) {
        int n = 12 + 11 + 64;
        List<Question> questions = m.question();
        for (int i = 0; i < questions.size(); i++) {
            n += questions.get(i).name().wireLength() + 4;
        }
        n += estimate(m.answer()) + estimate(m.authority()) + estimate(m.additional());
        return Math.min(WireWriter.MAX_MESSAGE, n);
    }

    private static int estimate(List<Record> records) {
        int n = 0;
        Class<?> lastClass = null;
        RdataSchema<?> schema = null;
        for (int i = 0; i < records.size(); i++) {
            Rdata d = records.get(i).rdata();
            Class<?> c = d.getClass();
            if (c != lastClass) {
                schema = RdataCodecs.schemaOf(d);
                lastClass = c;
            }
            n += 12 + (schema != null ? schema.sizeHint(d) : ((UnknownRdata) d).data().length());
        }
        return n;
    }

    /** Writes whole RRsets of {@code records[0, end)} while they fit; returns how many records were written. */
    private static int writeSection(WireWriter w, List<Record> records, int end, int limit, int reserve) {
        int i = 0;
        Class<?> lastClass = null; // consecutive records mostly share a class: look its schema up once
        RdataSchema<?> schema = null;
        while (i < end) {
            int mark = w.mark();
            Record first = records.get(i);
            int j = i;
            do {
                Record r = records.get(j);
                Class<?> c = r.rdata().getClass();
                if (c != lastClass) {
                    schema = RdataCodecs.schemaOf(r.rdata());
                    lastClass = c;
                }
                writeRecord(w, r, schema);
                j++;
            } while (j < end && sameRRset(first, records.get(j)));
            if (w.position() + reserve > limit) {
                w.rollback(mark);
                return i;
            }
            i = j;
        }
        return i;
    }

    private static boolean sameRRset(Record a, Record b) {
        Rdata x = a.rdata();
        Rdata y = b.rdata();
        return (x.getClass() == y.getClass() && (!(x instanceof UnknownRdata) || x.type().equals(y.type())))
                && a.rrClass().equals(b.rrClass()) && (a.owner() == b.owner() || a.owner().equals(b.owner()));
    }

    private static void writeRecord(WireWriter w, Record r) {
        writeRecord(w, r, RdataCodecs.schemaOf(r.rdata()));
    }

    private static void writeRecord(WireWriter w, Record r, RdataSchema<?> s) {
        Rdata data = r.rdata();
        w.name(r.owner(), true);
        w.u16(s != null ? s.typeValue() : data.type().value());
        w.u16(r.rrClass().value());
        w.u32(r.ttl());
        int lenAt = w.position();
        w.u16(0);
        if (s != null) {
            s.write(data, w);
        } else {
            w.bytes(((UnknownRdata) data).data());
        }
        int len = w.position() - lenAt - 2;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("RDATA longer than 65535 octets in " + r.owner() + " " + r.type());
        }
        w.patchU16(lenAt, len);
    }

    /** The OPT pseudo-record (RFC 6891 §6.1.2-§6.1.3): root owner, payload size as class, rcode bits, version and flags as TTL. */
    private static void writeOpt(WireWriter w, Edns e, Rcode rcode) {
        w.u8(0);
        w.u16(41);
        w.u16(e.udpPayloadSize());
        w.u32((long) rcode.extendedBits() << 24 | (long) e.version() << 16 | e.flags());
        int lenAt = w.position();
        w.u16(0);
        EdnsCodec.writeOptions(e.options(), w);
        int len = w.position() - lenAt - 2;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("EDNS options longer than 65535 octets");
        }
        w.patchU16(lenAt, len);
    }

    /** A record alone, uncompressed, with {@code ttl}; canonical (RFC 4034 §6.2) if asked. */
    static byte[] recordToWire(Record r, long ttl, boolean canonical) {
        WireWriter w = new WireWriter(r.owner().wireLength() + 16 + RdataCodecs.sizeHint(r.rdata()), false, canonical);
        w.lowercaseNames(true);
        w.name(r.owner(), false);
        w.lowercaseNames(false);
        w.u16(RdataCodecs.typeOf(r.rdata()));
        w.u16(r.rrClass().value());
        w.u32(ttl);
        int lenAt = w.position();
        w.u16(0);
        RdataCodecs.write(r.rdata(), w);
        w.patchU16(lenAt, w.position() - lenAt - 2);
        return w.toByteArray();
    }
}
