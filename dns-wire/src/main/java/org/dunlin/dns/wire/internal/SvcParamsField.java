package org.dunlin.dns.wire.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireFormatException.Kind;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.SvcParam;
import org.dunlin.dns.wire.rdata.SvcParamKey;

/**
 * The SvcParams of SVCB and HTTPS (RFC 9460 §2.2 wire, §2.1 and Appendix A text). Keys must increase
 * strictly on the wire; in text they may come in any order and are sorted. Values use the two-level
 * escaping of Appendix A.1: the presentation value is first decoded as a character-string, then
 * list-valued keys split it at commas not escaped by a backslash.
 *
 * @param <R> the RDATA record type
 */
public final class SvcParamsField<R> extends Field<R> {
    private final Function<R, List<SvcParam>> get;

    public SvcParamsField(String name, Function<R, List<SvcParam>> get) {
        super(name);
        this.get = get;
    }

    /**
     * The parameters of an SVCB or HTTPS record ({@code type} names it in messages), checked and sorted
     * by key: no null, no duplicate key and every key listed in mandatory present (RFC 9460 §8).
     * Returns an unmodifiable copy.
     */
    public static List<SvcParam> normalize(List<SvcParam> params, String type) {
        List<SvcParam> l = new ArrayList<>(Check.list(params, type + ".params"));
        l.sort(Comparator.comparing(SvcParam::key));
        for (int i = 1; i < l.size(); i++) {
            if (l.get(i).key().equals(l.get(i - 1).key())) {
                throw new IllegalArgumentException(type + " has SvcParam " + l.get(i).key() + " twice");
            }
        }
        for (SvcParam p : l) {
            if (p.key().equals(SvcParamKey.MANDATORY)) {
                for (SvcParamKey k : p.mandatoryKeys()) {
                    boolean found = false;
                    for (SvcParam q : l) {
                        found |= q.key().equals(k);
                    }
                    if (!found) {
                        throw new IllegalArgumentException(type + " lists " + k + " as mandatory but does not have it");
                    }
                }
            }
        }
        return Collections.unmodifiableList(l);
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        List<SvcParam> l = new ArrayList<>();
        int prev = -1;
        while (in.position() < end) {
            int at = in.position();
            int key = in.u16(end, "SvcParamKey");
            int len = in.u16(end, "SvcParam length");
            if (key <= prev) {
                throw in.errorAt(Kind.BAD_RDATA, "SvcParamKeys not in strictly increasing order", at);
            }
            prev = key;
            ByteString value = in.bytes(len, end, "SvcParamValue");
            try {
                l.add(new SvcParam(SvcParamKey.of(key), value));
            } catch (IllegalArgumentException e) {
                throw in.errorAt(Kind.BAD_RDATA, e.getMessage(), at);
            }
        }
        v.set(slot, l);
    }

    @Override
    public void write(R r, WireWriter out) {
        for (SvcParam p : get.apply(r)) {
            out.u16(p.key().value());
            out.u16(p.value().length());
            out.bytes(p.value());
        }
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        List<SvcParam> l = new ArrayList<>();
        while (in.hasNext()) {
            int tokenIndex = in.index();
            boolean quotedKey = in.peekQuoted();
            String t = in.string("SvcParam");
            if (quotedKey) {
                throw in.error("SvcParam key must not be quoted");
            }
            int eq = t.indexOf('=');
            String keyText = eq < 0 ? t : t.substring(0, eq);
            SvcParamKey key = SvcParamKey.tryParse(keyText);
            if (key == null) {
                throw in.error("unknown SvcParamKey '" + keyText + "'");
            }
            byte[] value = null;
            if (eq >= 0) {
                if (eq == t.length() - 1) {
                    // key="quoted value": the lexer split it at the quote; the value is the next token.
                    if (in.peekQuoted() && in.startOf(in.index()) == in.endOf(tokenIndex) + 1) {
                        value = in.unescaped("SvcParamValue");
                    } else {
                        value = new byte[0];
                    }
                } else {
                    value = unescape(in, t.substring(eq + 1));
                }
            }
            try {
                l.add(new SvcParam(key, encode(in, key, value)));
            } catch (IllegalArgumentException e) {
                throw in.errorAt(tokenIndex, e.getMessage());
            }
        }
        v.set(slot, l);
    }

