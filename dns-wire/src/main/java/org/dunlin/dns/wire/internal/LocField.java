package org.dunlin.dns.wire.internal;

import org.dunlin.dns.wire.TextParseException;
import org.dunlin.dns.wire.WireFormatException;
import org.dunlin.dns.wire.WireReader;
import org.dunlin.dns.wire.WireWriter;
import org.dunlin.dns.wire.rdata.LocRdata;

/**
 * The whole LOC RDATA (RFC 1876 §2 wire, §3 and Appendix A presentation), parsed and printed exactly as
 * BIND does: {@code d [m [s.sss]] N|S d [m [s.sss]] E|W alt[m] [size[m] [hp[m] [vp[m]]]]}, with the
 * defaults of RFC 1876 §3 (1m, 10000m, 10m) and BIND's rounding of precisions to one significant digit.
 */
final class LocField extends Field<LocRdata> {
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    LocField() {
        super(java.util.List.of("version", "size", "horizontalPrecision", "verticalPrecision", "latitude", "longitude", "altitude"));
    }

    @Override
    public void read(WireReader in, int end, Values v, int slot) throws WireFormatException {
        v.set(slot, in.u8(end, "version"));
        v.set(slot + 1, in.u8(end, "size"));
        v.set(slot + 2, in.u8(end, "horizontal precision"));
        v.set(slot + 3, in.u8(end, "vertical precision"));
        v.set(slot + 4, in.u32(end, "latitude"));
        v.set(slot + 5, in.u32(end, "longitude"));
        v.set(slot + 6, in.u32(end, "altitude"));
    }

    @Override
    public void write(LocRdata r, WireWriter out) {
        out.u8(r.version());
        out.u8(r.size());
        out.u8(r.horizontalPrecision());
        out.u8(r.verticalPrecision());
        out.u32(r.latitude());
        out.u32(r.longitude());
        out.u32(r.altitude());
    }

    @Override
    public void parse(Tokens in, Values v, int slot) throws TextParseException {
        long lat = angle(in, 90, 'N', 'S', "latitude");
        long lon = angle(in, 180, 'E', 'W', "longitude");
        String altText = in.word("altitude");
        long alt = metres(in, altText, -100_000, 42_849_672, true, "altitude");
        if (alt > 4_284_967_295L) {
            throw in.error("altitude out of range");
        }
        int size = 0x12;
        int hp = 0x16;
        int vp = 0x13;
        if (in.hasNext()) {
            size = precision(in, in.word("size"), "size");
            if (in.hasNext()) {
                hp = precision(in, in.word("horizontal precision"), "horizontal precision");
                if (in.hasNext()) {
                    vp = precision(in, in.word("vertical precision"), "vertical precision");
                }
            }
        }
        v.set(slot, 0);
        v.set(slot + 1, size);
        v.set(slot + 2, hp);
        v.set(slot + 3, vp);
        v.set(slot + 4, lat);
        v.set(slot + 5, lon);
        v.set(slot + 6, alt + 10_000_000L);
    }

    /** Degrees, optional minutes and seconds, hemisphere: thousandths of a second offset by 2^31. */
    private static long angle(Tokens in, int maxDegrees, char positive, char negative, String what) throws TextParseException {
        long d = in.number(what + " degrees", maxDegrees);
        long m = 0;
        long ms = 0;
        String t = in.word(what + " hemisphere");
        if (!isHemisphere(t, positive, negative)) {
            m = minutesOrSeconds(in, t, 59, what + " minutes");
            t = in.word(what + " hemisphere");
            if (!isHemisphere(t, positive, negative)) {
                ms = seconds(in, t, what + " seconds");
                t = in.word(what + " hemisphere");
                if (!isHemisphere(t, positive, negative)) {
                    throw in.error("expected " + positive + " or " + negative + " for " + what + ", got '" + t + "'");
                }
            }
        }
        long value = (d * 3600 + m * 60) * 1000 + ms;
        if (value > (long) maxDegrees * 3_600_000) {
            throw in.error(what + " out of range");
        }
        boolean pos = Character.toUpperCase(t.charAt(0)) == positive;
        return pos ? LocRdata.EQUATOR + value : LocRdata.EQUATOR - value;
    }

    private static boolean isHemisphere(String t, char positive, char negative) {
        return t.length() == 1 && (Character.toUpperCase(t.charAt(0)) == positive || Character.toUpperCase(t.charAt(0)) == negative);
    }

