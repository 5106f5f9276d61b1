package org.dunlin.dns.wire.internal;

import java.util.function.Function;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;

/**
 * Opaque octets: to the end of the RDATA, or behind an 8- or 16-bit length, written in base64, hex or
 * base32hex, split into words as BIND splits them.
 *
 * @param <R> the RDATA record type
 */
public final class BytesField<R> extends Field<R> {
    /** The layout and text form. */
    public enum Mode {
        /** To the end of the RDATA, base64 (keys, signatures, certificates). */
        BASE64_REST,
        /** To the end of the RDATA, hex (digests, fingerprints). */
        HEX_REST,
        /** An 8-bit length, hex, "-" when empty (NSEC3 salt). */
        SALT,
        /** An 8-bit length, unpadded base32hex (NSEC3 next hashed owner). */
        BASE32HEX,
        /** A 16-bit length, printed as the decimal size followed by base64 (TSIG MAC, TKEY key). */
        SIZED_BASE64
    }

    private final Mode mode;
    private final int chunk;
    private final int min;
    private final Function<R, ByteString> get;
    private final String what;

    /**
     * A field; {@code chunk} is BIND's word length for printing (0: one word), {@code min} the least
     * number of octets.
     */
    public BytesField(String name, Mode mode, int chunk, int min, Function<R, ByteString> get) {
        super(name);
        this.mode = mode;
        this.chunk = chunk;
        this.min = min;
        this.get = get;
        this.what = name;
    }

    /** The length of the octets of {@code r} (a size hint for the encoder). */
    int length(R r) {
        return get.apply(r).length();
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        int n;
        switch (mode) {
            case SALT:
            case BASE32HEX:
                n = in.u8(end, what + " length");
                break;
            case SIZED_BASE64:
                n = in.u16(end, what + " length");
                break;
            default:
                n = end - in.position();
        }
        if (n < min) {
            throw in.error(Kind.BAD_RDATA, what + " needs at least " + min + " octets, has " + n);
        }
        v.set(slot, in.bytes(n, end, what));
    }

    @Override
    public void write(R r, WireWriter out) {
        ByteString b = get.apply(r);
        switch (mode) {
            case SALT:
            case BASE32HEX:
                out.u8(b.length());
                break;
            case SIZED_BASE64:
                out.u16(b.length());
                break;
            default:
                break;
        }
        out.bytes(b);
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        byte[] b;
        switch (mode) {
            case BASE64_REST: {
                String s = in.rest(what, min > 0);
                if (s == null) {
                    b = new byte[0];
                    break;
                }
                b = TextUtil.decodeBase64(s);
                if (b == null) {
                    throw in.error("bad base64 in " + what);
                }
                break;
            }
            case HEX_REST: {
                String s = in.rest(what, min > 0);
                if (s == null) {
                    b = new byte[0];
                    break;
                }
                b = TextUtil.decodeHex(s);
                if (b == null) {
                    throw in.error("bad hex in " + what);
                }
                break;
            }
            case SALT: {
                String s = in.word(what);
                if (s.equals("-")) {
                    b = new byte[0];
                } else {
                    b = TextUtil.decodeHex(s);
                    if (b == null || b.length == 0) {
                        throw in.error("bad hex in " + what);
                    }
                    if (b.length > 255) {
                        throw in.error(what + " longer than 255 octets");
                    }
                }
                break;
            }
            case BASE32HEX: {
                String s = in.word(what);
                b = Base32Hex.tryDecode(s);
                if (b == null) {
                    throw in.error("bad base32hex in " + what);
                }
                if (b.length > 255) {
                    throw in.error(what + " longer than 255 octets");
                }
                break;
            }
            default: {
                int size = in.intValue(what + " size", 0xFFFF);
                StringBuilder sb = new StringBuilder();
                while (size > 0 && decodedLength(sb) < size) {
                    if (!in.hasNext()) {
                        throw in.errorAt(in.index(), "missing " + what + " data (" + size + " octets)");
                    }
                    sb.append(in.word(what));
                }
                b = size == 0 ? new byte[0] : TextUtil.decodeBase64(sb.toString());
                if (b == null) {
                    throw in.error("bad base64 in " + what);
                }
                if (b.length != size) {
                    throw in.error(what + " has " + b.length + " octets, size says " + size);
                }
            }
        }
        if (b.length < min) {
            throw in.error(what + " needs at least " + min + " octets");
        }
        if (b.length > 65535) {
            throw in.error(what + " longer than 65535 octets");
        }
        v.set(slot, ByteString.of(b));
    }

    private static int decodedLength(StringBuilder sb) {
        int n = sb.length();
        int pad = 0;
        if (n > 0 && sb.charAt(n - 1) == '=') {
            pad++;
            if (n > 1 && sb.charAt(n - 2) == '=') {
                pad++;
            }
        }
        return n / 4 * 3 - pad;
    }

    @Override
    public void print(R r, StringBuilder sb) {
        ByteString b = get.apply(r);
        switch (mode) {
            case BASE64_REST:
                TextUtil.appendBase64(sb, b, chunk);
                return;
            case HEX_REST:
                TextUtil.appendHex(sb, b, chunk);
                return;
            case SALT:
                if (b.isEmpty()) {
                    sb.append('-');
                } else {
                    sb.append(b.toHex());
                }
                return;
            case BASE32HEX:
                sb.append(Base32Hex.encodeUpper(b));
                return;
            default:
                sb.append(b.length());
                if (!b.isEmpty()) {
                    sb.append(' ');
                    TextUtil.appendBase64(sb, b, chunk);
                }
        }
    }
}