    private static byte[] unescape(Tokens in, String raw) throws TextParseException {
        byte[] b = raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\\') {
                if (i + 1 >= b.length) {
                    throw in.error("backslash at the end of a SvcParamValue");
                }
                int d = b[i + 1];
                if (d >= '0' && d <= '9') {
                    if (i + 3 >= b.length || !Character.isDigit(b[i + 2]) || !Character.isDigit(b[i + 3])) {
                        throw in.error("\\DDD escape needs three digits");
                    }
                    int val = (d - '0') * 100 + (b[i + 2] - '0') * 10 + (b[i + 3] - '0');
                    if (val > 255) {
                        throw in.error("\\DDD escape above 255");
                    }
                    out.write(val);
                    i += 3;
                } else {
                    out.write(d);
                    i++;
                }
            } else {
                out.write(b[i]);
            }
        }
        return out.toByteArray();
    }

    /** Splits a value-list at unescaped commas (RFC 9460 Appendix A.1), removing the escapes. */
    private static List<byte[]> splitList(byte[] value) {
        List<byte[]> items = new ArrayList<>();
        java.io.ByteArrayOutputStream cur = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < value.length; i++) {
            byte c = value[i];
            if (c == '\\' && i + 1 < value.length) {
                cur.write(value[++i]);
            } else if (c == ',') {
                items.add(cur.toByteArray());
                cur.reset();
            } else {
                cur.write(c);
            }
        }
        items.add(cur.toByteArray());
        return items;
    }

    private static ByteString encode(Tokens in, SvcParamKey key, byte[] value) throws TextParseException {
        int k = key.value();
        boolean hasValue = value != null && value.length > 0;
        switch (k) {
            case 0: {
                if (!hasValue) {
                    throw in.error("mandatory needs a value");
                }
                List<SvcParamKey> keys = new ArrayList<>();
                for (byte[] item : splitList(value)) {
                    SvcParamKey mk = SvcParamKey.tryParse(latin1(item));
                    if (mk == null) {
                        throw in.error("unknown key '" + latin1(item) + "' in mandatory");
                    }
                    if (keys.contains(mk)) {
                        throw in.error("key " + mk + " listed twice in mandatory");
                    }
                    keys.add(mk);
                }
                return SvcParam.mandatory(keys.toArray(new SvcParamKey[0])).value();
            }
            case 1: {
                if (!hasValue) {
                    throw in.error("alpn needs a value");
                }
                List<ByteString> ids = new ArrayList<>();
                for (byte[] item : splitList(value)) {
                    if (item.length == 0 || item.length > 255) {
                        throw in.error("alpn protocol ids must be 1..255 octets");
                    }
                    ids.add(ByteString.of(item));
                }
                return SvcParam.alpn(ids).value();
            }
            case 2:
            case 8:
                if (value != null) {
                    throw in.error(key + " takes no value");
                }
                return ByteString.EMPTY;
            case 3: {
                int port = hasValue ? CodeTable.parseDecimal(latin1(value), 0, 65535) : -1;
                if (port < 0) {
                    throw in.error("bad port");
                }
                return SvcParam.port(port).value();
            }
            case 4:
            case 6: {
                if (!hasValue) {
                    throw in.error(key + " needs a value");
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (byte[] item : splitList(value)) {
                    byte[] a = k == 4 ? TextUtil.parseIpv4(latin1(item)) : TextUtil.parseIpv6(latin1(item));
                    if (a == null) {
                        throw in.error("bad address '" + latin1(item) + "' in " + key);
                    }
                    out.write(a, 0, a.length);
                }
                return ByteString.of(out.toByteArray());
            }
            case 5: {
                if (!hasValue) {
                    throw in.error("ech needs a value");
                }
                byte[] b = TextUtil.decodeBase64(latin1(value));
                if (b == null) {
                    throw in.error("bad base64 in ech");
                }
                return ByteString.of(b);
            }
            default:
                return value == null ? ByteString.EMPTY : ByteString.of(value);
        }
    }

    private static String latin1(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public void print(R r, StringBuilder sb) {
        boolean first = true;
        for (SvcParam p : get.apply(r)) {
            if (!first) {
                sb.append(' ');
            }
            first = false;
            appendParam(sb, p);
        }
    }

    /** Appends one parameter as BIND prints it: lists and strings quoted, numbers and base64 bare. */
    public static void appendParam(StringBuilder sb, SvcParam p) {
        int k = p.key().value();
        ByteString v = p.value();
        sb.append(p.key());
        switch (k) {
            case 0: {
                sb.append('=');
                boolean first = true;
                for (SvcParamKey mk : p.mandatoryKeys()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    sb.append(mk);
                }
                return;
            }
            case 1: {
                sb.append("=\"");
                boolean first = true;
                for (ByteString id : p.alpnIds()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    for (int i = 0; i < id.length(); i++) {
                        int c = id.get(i);
                        if (c == ',' || c == '\\') {
                            sb.append("\\\\"); // value-list escape, itself escaped in the quoted string
                        }
                        TextUtil.appendStringByte(sb, c);
                    }
                }
                sb.append('"');
                return;
            }
            case 2:
            case 8:
                return;
            case 3:
                sb.append('=').append(p.port());
                return;
            case 4:
            case 6: {
                sb.append('=');
                int size = k == 4 ? 4 : 16;
                byte[] b = v.toByteArray();
                for (int i = 0; i < b.length; i += size) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    if (size == 4) {
                        sb.append(b[i] & 0xFF).append('.').append(b[i + 1] & 0xFF).append('.').append(b[i + 2] & 0xFF).append('.').append(b[i + 3] & 0xFF);
                    } else {
                        sb.append(TextUtil.formatIpv6(java.util.Arrays.copyOfRange(b, i, i + 16)));
                    }
                }
                return;
            }
            case 5:
                sb.append('=').append(v.toBase64());
                return;
            default:
                if (!v.isEmpty()) {
                    sb.append('=');
                    TextUtil.appendQuoted(sb, v);
                }
        }
    }
}
