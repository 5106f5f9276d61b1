package org.dunlin.dns.wire.rdata;

import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.internal.Check;

/**
 * LOC: a geographical location (RFC 1876 §2), kept in its wire encoding. Only version 0 is defined;
 * sizes and precisions are {@code mantissa << 4 | exponent} in centimetres (each digit 0..9, and a
 * zero mantissa only for the value 0); latitude and longitude are thousandths of an arc second offset
 * by 2^31; altitude is centimetres above a base 100,000 m below the WGS 84 spheroid.
 * <pre>
 *   | VERSION (8) | SIZE (8) | HORIZ PRE (8) | VERT PRE (8) |
 *   |                    LATITUDE (32)                       |
 *   |                    LONGITUDE (32)                      |
 *   |                    ALTITUDE (32)                       |
 * </pre>
 */
public record LocRdata(int version, int size, int horizontalPrecision, int verticalPrecision, long latitude,
        long longitude, long altitude) implements Rdata {
    /** The latitude/longitude origin, 2^31 (the equator, the prime meridian). */
    public static final long EQUATOR = 0x80000000L;
    private static final long MAX_LAT = 90L * 3600 * 1000;
    private static final long MAX_LONG = 180L * 3600 * 1000;

    public LocRdata {
        if (version != 0) {
            throw new IllegalArgumentException("LOC.version must be 0 (RFC 1876 defines no other): " + version);
        }
        checkPrecision(size, "LOC.size");
        checkPrecision(horizontalPrecision, "LOC.horizontalPrecision");
        checkPrecision(verticalPrecision, "LOC.verticalPrecision");
        Check.u32(latitude, "LOC.latitude");
        Check.u32(longitude, "LOC.longitude");
        Check.u32(altitude, "LOC.altitude");
        if (Math.abs(latitude - EQUATOR) > MAX_LAT) {
            throw new IllegalArgumentException("LOC.latitude beyond 90 degrees");
        }
        if (Math.abs(longitude - EQUATOR) > MAX_LONG) {
            throw new IllegalArgumentException("LOC.longitude beyond 180 degrees");
        }
    }

    private static void checkPrecision(int v, String what) {
        Check.u8(v, what);
        int mantissa = v >>> 4;
        int exponent = v & 0xF;
        if (v != 0 && (mantissa > 9 || exponent > 9 || mantissa == 0)) {
            throw new IllegalArgumentException(what + " is not a valid mantissa/exponent octet: 0x" + Integer.toHexString(v));
        }
    }

    /** The latitude in degrees (north positive). */
    public double latitudeDegrees() {
        return (latitude - EQUATOR) / 3_600_000.0;
    }

    /** The longitude in degrees (east positive). */
    public double longitudeDegrees() {
        return (longitude - EQUATOR) / 3_600_000.0;
    }

    /** The altitude in metres above the WGS 84 spheroid. */
    public double altitudeMetres() {
        return (altitude - 10_000_000L) / 100.0;
    }

    @Override
    public RRType type() {
        return RRType.LOC;
    }
}
