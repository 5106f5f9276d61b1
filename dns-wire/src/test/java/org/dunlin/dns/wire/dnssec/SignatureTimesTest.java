package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.dunlin.dns.wire.dnssec.SignatureTimes.Validity;
import org.junit.jupiter.api.Test;

/** RFC 1982 serial arithmetic on RRSIG times, including windows that span the 2106 wrap. */
class SignatureTimesTest {

    @Test
    void windowBoundariesAreInclusive() {
        long inc = SignatureTimes.parse("20100812100439");
        long exp = SignatureTimes.parse("20100909100439");
        assertEquals(Validity.VALID, SignatureTimes.check(inc, exp, Instant.parse("2010-08-12T10:04:39Z")));
        assertEquals(Validity.VALID, SignatureTimes.check(inc, exp, Instant.parse("2010-09-09T10:04:39Z")));
        assertEquals(Validity.NOT_YET_VALID, SignatureTimes.check(inc, exp, Instant.parse("2010-08-12T10:04:38Z")));
        assertEquals(Validity.EXPIRED, SignatureTimes.check(inc, exp, Instant.parse("2010-09-09T10:04:40Z")));
        assertEquals(Validity.EMPTY_WINDOW, SignatureTimes.check(exp, inc, Instant.parse("2010-08-20T00:00:00Z")));
    }

    @Test
    void windowsAcrossThe2106WrapWork() {
        Instant inception = Instant.parse("2106-02-01T00:00:00Z");
        Instant expiration = Instant.parse("2106-03-01T00:00:00Z"); // after 2^32 s: the field wraps
        long inc = SignatureTimes.toField(inception);
        long exp = SignatureTimes.toField(expiration);
        assertEquals(true, exp < inc, "the expiration field has wrapped");
        assertEquals(Validity.VALID, SignatureTimes.check(inc, exp, Instant.parse("2106-02-15T00:00:00Z")));
        assertEquals(Validity.EXPIRED, SignatureTimes.check(inc, exp, Instant.parse("2106-03-02T00:00:00Z")));
        assertEquals(Validity.NOT_YET_VALID, SignatureTimes.check(inc, exp, Instant.parse("2106-01-31T00:00:00Z")));
        assertEquals(expiration, SignatureTimes.toInstant(exp, Instant.parse("2106-02-15T00:00:00Z")));
    }

    @Test
    void parsesBothPresentationForms() {
        assertEquals(1440021600L, SignatureTimes.parse("20150819220000"));
        assertEquals(1440021600L, SignatureTimes.parse("1440021600"));
        assertEquals("20150819220000", SignatureTimes.format(Instant.ofEpochSecond(1440021600L)));
        assertThrows(IllegalArgumentException.class, () -> SignatureTimes.parse("20151319220000"));
        assertThrows(IllegalArgumentException.class, () -> SignatureTimes.parse("4294967296"));
        assertThrows(IllegalArgumentException.class, () -> SignatureTimes.parse("yesterday"));
    }
}
