package org.dunlin.dns.wire.rdata;

import java.util.Comparator;
import java.util.Set;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.internal.RdataCodecs;

/**
 * The data of a resource record: one Java {@code record} per RR type, its components in wire order,
 * plus {@link UnknownRdata} for every type (or class-specific type in another class) without one.
 *
 * <p>Each type's fields are declared once, in a schema that drives the wire form, the presentation
 * form (as BIND prints it) and the DNSSEC canonical form. Instances are immutable and thread-safe; a
 * record's constructor checks every component (ranges, lengths, absolute names) and throws
 * {@link IllegalArgumentException} for invalid values, so every instance can be encoded.
 */
public sealed interface Rdata permits ARdata, MbRdata, MgRdata, MrRdata, MinfoRdata, RtRdata, AaaaRdata, AfsdbRdata, AplRdata, CaaRdata, CertRdata,
        CnameRdata, CsyncRdata, DhcidRdata, DnameRdata, Eui48Rdata, Eui64Rdata, HinfoRdata, HipRdata,
        IpseckeyRdata, KxRdata, L32Rdata, L64Rdata, LocRdata, LpRdata, MxRdata, NaptrRdata, NidRdata,
        NsRdata, Nsec3Rdata, Nsec3paramRdata, NsecRdata, NullRdata, OpenpgpkeyRdata, OptRdata, PtrRdata,
        RpRdata, SoaRdata, SrvRdata, SshfpRdata, TkeyRdata, TsigRdata, UnknownRdata, UriRdata, ZonemdRdata,
        DelegationSignerData, KeyData, SignatureData, TextData, CertificateAssociationData,
        ServiceBindingData {

    /** The RR type of this data. */
    RRType type();

    /** The uncompressed wire form (the RDATA field of a record, without RDLENGTH). */
    default byte[] toWire() {
        return RdataCodecs.toWire(this, false);
    }

    /**
     * The canonical wire form of RFC 4034 §6.2 as amended by RFC 6840 §5.1: uncompressed, with the
     * domain names of the types listed there lower-cased; names in NSEC and in types not listed keep
     * their case, as do unknown types.
     */
    default byte[] toCanonicalWire() {
        return RdataCodecs.toWire(this, true);
    }

    /** The presentation form of the RDATA, exactly as BIND's {@code named-compilezone -s full} prints it. */
    default String toText() {
        return RdataCodecs.toText(this);
    }

    /**
     * Decodes uncompressed RDATA of {@code type} in class IN (names may not contain compression
     * pointers). Types without a codec give {@link UnknownRdata}.
     */
    static Rdata fromWire(RRType type, byte[] rdata) throws WireFormatException {
        return RdataCodecs.fromWire(type, RRClass.IN, rdata, 0, rdata.length);
    }

    /** Decodes {@code length} bytes of uncompressed RDATA of {@code type} and {@code rrClass}. */
    static Rdata fromWire(RRType type, RRClass rrClass, byte[] rdata, int offset, int length) throws WireFormatException {
        return RdataCodecs.fromWire(type, rrClass, rdata, offset, length);
    }

    /**
     * Parses the presentation form of RDATA of {@code type} in class IN; relative names are completed
     * with {@code origin} (may be null, then relative names are errors). The RFC 3597 §5 generic form
     * {@code \# length hex} is accepted for every type.
     */
    static Rdata fromText(RRType type, String text, Name origin) throws TextParseException {
        return RdataCodecs.fromText(type, RRClass.IN, text, origin);
    }

    /** Parses the presentation form of RDATA with absolute names only. */
    static Rdata fromText(RRType type, String text) throws TextParseException {
        return RdataCodecs.fromText(type, RRClass.IN, text, null);
    }

    /** The types that have a typed codec (every other type decodes to {@link UnknownRdata}). */
    static Set<RRType> supportedTypes() {
        return RdataCodecs.supportedTypes();
    }

    /**
     * Orders RDATA of one type as RFC 4034 §6.3 orders the records of an RRset (by canonical wire
     * form, unsigned, shorter prefix first), except that every embedded domain name is compared
     * without case. That small difference from the strict DNSSEC order (which keeps the case of some
     * names) makes the order consistent with {@code equals}, whose names ignore case too. Types are
     * compared first when they differ.
     */
    Comparator<Rdata> CANONICAL_ORDER = RdataCodecs::compareCanonical;
}
