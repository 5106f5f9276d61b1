package org.dunlin.dns.wire.rdata;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dunlin.dns.wire.ByteString;
import org.dunlin.dns.wire.internal.Check;
import org.dunlin.dns.wire.internal.SvcParamsField;

/**
 * One SVCB/HTTPS service parameter (RFC 9460 §2.2): a key and its value in wire form. The value is
 * checked against the key's format when constructed (for the keys of RFC 9460, 9461 and 9540); the
 * typed factories and accessors convert to and from Java values.
 */
public record SvcParam(SvcParamKey key, ByteString value) {
    public SvcParam {
        Check.notNull(key, "SvcParam.key");
        Check.bytes(value, 0, 65535, "SvcParam.value");
        String problem = problem(key.value(), value);
        if (problem != null) {
            throw new IllegalArgumentException(key + ": " + problem);
        }
    }

    /** Why {@code value} is not valid for key {@code key}, or null if it is. */
    static String problem(int key, ByteString value) {
        int n = value.length();
        switch (key) {
            case 0:
                if (n == 0 || (n & 1) != 0) {
                    return "mandatory needs a non-empty list of 16-bit keys";
                }
                int prev = -1;
                for (int i = 0; i < n; i += 2) {
                    int k = value.get(i) << 8 | value.get(i + 1);
                    if (k == 0) {
                        return "mandatory must not list itself";
                    }
                    if (k <= prev) {
                        return "mandatory keys must be in strictly increasing order";
                    }
                    prev = k;
                }
                return null;
            case 1: {
                if (n == 0) {
                    return "alpn needs at least one protocol id";
                }
                int p = 0;
                while (p < n) {
                    int len = value.get(p);
                    if (len == 0) {
                        return "empty alpn protocol id";
                    }
                    if (p + 1 + len > n) {
                        return "alpn protocol id overruns the value";
                    }
                    p += 1 + len;
                }
                return null;
            }
            case 2:
            case 8:
                return n == 0 ? null : "value must be empty";
            case 3:
                return n == 2 ? null : "port needs exactly 2 octets";
            case 4:
                return n > 0 && n % 4 == 0 ? null : "ipv4hint needs one or more 4-octet addresses";
            case 5:
                return n > 0 ? null : "ech needs an ECHConfigList";
            case 6:
                return n > 0 && n % 16 == 0 ? null : "ipv6hint needs one or more 16-octet addresses";
            case SvcParamKey.INVALID:
                return "key65535 is reserved as invalid";
            default:
                return null;
        }
    }

