package org.dunlin.dns.wire.internal;

import java.util.function.ToLongFunction;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;

/**
 * An unsigned number of 1, 2, 4, 6 or 8 octets, with one of several presentation formats: decimal,
 * a TTL-style duration, an RR type mnemonic, an RRSIG time, a DNSSEC algorithm, a CERT type, a TSIG
 * error, four hex groups (NID, L64) or hyphenated hex (EUI-48, EUI-64).
 *
 * @param <R> the RDATA record type
 */
public final class NumberField<R> extends Field<R> {
    /** How the number is written in presentation format. */
    public enum Format {
        /** Decimal digits. */
        DECIMAL,
        /** Decimal, or TTL units on input ({@code 1h}); BIND accepts these for SOA timers. */
        DURATION,
        /** An RR type mnemonic or {@code TYPEnnn}. */
        TYPE,
        /** An RRSIG time, {@code YYYYMMDDHHmmSS} (decimal seconds accepted on input). */
        TIME,
        /** A DNSSEC algorithm number, mnemonic accepted on input (DNSKEY, RRSIG, DS print numbers). */
        ALGORITHM,
        /** A DNSSEC algorithm printed as its mnemonic when it has one (CERT, as BIND prints it). */
        ALGORITHM_MNEMONIC,
        /** A CERT type mnemonic (RFC 4398 §2.1) or number. */
        CERT_TYPE,
        /** A TSIG/TKEY error: an rcode mnemonic (BADSIG for 16) or number. */
        TSIG_ERROR,
        /** 64 bits as four colon-separated hex groups without leading zeros (NID, L64). */
        HEX_GROUPS,
        /** 48 or 64 bits as hyphen-separated lower-case hex octets (EUI48, EUI64). */
        EUI
    }

    private final int width;
    private final Format format;
    private final ToLongFunction<R> get;
    private final String what;

    public NumberField(String name, int width, Format format, ToLongFunction<R> get) {
        super(name);
        this.width = width;
        this.format = format;
        this.get = get;
        this.what = name;
    }

    public static <R> NumberField<R> u8(String name, ToLongFunction<R> get) {
        return new NumberField<>(name, 1, Format.DECIMAL, get);
    }

    public static <R> NumberField<R> u16(String name, ToLongFunction<R> get) {
        return new NumberField<>(name, 2, Format.DECIMAL, get);
    }

    public static <R> NumberField<R> u32(String name, ToLongFunction<R> get) {
        return new NumberField<>(name, 4, Format.DECIMAL, get);
    }

    @Override
    public int sizeGuess() {
        return width;
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        long x;
        switch (width) {
            case 1: x = in.u8(end, what); break;
            case 2: x = in.u16(end, what); break;
            case 4: x = in.u32(end, what); break;
            case 6: x = in.u48(end, what); break;
            default: x = in.u32(end, what) << 32 | in.u32(end, what); break;
        }
        v.set(slot, x);
    }

    @Override
    public void write(R r, WireWriter out) {
        long x = get.applyAsLong(r);
        switch (width) {
            case 1: out.u8((int) x); break;
            case 2: out.u16((int) x); break;
            case 4: out.u32(x); break;
            case 6: out.u48(x); break;
            default: out.u32(x >>> 32); out.u32(x & 0xFFFFFFFFL); break;
        }
    }

