package org.dunlin.dns.wire.internal;

import java.util.Arrays;
import java.util.function.Function;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.TypeBitmap;

/**
 * The type bit maps of NSEC, NSEC3 and CSYNC (RFC 4034 §4.1.2), to the end of the RDATA. Strict:
 * windows must increase, each bitmap is 1..32 octets with a non-zero last octet, since any other
 * encoding of the same set would break DNSSEC's single canonical form.
 * <pre>
 *   | WINDOW BLOCK # (8) | BITMAP LENGTH (8) |  /  BITMAP (1..32 octets)  /   (repeated)
 * </pre>
 *
 * @param <R> the RDATA record type
 */
public final class TypeBitmapField<R> extends Field<R> {
    private final Function<R, TypeBitmap> get;

    public TypeBitmapField(String name, Function<R, TypeBitmap> get) {
        super(name);
        this.get = get;
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        int[] types = new int[16];
        int n = 0;
        int lastWindow = -1;
        while (in.position() < end) {
            int at = in.position();
            int window = in.u8(end, "window block");
            int len = in.u8(end, "bitmap length");
            if (window <= lastWindow) {
                throw in.errorAt(Kind.BAD_RDATA, "window blocks out of order or repeated", at);
            }
            if (len < 1 || len > 32) {
                throw in.errorAt(Kind.BAD_RDATA, "bitmap length " + len + " outside 1..32", at + 1);
            }
            in.require(len, end, "bitmap");
            byte[] a = in.array();
            int p = in.arrayPosition();
            if (a[p + len - 1] == 0) {
                throw in.errorAt(Kind.BAD_RDATA, "bitmap ends in a zero octet", at + 1 + len);
            }
            for (int i = 0; i < len; i++) {
                int bits = a[p + i] & 0xFF;
                for (int bit = 0; bit < 8; bit++) {
                    if ((bits & (0x80 >>> bit)) != 0) {
                        if (n == types.length) {
                            types = Arrays.copyOf(types, n * 2);
                        }
                        types[n++] = window << 8 | i << 3 | bit;
                    }
                }
            }
            in.skip(len, end, "bitmap");
            lastWindow = window;
        }
        v.set(slot, TypeBitmap.ofValues(Arrays.copyOf(types, n)));
    }

    @Override
    public void write(R r, WireWriter out) {
        int[] types = get.apply(r).values();
        int i = 0;
        byte[] bitmap = new byte[32];
        while (i < types.length) {
            int window = types[i] >>> 8;
            Arrays.fill(bitmap, (byte) 0);
            int maxOctet = 0;
            while (i < types.length && types[i] >>> 8 == window) {
                int low = types[i] & 0xFF;
                bitmap[low >>> 3] |= (byte) (0x80 >>> (low & 7));
                maxOctet = low >>> 3;
                i++;
            }
            out.u8(window);
            out.u8(maxOctet + 1);
            out.bytes(bitmap, 0, maxOctet + 1);
        }
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        int[] types = new int[in.size() - in.index()];
        int n = 0;
        while (in.hasNext()) {
            String s = in.word("type");
            RRType t = RRType.tryParse(s);
            if (t == null) {
                throw in.error("unknown type '" + s + "' in type bit map");
            }
            types[n++] = t.value();
        }
        v.set(slot, TypeBitmap.ofValues(Arrays.copyOf(types, n)));
    }

    @Override
    public void print(R r, StringBuilder sb) {
        sb.append(get.apply(r));
    }
}
