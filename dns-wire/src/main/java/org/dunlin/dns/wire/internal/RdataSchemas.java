package org.dunlin.dns.wire.internal;

import static org.dunlin.dns.wire.internal.NameField.Compression.COMPRESS;
import static org.dunlin.dns.wire.internal.NameField.Compression.DECOMPRESS;
import static org.dunlin.dns.wire.internal.NameField.Compression.NONE;

import java.util.List;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.internal.BytesField.Mode;
import org.dunlin.dns.wire.internal.NumberField.Format;
import org.dunlin.dns.wire.rdata.*;

/**
 * The declaration of every RDATA type this library understands: one entry per type, fields in wire
 * order. Each entry drives the wire codec, the presentation format and the canonical form of its type
 * (see {@link RdataSchema}); a unit test checks that every entry's fields name the components of its
 * record, in order, and round-trips every type.
 *
 * <p>Conventions: {@code COMPRESS} names are the RFC 1035 types' (compressed when sent, RFC 3597 §4);
 * {@code DECOMPRESS} names are those RFC 3597 §4 tells receivers to decompress but senders not to
 * compress; {@code NONE} names never carry pointers. {@code canonicalLowercase()} marks the types of
 * RFC 4034 §6.2 as amended by RFC 6840 §5.1. Base64 and hex are split into 56-character words, as
 * BIND's {@code -s full} style prints them; fields BIND prints unsplit say so with a chunk of 0. Types
 * that share one format (SIG and RRSIG, the DNSKEY family, the DS family, TLSA and SMIMEA, SVCB and
 * HTTPS, the TXT family) take their fields from one method per format.
 */
public final class RdataSchemas {
    private RdataSchemas() {
    }

    private static final int W = 56; // BIND's word length for base64/hex in presentation format

    private static <R extends Rdata> RdataSchema.Builder<R> of(RRType t, Class<R> c) {
        return RdataSchema.of(t, c);
    }

    private static <R> NumberField<R> num(String name, int width, Format f, java.util.function.ToLongFunction<R> get) {
        return new NumberField<>(name, width, f, get);
    }

    private static <R> BytesField<R> bytes(String name, Mode mode, int chunk, int min, java.util.function.Function<R, org.dunlin.dns.wire.ByteString> get) {
        return new BytesField<>(name, mode, chunk, min, get);
    }

    // Types that share one format (a sealed interface of the rdata package) declare its fields once.

    /**
     * SIG (RFC 2535 §4.1) and RRSIG (RFC 4034 §3.1). They differ only in whether the signer name may
     * arrive compressed (RFC 3597 §4 lists SIG; RFC 4034 §3.1.7 forbids it in RRSIG) and in the shortest
     * signature accepted.
     */
    private static <R extends SignatureData> RdataSchema.Builder<R> signature(RRType t, Class<R> c,
            NameField.Compression signerName, int minSignature) {
        return of(t, c)
            .field(num("typeCovered", 2, Format.TYPE, r -> r.typeCovered().value()))
            .field(num("algorithm", 1, Format.ALGORITHM, SignatureData::algorithm))
            .u8("labels", SignatureData::labels)
            .u32("originalTtl", SignatureData::originalTtl)
            .field(num("expiration", 4, Format.TIME, SignatureData::expiration))
            .field(num("inception", 4, Format.TIME, SignatureData::inception))
            .u16("keyTag", SignatureData::keyTag)
            .name("signerName", signerName, SignatureData::signerName)
            .field(bytes("signature", Mode.BASE64_REST, W, minSignature, SignatureData::signature));
    }

    /** KEY (RFC 2535 §3.1), DNSKEY (RFC 4034 §2.1) and CDNSKEY (RFC 7344 §3.2); only KEY accepts an empty key. */
    private static <R extends KeyData> RdataSchema.Builder<R> key(RRType t, Class<R> c, int minKey) {
        return of(t, c)
            .u16("flags", KeyData::flags)
            .u8("protocol", KeyData::protocol)
            .field(num("algorithm", 1, Format.ALGORITHM, KeyData::algorithm))
            .field(bytes("publicKey", Mode.BASE64_REST, W, minKey, KeyData::publicKey));
    }