    private long max() {
        return width >= 8 ? Long.MAX_VALUE : (1L << (8 * width)) - 1;
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        switch (format) {
            case DECIMAL:
                v.set(slot, in.number(what, max()));
                return;
            case DURATION:
                v.set(slot, in.duration(what));
                return;
            case TYPE: {
                String s = in.word(what);
                RRType t = RRType.tryParse(s);
                if (t == null) {
                    throw in.error("unknown type '" + s + "'");
                }
                v.set(slot, t.value());
                return;
            }
            case TIME: {
                String s = in.word(what);
                long t = TextUtil.parseTime(s);
                if (t < 0) {
                    throw in.error("bad " + what + ": '" + s + "' (expected YYYYMMDDHHmmSS)");
                }
                v.set(slot, t);
                return;
            }
            case ALGORITHM:
            case ALGORITHM_MNEMONIC: {
                String s = in.word(what);
                int a = Mnemonics.algorithmValue(s);
                if (a < 0) {
                    a = CodeTable.parseDecimal(s, 0, 255);
                }
                if (a < 0) {
                    throw in.error("bad " + what + ": '" + s + "'");
                }
                v.set(slot, a);
                return;
            }
            case CERT_TYPE: {
                String s = in.word(what);
                int t = Mnemonics.certTypeValue(s);
                if (t < 0) {
                    t = CodeTable.parseDecimal(s, 0, 0xFFFF);
                }
                if (t < 0) {
                    throw in.error("bad " + what + ": '" + s + "'");
                }
                v.set(slot, t);
                return;
            }
            case TSIG_ERROR: {
                String s = in.word(what);
                try {
                    v.set(slot, Rcode.valueOf(s).value());
                } catch (IllegalArgumentException e) {
                    throw in.error("bad " + what + ": '" + s + "'");
                }
                return;
            }
            case HEX_GROUPS: {
                String s = in.word(what);
                String[] g = s.split(":", -1);
                long x = 0;
                if (g.length != 4) {
                    throw in.error("bad " + what + ": '" + s + "' (expected four hex groups)");
                }
                for (String part : g) {
                    if (part.isEmpty() || part.length() > 4) {
                        throw in.error("bad " + what + ": '" + s + "'");
                    }
                    int h = 0;
                    for (int i = 0; i < part.length(); i++) {
                        int d = Character.digit(part.charAt(i), 16);
                        if (d < 0) {
                            throw in.error("bad " + what + ": '" + s + "'");
                        }
                        h = h * 16 + d;
                    }
                    x = x << 16 | h;
                }
                v.set(slot, x);
                return;
            }
            default: {
                String s = in.word(what);
                String[] g = s.split("-", -1);
                if (g.length != width) {
                    throw in.error("bad " + what + ": '" + s + "' (expected " + width + " hyphen-separated octets)");
                }
                long x = 0;
                for (String part : g) {
                    int hi = part.length() == 2 ? Character.digit(part.charAt(0), 16) : -1;
                    int lo = part.length() == 2 ? Character.digit(part.charAt(1), 16) : -1;
                    if (hi < 0 || lo < 0) {
                        throw in.error("bad " + what + ": '" + s + "'");
                    }
                    x = x << 8 | hi << 4 | lo;
                }
                v.set(slot, x);
            }
        }
    }

    @Override
    public void print(R r, StringBuilder sb) {
        long x = get.applyAsLong(r);
        switch (format) {
            case TYPE:
                sb.append(RRType.of((int) x));
                return;
            case TIME:
                sb.append(TextUtil.formatTime(x));
                return;
            case ALGORITHM_MNEMONIC: {
                String m = Mnemonics.algorithm((int) x);
                if (m != null) {
                    sb.append(m);
                } else {
                    sb.append(x);
                }
                return;
            }
            case CERT_TYPE: {
                String m = Mnemonics.certType((int) x);
                if (m != null) {
                    sb.append(m);
                } else {
                    sb.append(x);
                }
                return;
            }
            case TSIG_ERROR:
                sb.append(Rcode.of((int) x).toTsigString());
                return;
            case HEX_GROUPS:
                for (int i = 3; i >= 0; i--) {
                    sb.append(Long.toHexString(x >>> (16 * i) & 0xFFFF));
                    if (i > 0) {
                        sb.append(':');
                    }
                }
                return;
            case EUI:
                for (int i = width - 1; i >= 0; i--) {
                    int b = (int) (x >>> (8 * i)) & 0xFF;
                    sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
                    if (i > 0) {
                        sb.append('-');
                    }
                }
                return;
            default:
                sb.append(x);
        }
    }
}