    /** {@code mandatory=}: keys the client must support (sorted, no duplicates). */
    public static SvcParam mandatory(SvcParamKey... keys) {
        int[] v = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            v[i] = keys[i].value();
        }
        Arrays.sort(v);
        byte[] b = new byte[v.length * 2];
        for (int i = 0; i < v.length; i++) {
            b[2 * i] = (byte) (v[i] >>> 8);
            b[2 * i + 1] = (byte) v[i];
        }
        return new SvcParam(SvcParamKey.MANDATORY, ByteString.of(b));
    }

    /** {@code alpn=}: application protocol ids such as {@code "h2"}, {@code "h3"}. */
    public static SvcParam alpn(String... ids) {
        List<ByteString> l = new ArrayList<>();
        for (String id : ids) {
            l.add(ByteString.ofUtf8(id));
        }
        return alpn(l);
    }

    /** {@code alpn=}: application protocol ids as octets. */
    public static SvcParam alpn(List<ByteString> ids) {
        int total = 0;
        for (ByteString id : ids) {
            Check.bytes(id, 1, 255, "alpn id");
            total += 1 + id.length();
        }
        byte[] b = new byte[total];
        int p = 0;
        for (ByteString id : ids) {
            b[p++] = (byte) id.length();
            id.copyTo(b, p);
            p += id.length();
        }
        return new SvcParam(SvcParamKey.ALPN, ByteString.of(b));
    }

    /** {@code no-default-alpn}. */
    public static SvcParam noDefaultAlpn() {
        return new SvcParam(SvcParamKey.NO_DEFAULT_ALPN, ByteString.EMPTY);
    }

    /** {@code port=}. */
    public static SvcParam port(int port) {
        Check.u16(port, "port");
        return new SvcParam(SvcParamKey.PORT, ByteString.of((byte) (port >>> 8), (byte) port));
    }

    /** {@code ipv4hint=} or {@code ipv6hint=}, by the family of the first address (all must match). */
    public static SvcParam hint(List<? extends InetAddress> addresses) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("address hints need at least one address");
        }
        boolean v4 = addresses.get(0) instanceof Inet4Address;
        byte[] b = new byte[addresses.size() * (v4 ? 4 : 16)];
        int p = 0;
        for (InetAddress a : addresses) {
            if (a instanceof Inet4Address != v4) {
                throw new IllegalArgumentException("address hints must all be of one family");
            }
            byte[] ab = a.getAddress();
            System.arraycopy(ab, 0, b, p, ab.length);
            p += ab.length;
        }
        return new SvcParam(v4 ? SvcParamKey.IPV4HINT : SvcParamKey.IPV6HINT, ByteString.of(b));
    }

    /** {@code ech=}: an ECHConfigList. */
    public static SvcParam ech(ByteString echConfigList) {
        return new SvcParam(SvcParamKey.ECH, echConfigList);
    }

    /** {@code dohpath=}: a URI template (RFC 9461 §5). */
    public static SvcParam dohPath(String template) {
        return new SvcParam(SvcParamKey.DOHPATH, ByteString.ofUtf8(template));
    }

    /** {@code ohttp} (RFC 9540 §4). */
    public static SvcParam ohttp() {
        return new SvcParam(SvcParamKey.OHTTP, ByteString.EMPTY);
    }

    /** The keys of a {@code mandatory} parameter. */
    public List<SvcParamKey> mandatoryKeys() {
        require(SvcParamKey.MANDATORY);
        List<SvcParamKey> out = new ArrayList<>();
        for (int i = 0; i < value.length(); i += 2) {
            out.add(SvcParamKey.of(value.get(i) << 8 | value.get(i + 1)));
        }
        return out;
    }

    /** The protocol ids of an {@code alpn} parameter. */
    public List<ByteString> alpnIds() {
        require(SvcParamKey.ALPN);
        List<ByteString> out = new ArrayList<>();
        int p = 0;
        while (p < value.length()) {
            int len = value.get(p);
            out.add(value.substring(p + 1, p + 1 + len));
            p += 1 + len;
        }
        return out;
    }

    /** The port of a {@code port} parameter. */
    public int port() {
        require(SvcParamKey.PORT);
        return value.get(0) << 8 | value.get(1);
    }

    /** The addresses of an {@code ipv4hint} or {@code ipv6hint} parameter. */
    public List<InetAddress> addresses() {
        int size;
        if (key.equals(SvcParamKey.IPV4HINT)) {
            size = 4;
        } else if (key.equals(SvcParamKey.IPV6HINT)) {
            size = 16;
        } else {
            throw new IllegalStateException("not an address hint: " + key);
        }
        List<InetAddress> out = new ArrayList<>();
        byte[] b = value.toByteArray();
        for (int i = 0; i < b.length; i += size) {
            byte[] a = Arrays.copyOfRange(b, i, i + size);
            try {
                out.add(size == 4 ? InetAddress.getByAddress(a) : Inet6Address.getByAddress(null, a, -1));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private void require(SvcParamKey k) {
        if (!key.equals(k)) {
            throw new IllegalStateException("not a " + k + " parameter: " + key);
        }
    }

    /** The presentation form, e.g. {@code alpn="h2,h3"} or {@code port=8443}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        SvcParamsField.appendParam(sb, this);
        return sb.toString();
    }
}