    /** DS (RFC 4034 §5.1), CDS (RFC 7344 §3.1), TA and DLV (RFC 4431 §2). */
    private static <R extends DelegationSignerData> RdataSchema.Builder<R> delegationSigner(RRType t, Class<R> c) {
        return of(t, c)
            .u16("keyTag", DelegationSignerData::keyTag)
            .field(num("algorithm", 1, Format.ALGORITHM, DelegationSignerData::algorithm))
            .u8("digestType", DelegationSignerData::digestType)
            .field(bytes("digest", Mode.HEX_REST, W, 1, DelegationSignerData::digest));
    }

    /** TLSA (RFC 6698 §2.1) and SMIMEA (RFC 8162 §2). */
    private static <R extends CertificateAssociationData> RdataSchema.Builder<R> certificateAssociation(RRType t,
            Class<R> c) {
        return of(t, c)
            .u8("usage", CertificateAssociationData::usage)
            .u8("selector", CertificateAssociationData::selector)
            .u8("matchingType", CertificateAssociationData::matchingType)
            .field(bytes("data", Mode.HEX_REST, W, 1, CertificateAssociationData::data));
    }

    /** SVCB (RFC 9460 §2.2) and HTTPS (RFC 9460 §9); the target is never compressed. */
    private static <R extends ServiceBindingData> RdataSchema.Builder<R> serviceBinding(RRType t, Class<R> c) {
        return of(t, c).classInOnly()
            .u16("priority", ServiceBindingData::priority)
            .name("target", NONE, ServiceBindingData::target)
            .field(new SvcParamsField<>("params", ServiceBindingData::params));
    }

    /** TXT (RFC 1035 §3.3.14), SPF (RFC 7208 §3.1), AVC and RESINFO (RFC 9606 §3): character-strings. */
    private static <R extends TextData> RdataSchema.Builder<R> text(RRType t, Class<R> c) {
        return of(t, c)
            .field(StringFields.characterStrings("strings", TextData::strings));
    }