    private static long minutesOrSeconds(Tokens in, String t, int max, String what) throws TextParseException {
        int v = CodeTable.parseDecimal(t, 0, max);
        if (v < 0) {
            throw in.error("bad " + what + ": '" + t + "'");
        }
        return v;
    }

    /** Seconds with up to three decimals (more are ignored, as BIND does), in thousandths. */
    private static long seconds(Tokens in, String t, String what) throws TextParseException {
        int dot = t.indexOf('.');
        String whole = dot < 0 ? t : t.substring(0, dot);
        int s = CodeTable.parseDecimal(whole, 0, 59);
        if (s < 0) {
            throw in.error("bad " + what + ": '" + t + "'");
        }
        long ms = s * 1000L;
        if (dot >= 0) {
            String frac = t.substring(dot + 1);
            int scale = 100;
            for (int i = 0; i < frac.length(); i++) {
                char c = frac.charAt(i);
                if (c < '0' || c > '9') {
                    throw in.error("bad " + what + ": '" + t + "'");
                }
                if (i < 3) {
                    ms += (c - '0') * scale;
                    scale /= 10;
                }
            }
        }
        return ms;
    }

    /** A length in metres with up to two decimals and an optional 'm', in centimetres. */
    private static long metres(Tokens in, String t, long min, long max, boolean signed, String what) throws TextParseException {
        String s = t.endsWith("m") || t.endsWith("M") ? t.substring(0, t.length() - 1) : t;
        boolean neg = signed && s.startsWith("-");
        if (neg) {
            s = s.substring(1);
        }
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        int w = CodeTable.parseDecimal(whole, 0, Integer.MAX_VALUE);
        if (w < 0 || frac.length() > 2 || !frac.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw in.error("bad " + what + ": '" + t + "'");
        }
        long cm = w * 100L + (frac.isEmpty() ? 0 : Integer.parseInt(frac) * (frac.length() == 1 ? 10 : 1));
        if (neg) {
            cm = -cm;
        }
        if (cm < min * 100 || cm > max * 100 + (max == 42_849_672 ? 95 : 0)) {
            throw in.error(what + " out of range: '" + t + "'");
        }
        return cm;
    }

    /** A size or precision as BIND encodes it: whole metres to one significant digit, or centimetres below 1 m. */
    private static int precision(Tokens in, String t, String what) throws TextParseException {
        long cm = metres(in, t, 0, 90_000_000, false, what);
        long m = cm / 100;
        int man;
        int exp;
        if (m > 0) {
            exp = 0;
            while (exp < 7 && m >= POW10[exp + 1]) {
                exp++;
            }
            man = (int) (m / POW10[exp]);
            exp += 2;
        } else if (cm >= 10) {
            man = (int) (cm / 10);
            exp = 1;
        } else {
            man = (int) cm;
            exp = 0;
        }
        return man << 4 | exp;
    }

    @Override
    public void print(LocRdata r, StringBuilder sb) {
        angle(sb, r.latitude(), 'N', 'S');
        sb.append(' ');
        angle(sb, r.longitude(), 'E', 'W');
        sb.append(' ');
        long alt = r.altitude();
        if (alt < 10_000_000L) {
            sb.append('-');
            alt = 10_000_000L - alt;
        } else {
            alt -= 10_000_000L;
        }
        sb.append(alt / 100).append('.');
        twoDigits(sb, alt % 100);
        sb.append("m ");
        precision(sb, r.size());
        sb.append(' ');
        precision(sb, r.horizontalPrecision());
        sb.append(' ');
        precision(sb, r.verticalPrecision());
    }

    private static void angle(StringBuilder sb, long raw, char positive, char negative) {
        boolean pos = raw >= LocRdata.EQUATOR;
        long x = pos ? raw - LocRdata.EQUATOR : LocRdata.EQUATOR - raw;
        long frac = x % 1000;
        x /= 1000;
        long s = x % 60;
        x /= 60;
        long m = x % 60;
        long d = x / 60;
        sb.append(d).append(' ').append(m).append(' ').append(s).append('.');
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac).append(' ').append(pos ? positive : negative);
    }

    private static void precision(StringBuilder sb, int v) {
        int man = v >>> 4;
        int exp = v & 0xF;
        if (exp > 1) {
            sb.append(man * POW10[exp - 2]).append('m');
        } else {
            sb.append("0.");
            twoDigits(sb, man * POW10[exp]);
            sb.append('m');
        }
    }

    private static void twoDigits(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }
}
