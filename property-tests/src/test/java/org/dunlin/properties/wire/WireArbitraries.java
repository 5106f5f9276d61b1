package org.dunlin.properties.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Opcode;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRClass;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.edns.ClientSubnet;
import org.dunlin.dns.wire.edns.Cookie;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.edns.EdnsOption;
import org.dunlin.dns.wire.edns.EdnsOptionCode;
import org.dunlin.dns.wire.edns.ExtendedError;
import org.dunlin.dns.wire.edns.ExtendedErrorCode;
import org.dunlin.dns.wire.edns.Nsid;
import org.dunlin.dns.wire.edns.Padding;
import org.dunlin.dns.wire.edns.TcpKeepalive;
import org.dunlin.dns.wire.edns.UnknownOption;
import org.dunlin.dns.wire.rdata.*;

/**
 * jqwik generators for every DNS value dns-wire models: names (any octets, any case), every RDATA type
 * with valid but otherwise arbitrary components, records, EDNS and whole messages. {@link #RDATA} maps
 * each supported type to its generator; a property checks that it covers every supported type.
 */
final class WireArbitraries {
    private WireArbitraries() {
    }

    // ---------------------------------------------------------------------------------------------
    // Primitives

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 255);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 65535);
    }

    static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFFFFFFL);
    }

    static Arbitrary<ByteString> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max).map(ByteString::of);
    }

    /** Character-string contents: printable text often, any octets sometimes. */
    static Arbitrary<ByteString> text(int min, int max) {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMinLength(min).ofMaxLength(Math.min(max, 40)).map(ByteString::ofLatin1),
                bytes(min, max));
    }

    /** A label: letters and digits usually, with specials and raw octets mixed in. */
    static Arbitrary<ByteString> label() {
        Arbitrary<ByteString> hostname = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
                .ofMinLength(1).ofMaxLength(20).map(ByteString::ofLatin1);
        Arbitrary<ByteString> special = Arbitraries.of("*", ".", "\\", "\"", "(", ")", ";", "@", "$", " ", "a.b", "Ab\u00ff", "\u0000")
                .map(ByteString::ofLatin1);
        return Arbitraries.frequencyOf(Tuple.of(8, hostname), Tuple.of(2, special), Tuple.of(1, bytes(1, 63)));
    }

    /** An absolute name of 0 to 5 labels (never longer than 255 octets). */
    static Arbitrary<Name> name() {
        return label().list().ofMaxSize(5).map(labels -> {
            Name n = Name.ROOT;
            for (int i = labels.size() - 1; i >= 0; i--) {
                if (n.wireLength() + labels.get(i).length() + 1 > 255) {
                    break;
                }
                n = n.child(labels.get(i));
            }
            return n;
        });
    }

    /** Names from a tiny alphabet of labels that differ only in case, so equal names are frequent. */
    static Arbitrary<Name> collidingName() {
        return Arbitraries.of("a", "A", "b", "B", "ab", "aB", "Ab", "*", "\u0000", "\u00ff", "z")
                .list().ofMaxSize(3).map(labels -> {
                    Name n = Name.ROOT;
                    for (int i = labels.size() - 1; i >= 0; i--) {
                        n = n.child(ByteString.ofLatin1(labels.get(i)));
                    }
                    return n;
                });
    }

    static Arbitrary<Inet4Address> ipv4() {
        return bytes(4, 4).map(b -> {
            try {
                return (Inet4Address) InetAddress.getByAddress(b.toByteArray());
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        });
    }

    static Arbitrary<Inet6Address> ipv6() {
        Arbitrary<ByteString> sparse = Arbitraries.integers().between(0, 65535).list().ofSize(8)
                .map(words -> {
                    byte[] b = new byte[16];
                    for (int i = 0; i < 8; i++) {
                        int w = words.get(i) % 3 == 0 ? 0 : words.get(i);
                        b[2 * i] = (byte) (w >>> 8);
                        b[2 * i + 1] = (byte) w;
                    }
                    return ByteString.of(b);
                });
        return Arbitraries.oneOf(bytes(16, 16), sparse).map(b -> {
            try {
                return Inet6Address.getByAddress(null, b.toByteArray(), -1);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        });
    }

    static Arbitrary<TypeBitmap> bitmap() {
        Arbitrary<Integer> type = Arbitraries.oneOf(Arbitraries.integers().between(1, 300), Arbitraries.integers().between(0, 65535));
        return type.list().ofMaxSize(12).map(l -> TypeBitmap.ofValues(l.stream().mapToInt(Integer::intValue).toArray()));
    }

    static Arbitrary<RRType> anyType() {
        return Arbitraries.oneOf(Arbitraries.of(new ArrayList<>(Rdata.supportedTypes())), u16().map(RRType::of));
    }

    // ---------------------------------------------------------------------------------------------
    // RDATA, one generator per type

    static final Map<RRType, Arbitrary<? extends Rdata>> RDATA = new LinkedHashMap<>();

    private static void put(RRType t, Arbitrary<? extends Rdata> a) {
        RDATA.put(t, a);
    }

    private static <T> Arbitrary<T> sig(Function<Object[], T> make) {
        return Combinators.combine(List.of(
                anyType().map(Object.class::cast), u8().map(Object.class::cast), u8().map(Object.class::cast),
                u32().map(Object.class::cast), u32().map(Object.class::cast), u32().map(Object.class::cast),
                u16().map(Object.class::cast), name().map(Object.class::cast), bytes(1, 300).map(Object.class::cast)))
                .as(l -> make.apply(l.toArray()));
    }

    private static Arbitrary<Integer> locPrecision() {
        return Arbitraries.oneOf(Arbitraries.just(0),
                Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.integers().between(0, 9)).as((m, e) -> m << 4 | e));
    }

    private static Arbitrary<SvcParam> svcParam() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(10).withChars("ah23,\\\"x ").list().ofMinSize(1).ofMaxSize(3)
                        .map(ids -> SvcParam.alpn(ids.toArray(new String[0]))),
                Arbitraries.just(SvcParam.noDefaultAlpn()),
                u16().map(SvcParam::port),
                ipv4().list().ofMinSize(1).ofMaxSize(3).map(SvcParam::hint),
                ipv6().list().ofMinSize(1).ofMaxSize(3).map(SvcParam::hint),
                bytes(1, 40).map(SvcParam::ech),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30).map(SvcParam::dohPath),
                Arbitraries.just(SvcParam.ohttp()),
                Combinators.combine(Arbitraries.integers().between(9, 65534), text(0, 30))
                        .as((k, v) -> new SvcParam(SvcParamKey.of(k), v)));
    }

    private static Arbitrary<List<SvcParam>> svcParams() {
        return Combinators.combine(svcParam().list().ofMaxSize(5), Arbitraries.integers().between(0, 3)).as((params, m) -> {
            Map<SvcParamKey, SvcParam> byKey = new LinkedHashMap<>();
            for (SvcParam p : params) {
                byKey.put(p.key(), p);
            }
            List<SvcParam> out = new ArrayList<>(byKey.values());
            if (m > 0 && !out.isEmpty()) {
                List<SvcParamKey> keys = new ArrayList<>();
                for (int i = 0; i < Math.min(m, out.size()); i++) {
                    keys.add(out.get(i).key());
                }
                out.add(SvcParam.mandatory(keys.toArray(new SvcParamKey[0])));
            }
            return out;
        });
    }

    private static Arbitrary<IpseckeyRdata.Gateway> gateway() {
        return Arbitraries.oneOf(Arbitraries.just(new IpseckeyRdata.NoGateway()),
                ipv4().map(IpseckeyRdata.AddressGateway::new), ipv6().map(IpseckeyRdata.AddressGateway::new),
                name().map(IpseckeyRdata.NameGateway::new));
    }

    private static Arbitrary<AplRdata.Item> aplItem() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(1, 2), Arbitraries.integers().between(0, 128),
                bytes(0, 16)).as((neg, fam, prefix, addr) -> {
                    int max = fam == 1 ? 4 : 16;
                    byte[] b = addr.toByteArray();
                    int n = Math.min(b.length, max);
                    while (n > 0 && b[n - 1] == 0) {
                        n--;
                    }
                    return new AplRdata.Item(neg, fam, Math.min(prefix, max * 8), ByteString.copyOf(b, 0, n));
                });
    }

    private static Arbitrary<LocRdata> loc() {
        return Combinators.combine(locPrecision(), locPrecision(), locPrecision(),
                Arbitraries.longs().between(LocRdata.EQUATOR - 90L * 3600000, LocRdata.EQUATOR + 90L * 3600000),
                Arbitraries.longs().between(LocRdata.EQUATOR - 180L * 3600000, LocRdata.EQUATOR + 180L * 3600000), u32())
                .as((s, h, v, lat, lon, alt) -> new LocRdata(0, s, h, v, lat, lon, alt));
    }

    static {
        put(RRType.A, ipv4().map(ARdata::new));
        put(RRType.NS, name().map(NsRdata::new));
        put(RRType.CNAME, name().map(CnameRdata::new));
        put(RRType.SOA, Combinators.combine(name(), name(), u32(), u32(), u32(), u32(), u32()).as(SoaRdata::new));
        put(RRType.NULL, bytes(0, 100).map(NullRdata::new));
        put(RRType.PTR, name().map(PtrRdata::new));
        put(RRType.HINFO, Combinators.combine(text(0, 255), text(0, 255)).as(HinfoRdata::new));
        put(RRType.MX, Combinators.combine(u16(), name()).as(MxRdata::new));
        put(RRType.TXT, text(0, 255).list().ofMinSize(1).ofMaxSize(4).map(TxtRdata::new));
        put(RRType.RP, Combinators.combine(name(), name()).as(RpRdata::new));
        put(RRType.AFSDB, Combinators.combine(u16(), name()).as(AfsdbRdata::new));
        put(RRType.SIG, sig(o -> new SigRdata((RRType) o[0], (Integer) o[1], (Integer) o[2], (Long) o[3], (Long) o[4], (Long) o[5],
                (Integer) o[6], (Name) o[7], (ByteString) o[8])));
        put(RRType.KEY, Combinators.combine(u16(), u8(), u8(), bytes(0, 100)).as(KeyRdata::new));
        put(RRType.AAAA, ipv6().map(AaaaRdata::new));
        put(RRType.LOC, loc());
        put(RRType.SRV, Combinators.combine(u16(), u16(), u16(), name()).as(SrvRdata::new));
        put(RRType.NAPTR, Combinators.combine(u16(), u16(), text(0, 10), text(0, 20), text(0, 60), name()).as(NaptrRdata::new));
        put(RRType.KX, Combinators.combine(u16(), name()).as(KxRdata::new));
        put(RRType.CERT, Combinators.combine(u16(), u16(), u8(), bytes(0, 100)).as(CertRdata::new));
        put(RRType.DNAME, name().map(DnameRdata::new));
        put(RRType.OPT, ednsOption().list().ofMaxSize(4).map(OptRdata::new));
        put(RRType.APL, aplItem().list().ofMaxSize(4).map(AplRdata::new));
        put(RRType.DS, Combinators.combine(u16(), u8(), u8(), bytes(1, 64)).as(DsRdata::new));
        put(RRType.SSHFP, Combinators.combine(u8(), u8(), bytes(1, 64)).as(SshfpRdata::new));
        put(RRType.IPSECKEY, Combinators.combine(u8(), u8(), gateway(), bytes(0, 64)).as(IpseckeyRdata::new));
        put(RRType.RRSIG, sig(o -> new RrsigRdata((RRType) o[0], (Integer) o[1], (Integer) o[2], (Long) o[3], (Long) o[4], (Long) o[5],
                (Integer) o[6], (Name) o[7], (ByteString) o[8])));
        put(RRType.NSEC, Combinators.combine(name(), bitmap()).as(NsecRdata::new));
        put(RRType.DNSKEY, Combinators.combine(u16(), u8(), u8(), bytes(1, 300)).as(DnskeyRdata::new));
        put(RRType.DHCID, bytes(1, 64).map(DhcidRdata::new));
        put(RRType.NSEC3, Combinators.combine(u8(), u8(), u16(), bytes(0, 32), bytes(1, 32), bitmap()).as(Nsec3Rdata::new));
        put(RRType.NSEC3PARAM, Combinators.combine(u8(), u8(), u16(), bytes(0, 32)).as(Nsec3paramRdata::new));
        put(RRType.TLSA, Combinators.combine(u8(), u8(), u8(), bytes(1, 64)).as(TlsaRdata::new));
        put(RRType.SMIMEA, Combinators.combine(u8(), u8(), u8(), bytes(1, 64)).as(SmimeaRdata::new));
        put(RRType.HIP, Combinators.combine(u8(), bytes(1, 32), bytes(1, 100), name().list().ofMaxSize(3)).as(HipRdata::new));
        put(RRType.CDS, Combinators.combine(u16(), u8(), u8(), bytes(1, 64)).as(CdsRdata::new));
        put(RRType.CDNSKEY, Combinators.combine(u16(), u8(), u8(), bytes(1, 100)).as(CdnskeyRdata::new));
        put(RRType.OPENPGPKEY, bytes(1, 100).map(OpenpgpkeyRdata::new));
        put(RRType.CSYNC, Combinators.combine(u32(), u16(), bitmap()).as(CsyncRdata::new));
        put(RRType.ZONEMD, Combinators.combine(u32(), u8(), u8(), bytes(12, 64)).as(ZonemdRdata::new));
        put(RRType.SVCB, Combinators.combine(u16(), name(), svcParams()).as(SvcbRdata::new));
        put(RRType.HTTPS, Combinators.combine(u16(), name(), svcParams()).as(HttpsRdata::new));
        put(RRType.SPF, text(0, 255).list().ofMinSize(1).ofMaxSize(4).map(SpfRdata::new));
        put(RRType.NID, Combinators.combine(u16(), Arbitraries.longs()).as(NidRdata::new));
        put(RRType.L32, Combinators.combine(u16(), ipv4()).as(L32Rdata::new));
        put(RRType.L64, Combinators.combine(u16(), Arbitraries.longs()).as(L64Rdata::new));
        put(RRType.LP, Combinators.combine(u16(), name()).as(LpRdata::new));
        put(RRType.EUI48, Arbitraries.longs().between(0, 0xFFFFFFFFFFFFL).map(Eui48Rdata::new));
        put(RRType.EUI64, Arbitraries.longs().map(Eui64Rdata::new));
        put(RRType.TKEY, Combinators.combine(name(), u32(), u32(), u16(), u16().map(Rcode::of), bytes(0, 64), bytes(0, 16))
                .as(TkeyRdata::new));
        put(RRType.TSIG, Combinators.combine(name(), Arbitraries.longs().between(0, 0xFFFFFFFFFFFFL), u16(), bytes(0, 64), u16(),
                u16().map(Rcode::of), bytes(0, 16)).as(TsigRdata::new));
        put(RRType.URI, Combinators.combine(u16(), u16(), text(1, 100)).as(UriRdata::new));
        put(RRType.MB, name().map(MbRdata::new));
        put(RRType.MG, name().map(MgRdata::new));
        put(RRType.MR, name().map(MrRdata::new));
        put(RRType.MINFO, Combinators.combine(name(), name()).as(MinfoRdata::new));
        put(RRType.RT, Combinators.combine(u16(), name()).as(RtRdata::new));
        put(RRType.AVC, text(0, 255).list().ofMinSize(1).ofMaxSize(4).map(AvcRdata::new));
        put(RRType.RESINFO, text(0, 255).list().ofMinSize(1).ofMaxSize(4).map(ResinfoRdata::new));
        put(RRType.TA, Combinators.combine(u16(), u8(), u8(), bytes(1, 64)).as(TaRdata::new));
        put(RRType.DLV, Combinators.combine(u16(), u8(), u8(), bytes(1, 64)).as(DlvRdata::new));
        put(RRType.CAA, Combinators.combine(u8(), Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(15)
                .map(ByteString::ofLatin1), text(0, 100)).as(CaaRdata::new));
    }

    /** RDATA of a type without a codec. */
    static Arbitrary<Rdata> unknown() {
        return Combinators.combine(u16().filter(t -> !Rdata.supportedTypes().contains(RRType.of(t))), bytes(0, 60))
                .as((t, b) -> new UnknownRdata(RRType.of(t), b));
    }

    /** RDATA of any supported type (each type equally likely) or an unknown type. */
    @SuppressWarnings("unchecked")
    static Arbitrary<Rdata> rdata() {
        List<Arbitrary<Rdata>> all = new ArrayList<>();
        for (Arbitrary<? extends Rdata> a : RDATA.values()) {
            all.add((Arbitrary<Rdata>) a);
        }
        all.add(unknown());
        return Arbitraries.oneOf(all);
    }

    // ---------------------------------------------------------------------------------------------
    // EDNS

    static Arbitrary<EdnsOption> ednsOption() {
        Arbitrary<EdnsOption> ecs = Combinators.combine(Arbitraries.oneOf(ipv4().map(InetAddress.class::cast), ipv6().map(InetAddress.class::cast)),
                Arbitraries.integers().between(0, 128), Arbitraries.integers().between(0, 128)).as((a, src, scope) -> {
                    int max = a instanceof Inet4Address ? 32 : 128;
                    ClientSubnet c = ClientSubnet.of(a, Math.min(src, max));
                    return new ClientSubnet(c.address(), c.sourcePrefixLength(), Math.min(scope, max));
                });
        return Arbitraries.oneOf(
                bytes(0, 20).map(Nsid::new),
                ecs,
                Combinators.combine(bytes(8, 8), Arbitraries.oneOf(Arbitraries.just(ByteString.EMPTY), bytes(8, 32))).as(Cookie::new),
                Arbitraries.oneOf(Arbitraries.just(TcpKeepalive.REQUEST), u16().map(TcpKeepalive::of)),
                Arbitraries.integers().between(0, 64).map(Padding::new),
                Combinators.combine(u16().map(ExtendedErrorCode::of), Arbitraries.strings().ofMaxLength(20)
                        .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF))).as(ExtendedError::new),
                Combinators.combine(u16().filter(c -> c != 3 && c != 8 && c != 10 && c != 11 && c != 12 && c != 15), bytes(0, 20))
                        .as((c, d) -> new UnknownOption(EdnsOptionCode.of(c), d)));
    }

    static Arbitrary<Edns> edns() {
        return Combinators.combine(u16(), u8(), u16(), ednsOption().list().ofMaxSize(4)).as(Edns::new);
    }

    // ---------------------------------------------------------------------------------------------
    // Records and messages

    /** A record of any type except OPT (a message's EDNS) and TSIG (which must come last). */
    static Arbitrary<Record> record() {
        Arbitrary<Rdata> data = rdata().filter(r -> !(r instanceof OptRdata) && !(r instanceof TsigRdata));
        return Combinators.combine(name(), data, u32(), Arbitraries.integers().between(0, 9)).as((owner, r, ttl, c) -> {
            RRClass cls = RRClass.IN;
            boolean independent = classIndependent(r);
            if (c == 0 && independent) {
                cls = RRClass.CH;
            } else if (c == 3 && !independent) {
                // a class-IN-only type in another class is opaque data (RFC 3597)
                return new Record(owner, RRClass.CH, ttl, new UnknownRdata(r.type(), ByteString.of(r.toWire())));
            } else if (c == 1 && !(r instanceof UnknownRdata)) {
                cls = RRClass.ANY;
            } else if (c == 2 && !(r instanceof UnknownRdata)) {
                cls = RRClass.NONE;
            }
            return new Record(owner, cls, ttl, r);
        });
    }

    private static boolean classIndependent(Rdata r) {
        try {
            new Record(Name.ROOT, RRClass.CH, 0, r);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Arbitrary<Question> question() {
        return Combinators.combine(name(), anyType(), Arbitraries.oneOf(Arbitraries.just(RRClass.IN), u16().map(RRClass::of)))
                .as(Question::new);
    }

    static Arbitrary<Message> message() {
        Arbitrary<Record> tsig = Combinators.combine(name(), RDATA.get(RRType.TSIG)).as((n, r) -> new Record(n, RRClass.ANY, 0, r));
        return Combinators.combine(
                Combinators.combine(u16(), u16(), Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 4095)).as(Tuple::of),
                question().list().ofMaxSize(2),
                record().list().ofMaxSize(6),
                record().list().ofMaxSize(4),
                record().list().ofMaxSize(4),
                Arbitraries.oneOf(Arbitraries.just((Edns) null), edns()),
                Arbitraries.oneOf(Arbitraries.just((Record) null), tsig))
                .as((h, q, an, ns, ar, e, t) -> {
                    Message.Builder b = Message.builder().id(h.get1()).flagBits(h.get2()).opcode(Opcode.of(h.get3()))
                            .rcode(Rcode.of(e == null ? h.get4() & 0xF : h.get4()))
                            .edns(e);
                    q.forEach(b::question);
                    an.forEach(b::answer);
                    ns.forEach(b::authority);
                    ar.forEach(b::additional);
                    if (t != null) {
                        b.additional(t);
                    }
                    return b.build();
                });
    }

    /** The wire form of an arbitrary message. */
    static Arbitrary<byte[]> validWire() {
        return message().map(Message::toWire);
    }
}