    /** All schemas, in type order. */
    static final List<RdataSchema<?>> ALL = List.of(
        // RFC 1035 §3.4.1
        of(RRType.A, ARdata.class).classInOnly()
            .field(AddressFields.ipv4("address", ARdata::address))
            .build(v -> new ARdata(v.o(0))),
        // RFC 1035 §3.3.11
        of(RRType.NS, NsRdata.class).canonicalLowercase()
            .name("nameServer", COMPRESS, NsRdata::nameServer)
            .build(v -> new NsRdata(v.o(0))),
        // RFC 1035 §3.3.1
        of(RRType.CNAME, CnameRdata.class).canonicalLowercase()
            .name("target", COMPRESS, CnameRdata::target)
            .build(v -> new CnameRdata(v.o(0))),
        // RFC 1035 §3.3.13; BIND accepts TTL units in the timers
        of(RRType.SOA, SoaRdata.class).canonicalLowercase()
            .name("mname", COMPRESS, SoaRdata::mname)
            .name("rname", COMPRESS, SoaRdata::rname)
            .u32("serial", SoaRdata::serial)
            .field(num("refresh", 4, Format.DURATION, SoaRdata::refresh))
            .field(num("retry", 4, Format.DURATION, SoaRdata::retry))
            .field(num("expire", 4, Format.DURATION, SoaRdata::expire))
            .field(num("minimum", 4, Format.DURATION, SoaRdata::minimum))
            .build(v -> new SoaRdata(v.o(0), v.o(1), v.l(2), v.l(3), v.l(4), v.l(5), v.l(6))),
        // RFC 1035 §3.3.3 (experimental)
        of(RRType.MB, MbRdata.class).canonicalLowercase()
            .name("mailbox", COMPRESS, MbRdata::mailbox)
            .build(v -> new MbRdata(v.o(0))),
        // RFC 1035 §3.3.6 (experimental)
        of(RRType.MG, MgRdata.class).canonicalLowercase()
            .name("mailbox", COMPRESS, MgRdata::mailbox)
            .build(v -> new MgRdata(v.o(0))),
        // RFC 1035 §3.3.8 (experimental)
        of(RRType.MR, MrRdata.class).canonicalLowercase()
            .name("newName", COMPRESS, MrRdata::newName)
            .build(v -> new MrRdata(v.o(0))),
        // RFC 1035 §3.3.10: no text form of its own; printed and parsed in RFC 3597 form
        of(RRType.NULL, NullRdata.class)
            .field(bytes("data", Mode.HEX_REST, W, 0, NullRdata::data))
            .build(v -> new NullRdata(v.o(0))),
        // RFC 1035 §3.3.12
        of(RRType.PTR, PtrRdata.class).canonicalLowercase()
            .name("target", COMPRESS, PtrRdata::target)
            .build(v -> new PtrRdata(v.o(0))),
        // RFC 1035 §3.3.2
        of(RRType.HINFO, HinfoRdata.class).canonicalLowercase()
            .field(StringFields.characterString("cpu", HinfoRdata::cpu))
            .field(StringFields.characterString("os", HinfoRdata::os))
            .build(v -> new HinfoRdata(v.o(0), v.o(1))),
        // RFC 1035 §3.3.7 (experimental)
        of(RRType.MINFO, MinfoRdata.class).canonicalLowercase()
            .name("responsibleMailbox", COMPRESS, MinfoRdata::responsibleMailbox)
            .name("errorMailbox", COMPRESS, MinfoRdata::errorMailbox)
            .build(v -> new MinfoRdata(v.o(0), v.o(1))),
        // RFC 1035 §3.3.9
        of(RRType.MX, MxRdata.class).canonicalLowercase()
            .u16("preference", MxRdata::preference)
            .name("exchange", COMPRESS, MxRdata::exchange)
            .build(v -> new MxRdata(v.i(0), v.o(1))),
        // RFC 1035 §3.3.14
        text(RRType.TXT, TxtRdata.class)
            .build(v -> new TxtRdata(v.o(0))),
        // RFC 1183 §2.2
        of(RRType.RP, RpRdata.class).canonicalLowercase()
            .name("mailbox", DECOMPRESS, RpRdata::mailbox)
            .name("textDomain", DECOMPRESS, RpRdata::textDomain)
            .build(v -> new RpRdata(v.o(0), v.o(1))),
        // RFC 1183 §1
        of(RRType.AFSDB, AfsdbRdata.class).canonicalLowercase()
            .u16("subtype", AfsdbRdata::subtype)
            .name("hostname", DECOMPRESS, AfsdbRdata::hostname)
            .build(v -> new AfsdbRdata(v.i(0), v.o(1))),
        // RFC 1183 §3.3
        of(RRType.RT, RtRdata.class).canonicalLowercase()
            .u16("preference", RtRdata::preference)
            .name("intermediateHost", DECOMPRESS, RtRdata::intermediateHost)
            .build(v -> new RtRdata(v.i(0), v.o(1))),
        // RFC 2535 §4.1, RFC 2931
        signature(RRType.SIG, SigRdata.class, DECOMPRESS, 0).canonicalLowercase()
            .build(v -> new SigRdata(RRType.of(v.i(0)), v.i(1), v.i(2), v.l(3), v.l(4), v.l(5), v.i(6), v.o(7), v.o(8))),
        // RFC 2535 §3.1
        key(RRType.KEY, KeyRdata.class, 0)
            .build(v -> new KeyRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 3596 §2.2
        of(RRType.AAAA, AaaaRdata.class).classInOnly()
            .field(AddressFields.ipv6("address", AaaaRdata::address))
            .build(v -> new AaaaRdata(v.o(0))),
        // RFC 1876 §2
        of(RRType.LOC, LocRdata.class)
            .field(new LocField())
            .build(v -> new LocRdata(v.i(0), v.i(1), v.i(2), v.i(3), v.l(4), v.l(5), v.l(6))),
        // RFC 2782
        of(RRType.SRV, SrvRdata.class).classInOnly().canonicalLowercase()
            .u16("priority", SrvRdata::priority)
            .u16("weight", SrvRdata::weight)
            .u16("port", SrvRdata::port)
            .name("target", DECOMPRESS, SrvRdata::target)
            .build(v -> new SrvRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 3403 §4.1
        of(RRType.NAPTR, NaptrRdata.class).classInOnly().canonicalLowercase()
            .u16("order", NaptrRdata::order)
            .u16("preference", NaptrRdata::preference)
            .field(StringFields.characterString("flags", NaptrRdata::flags))
            .field(StringFields.characterString("services", NaptrRdata::services))
            .field(StringFields.characterString("regexp", NaptrRdata::regexp))
            .name("replacement", DECOMPRESS, NaptrRdata::replacement)
            .build(v -> new NaptrRdata(v.i(0), v.i(1), v.o(2), v.o(3), v.o(4), v.o(5))),
        // RFC 2230 §3.1
        of(RRType.KX, KxRdata.class).classInOnly().canonicalLowercase()
            .u16("preference", KxRdata::preference)
            .name("exchanger", DECOMPRESS, KxRdata::exchanger)
            .build(v -> new KxRdata(v.i(0), v.o(1))),
        // RFC 4398 §2
        of(RRType.CERT, CertRdata.class)
            .field(num("certificateType", 2, Format.CERT_TYPE, CertRdata::certificateType))
            .u16("keyTag", CertRdata::keyTag)
            .field(num("algorithm", 1, Format.ALGORITHM_MNEMONIC, CertRdata::algorithm))
            .field(bytes("certificate", Mode.BASE64_REST, W, 0, CertRdata::certificate))
            .build(v -> new CertRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 6672 §2.1
        of(RRType.DNAME, DnameRdata.class).canonicalLowercase()
            .name("target", DECOMPRESS, DnameRdata::target)
            .build(v -> new DnameRdata(v.o(0))),
        // RFC 6891 §6.1.2
        of(RRType.OPT, OptRdata.class)
            .field(new OptionsField())
            .build(v -> new OptRdata(v.o(0))),
        // RFC 3123 §4
        of(RRType.APL, AplRdata.class).classInOnly()
            .field(new AplField())
            .build(v -> new AplRdata(v.o(0))),
        // RFC 4034 §5.1
        delegationSigner(RRType.DS, DsRdata.class)
            .build(v -> new DsRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 4255 §3.1
        of(RRType.SSHFP, SshfpRdata.class)
            .u8("algorithm", SshfpRdata::algorithm)
            .u8("fingerprintType", SshfpRdata::fingerprintType)
            .field(bytes("fingerprint", Mode.HEX_REST, W, 1, SshfpRdata::fingerprint))
            .build(v -> new SshfpRdata(v.i(0), v.i(1), v.o(2))),
        // RFC 4025 §2.1
        of(RRType.IPSECKEY, IpseckeyRdata.class).classInOnly()
            .u8("precedence", IpseckeyRdata::precedence)
            .field(new IpseckeyGatewayField())
            .field(bytes("publicKey", Mode.BASE64_REST, W, 0, IpseckeyRdata::publicKey))
            .build(v -> new IpseckeyRdata(v.i(0), v.i(1), v.o(2), v.o(3))),
        // RFC 4034 §3.1
        signature(RRType.RRSIG, RrsigRdata.class, NONE, 1).canonicalLowercase()
            .build(v -> new RrsigRdata(RRType.of(v.i(0)), v.i(1), v.i(2), v.l(3), v.l(4), v.l(5), v.i(6), v.o(7), v.o(8))),
        // RFC 4034 §4.1; RFC 6840 §5.1 keeps the next name's case in canonical form
        of(RRType.NSEC, NsecRdata.class)
            .name("nextName", NONE, NsecRdata::nextName)
            .field(new TypeBitmapField<>("types", NsecRdata::types))
            .build(v -> new NsecRdata(v.o(0), v.o(1))),
        // RFC 4034 §2.1
        key(RRType.DNSKEY, DnskeyRdata.class, 1)
            .build(v -> new DnskeyRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 4701 §3
        of(RRType.DHCID, DhcidRdata.class).classInOnly()
            .field(bytes("data", Mode.BASE64_REST, W, 1, DhcidRdata::data))
            .build(v -> new DhcidRdata(v.o(0))),
        // RFC 5155 §3.2
        of(RRType.NSEC3, Nsec3Rdata.class)
            .u8("hashAlgorithm", Nsec3Rdata::hashAlgorithm)
            .u8("flags", Nsec3Rdata::flags)
            .u16("iterations", Nsec3Rdata::iterations)
            .field(bytes("salt", Mode.SALT, 0, 0, Nsec3Rdata::salt))
            .field(bytes("nextHashedOwner", Mode.BASE32HEX, 0, 1, Nsec3Rdata::nextHashedOwner))
            .field(new TypeBitmapField<>("types", Nsec3Rdata::types))
            .build(v -> new Nsec3Rdata(v.i(0), v.i(1), v.i(2), v.o(3), v.o(4), v.o(5))),
        // RFC 5155 §4.2
        of(RRType.NSEC3PARAM, Nsec3paramRdata.class)
            .u8("hashAlgorithm", Nsec3paramRdata::hashAlgorithm)
            .u8("flags", Nsec3paramRdata::flags)
            .u16("iterations", Nsec3paramRdata::iterations)
            .field(bytes("salt", Mode.SALT, 0, 0, Nsec3paramRdata::salt))
            .build(v -> new Nsec3paramRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 6698 §2.1
        certificateAssociation(RRType.TLSA, TlsaRdata.class)
            .build(v -> new TlsaRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 8162 §2
        certificateAssociation(RRType.SMIMEA, SmimeaRdata.class)
            .build(v -> new SmimeaRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 8005 §5
        of(RRType.HIP, HipRdata.class)
            .field(new HipField())
            .build(v -> new HipRdata(v.i(0), v.o(1), v.o(2), v.o(3))),
        // RFC 7344 §3.1
        delegationSigner(RRType.CDS, CdsRdata.class)
            .build(v -> new CdsRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 7344 §3.2
        key(RRType.CDNSKEY, CdnskeyRdata.class, 1)
            .build(v -> new CdnskeyRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 7929 §2.1
        of(RRType.OPENPGPKEY, OpenpgpkeyRdata.class)
            .field(bytes("key", Mode.BASE64_REST, W, 1, OpenpgpkeyRdata::key))
            .build(v -> new OpenpgpkeyRdata(v.o(0))),
        // RFC 7477 §2.1
        of(RRType.CSYNC, CsyncRdata.class)
            .u32("serial", CsyncRdata::serial)
            .u16("flags", CsyncRdata::flags)
            .field(new TypeBitmapField<>("types", CsyncRdata::types))
            .build(v -> new CsyncRdata(v.l(0), v.i(1), v.o(2))),
        // RFC 8976 §2.2
        of(RRType.ZONEMD, ZonemdRdata.class)
            .u32("serial", ZonemdRdata::serial)
            .u8("scheme", ZonemdRdata::scheme)
            .u8("hashAlgorithm", ZonemdRdata::hashAlgorithm)
            .field(bytes("digest", Mode.HEX_REST, W, 12, ZonemdRdata::digest))
            .build(v -> new ZonemdRdata(v.l(0), v.i(1), v.i(2), v.o(3))),
        // RFC 9460 §2.2
        serviceBinding(RRType.SVCB, SvcbRdata.class)
            .build(v -> new SvcbRdata(v.i(0), v.o(1), v.o(2))),
        // RFC 9460 §9
        serviceBinding(RRType.HTTPS, HttpsRdata.class)
            .build(v -> new HttpsRdata(v.i(0), v.o(1), v.o(2))),
        // RFC 7208 §3.1
        text(RRType.SPF, SpfRdata.class)
            .build(v -> new SpfRdata(v.o(0))),
        // RFC 6742 §2.1.1
        of(RRType.NID, NidRdata.class)
            .u16("preference", NidRdata::preference)
            .field(num("nodeId", 8, Format.HEX_GROUPS, NidRdata::nodeId))
            .build(v -> new NidRdata(v.i(0), v.l(1))),
        // RFC 6742 §2.2.1
        of(RRType.L32, L32Rdata.class)
            .u16("preference", L32Rdata::preference)
            .field(AddressFields.ipv4("locator", L32Rdata::locator))
            .build(v -> new L32Rdata(v.i(0), v.o(1))),
        // RFC 6742 §2.3.1
        of(RRType.L64, L64Rdata.class)
            .u16("preference", L64Rdata::preference)
            .field(num("locator", 8, Format.HEX_GROUPS, L64Rdata::locator))
            .build(v -> new L64Rdata(v.i(0), v.l(1))),
        // RFC 6742 §2.4.1
        of(RRType.LP, LpRdata.class)
            .u16("preference", LpRdata::preference)
            .name("fqdn", NONE, LpRdata::fqdn)
            .build(v -> new LpRdata(v.i(0), v.o(1))),
        // RFC 7043 §3
        of(RRType.EUI48, Eui48Rdata.class)
            .field(num("address", 6, Format.EUI, Eui48Rdata::address))
            .build(v -> new Eui48Rdata(v.l(0))),
        // RFC 7043 §4
        of(RRType.EUI64, Eui64Rdata.class)
            .field(num("address", 8, Format.EUI, Eui64Rdata::address))
            .build(v -> new Eui64Rdata(v.l(0))),
        // RFC 2930 §2
        of(RRType.TKEY, TkeyRdata.class)
            .name("algorithm", NONE, TkeyRdata::algorithm)
            .u32("inception", TkeyRdata::inception)
            .u32("expiration", TkeyRdata::expiration)
            .u16("mode", TkeyRdata::mode)
            .field(num("error", 2, Format.TSIG_ERROR, r -> r.error().value()))
            .field(bytes("key", Mode.SIZED_BASE64, W, 0, TkeyRdata::key))
            .field(bytes("otherData", Mode.SIZED_BASE64, W, 0, TkeyRdata::otherData))
            .build(v -> new TkeyRdata(v.o(0), v.l(1), v.l(2), v.i(3), Rcode.of(v.i(4)), v.o(5), v.o(6))),
        // RFC 8945 §4.2
        of(RRType.TSIG, TsigRdata.class)
            .name("algorithm", NONE, TsigRdata::algorithm)
            .field(num("timeSigned", 6, Format.DECIMAL, TsigRdata::timeSigned))
            .u16("fudge", TsigRdata::fudge)
            .field(bytes("mac", Mode.SIZED_BASE64, W, 0, TsigRdata::mac))
            .u16("originalId", TsigRdata::originalId)
            .field(num("error", 2, Format.TSIG_ERROR, r -> r.error().value()))
            .field(bytes("otherData", Mode.SIZED_BASE64, 60, 0, TsigRdata::otherData))
            .build(v -> new TsigRdata(v.o(0), v.l(1), v.i(2), v.o(3), v.i(4), Rcode.of(v.i(5)), v.o(6))),
        // RFC 7553 §4.5
        of(RRType.URI, UriRdata.class)
            .u16("priority", UriRdata::priority)
            .u16("weight", UriRdata::weight)
            .field(StringFields.quotedRest("target", UriRdata::target))
            .build(v -> new UriRdata(v.i(0), v.i(1), v.o(2))),
        // RFC 8659 §4.1
        of(RRType.CAA, CaaRdata.class)
            .u8("flags", CaaRdata::flags)
            .field(StringFields.caaTag("tag", CaaRdata::tag))
            .field(StringFields.quotedRest("value", CaaRdata::value))
            .build(v -> new CaaRdata(v.i(0), v.o(1), v.o(2))),
        // IANA type 258
        text(RRType.AVC, AvcRdata.class)
            .build(v -> new AvcRdata(v.o(0))),
        // RFC 9606 §3
        text(RRType.RESINFO, ResinfoRdata.class)
            .build(v -> new ResinfoRdata(v.o(0))),
        // IANA type 32768
        delegationSigner(RRType.TA, TaRdata.class)
            .build(v -> new TaRdata(v.i(0), v.i(1), v.i(2), v.o(3))),
        // RFC 4431 §2
        delegationSigner(RRType.DLV, DlvRdata.class)
            .build(v -> new DlvRdata(v.i(0), v.i(1), v.i(2), v.o(3)))
    );
}
