package org.dunlin.dns.wire.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;

/** Text-like fields: character-strings (RFC 1035 §3.3), lists of them, quoted text to the end, CAA tags. */
public final class StringFields {
    private StringFields() {
    }

    /** One {@code <character-string>}: a length octet and up to 255 octets, printed quoted. */
    public static <R> Field<R> characterString(String name, Function<R, ByteString> get) {
        return new LengthPrefixed<R>(name, get) {
            @Override
            public void parse(Tokens in, Values v, int slot) throws TextParseException {
                v.set(slot, in.characterString(name));
            }

            @Override
            public void print(R r, StringBuilder sb) {
                TextUtil.appendQuoted(sb, get.apply(r));
            }
        };
    }

    /** One or more character-strings to the end of the RDATA (TXT, SPF). */
    public static <R> Field<R> characterStrings(String name, Function<R, List<ByteString>> get) {
        return new Field<R>(name) {
            @Override
            public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
                List<ByteString> l = new ArrayList<>(4);
                while (in.position() < end) {
                    int n = in.u8(end, name + " length");
                    l.add(in.bytes(n, end, name));
                }
                if (l.isEmpty()) {
                    throw in.error(Kind.BAD_RDATA, "needs at least one character-string");
                }
                v.set(slot, l);
            }

            @Override
            public void write(R r, WireWriter out) {
                for (ByteString b : get.apply(r)) {
                    out.u8(b.length());
                    out.bytes(b);
                }
            }

            @Override
            public void parse(Tokens in, Values v, int slot) throws TextParseException {
                List<ByteString> l = new ArrayList<>(4);
                if (!in.hasNext()) {
                    throw in.errorAt(in.index(), "missing " + name);
                }
                while (in.hasNext()) {
                    l.add(in.characterString(name));
                }
                v.set(slot, l);
            }

            @Override
            public void print(R r, StringBuilder sb) {
                boolean first = true;
                for (ByteString b : get.apply(r)) {
                    if (!first) {
                        sb.append(' ');
                    }
                    first = false;
                    TextUtil.appendQuoted(sb, b);
                }
            }
        };
    }

    /** Octets to the end of the RDATA, written as one quoted string (URI target, CAA value). */
    public static <R> Field<R> quotedRest(String name, Function<R, ByteString> get) {
        return new Field<R>(name) {
            @Override
            public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
                v.set(slot, in.bytes(end - in.position(), end, name));
            }

            @Override
            public void write(R r, WireWriter out) {
                out.bytes(get.apply(r));
            }

            @Override
            public void parse(Tokens in, Values v, int slot) throws TextParseException {
                byte[] b = in.unescaped(name);
                if (b.length > 65535) {
                    throw in.error(name + " longer than 65535 octets");
                }
                v.set(slot, ByteString.of(b));
            }

            @Override
            public void print(R r, StringBuilder sb) {
                TextUtil.appendQuoted(sb, get.apply(r));
            }
        };
    }

    /** A CAA tag: a length octet and 1..255 letters or digits, printed bare (RFC 8659 §4.1). */
    public static <R> Field<R> caaTag(String name, Function<R, ByteString> get) {
        return new LengthPrefixed<R>(name, get) {
            @Override
            public void parse(Tokens in, Values v, int slot) throws TextParseException {
                v.set(slot, ByteString.ofLatin1(in.word(name)));
            }

            @Override
            public void print(R r, StringBuilder sb) {
                sb.append(get.apply(r).toLatin1());
            }
        };
    }

    /** A length octet and that many octets on the wire; the subclass gives the text form. */
    private abstract static class LengthPrefixed<R> extends Field<R> {
        private final String name;
        private final Function<R, ByteString> get;

        LengthPrefixed(String name, Function<R, ByteString> get) {
            super(name);
            this.name = name;
            this.get = get;
        }

        @Override
        public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
            int n = in.u8(end, name + " length");
            v.set(slot, in.bytes(n, end, name));
        }

        @Override
        public void write(R r, WireWriter out) {
            ByteString b = get.apply(r);
            out.u8(b.length());
            out.bytes(b);
        }
    }
}
