package org.dunlin.properties.dnssec;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.tsig.SignedMessage;
import org.dunlin.dns.wire.tsig.Tsig;
import org.dunlin.dns.wire.tsig.TsigAlgorithm;
import org.dunlin.dns.wire.tsig.TsigError;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.dunlin.dns.wire.tsig.TsigKeyring;
import org.dunlin.dns.wire.tsig.TsigVerification;

/**
 * TSIG over arbitrary queries, keys and algorithms: what {@link Tsig} signs verifies on the other
 * side and answers verify back; any single-octet change outside the message ID (which RFC 8945 §4.3.1
 * replaces with Original ID) and outside letter case in names is rejected; and whatever octets arrive,
 * verification returns a result instead of throwing.
 */
class TsigProperties {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T00:00:00Z"), ZoneOffset.UTC);

    @Provide
    Arbitrary<TsigKey> keys() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(20).map(s -> s + ".keys.example.");
        Arbitrary<byte[]> secrets = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(80);
        return net.jqwik.api.Combinators.combine(names, Arbitraries.of(TsigAlgorithm.ALL), secrets)
                .as((n, a, s) -> TsigKey.of(n, a, s));
    }

    @Provide
    Arbitrary<byte[]> queries() {
        Arbitrary<String> qnames = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .ofMinLength(1).ofMaxLength(30).list().ofMinSize(0).ofMaxSize(4)
                .map(labels -> labels.isEmpty() ? "." : String.join(".", labels) + ".");
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 65535), qnames,
                Arbitraries.of(RRType.A, RRType.AAAA, RRType.MX, RRType.AXFR, RRType.SOA))
                .as((id, qname, type) -> Message.builder().id(id).question(Name.of(qname), type).build().toWire());
    }

    @Property
    void signedRequestsAndResponsesVerify(@ForAll("keys") TsigKey key, @ForAll("queries") byte[] query) {
        Tsig tsig = new Tsig(CLOCK);
        SignedMessage request = tsig.signRequest(key, query);
        TsigVerification server = tsig.verifyRequest(TsigKeyring.of(key), request.wire());
        if (!server.isVerified()) {
            throw new AssertionError("request: " + server);
        }
        byte[] response = query.clone();
        response[2] |= (byte) 0x80;
        TsigVerification client = tsig.verifyResponse(key, request.mac(), tsig.signResponse(server, response));
        if (!client.isVerified()) {
            throw new AssertionError("response: " + client);
        }
    }

    @Property
    void anyChangedOctetIsRejected(@ForAll("keys") TsigKey key, @ForAll("queries") byte[] query,
            @ForAll @IntRange(min = 2, max = 10_000) int position, @ForAll @IntRange(min = 1, max = 255) int mask) {
        Tsig tsig = new Tsig(CLOCK);
        byte[] signed = tsig.signRequest(key, query).wire();
        int at = 2 + position % (signed.length - 2);
        byte original = signed[at];
        byte changed = (byte) (original ^ mask);
        if (Character.toLowerCase((char) (original & 0xff)) == Character.toLowerCase((char) (changed & 0xff))
                && Character.isLetter((char) (original & 0xff)) && (original & 0xff) < 128 && (changed & 0xff) < 128) {
            return; // a case change in a name is not a change (RFC 4343); it may legitimately verify
        }
        signed[at] = changed;
        TsigVerification v = tsig.verifyRequest(TsigKeyring.of(key), signed);
        if (v.isVerified()) {
            throw new AssertionError("changed octet " + at + " still verifies");
        }
    }

    @Property
    void arbitraryOctetsNeverThrow(@ForAll @Size(max = 600) List<Byte> octets, @ForAll("keys") TsigKey key) {
        byte[] message = new byte[octets.size()];
        for (int i = 0; i < message.length; i++) {
            message[i] = octets.get(i);
        }
        Tsig tsig = new Tsig(CLOCK);
        TsigVerification v = tsig.verifyRequest(TsigKeyring.of(key), message);
        if (v.isVerified()) {
            throw new AssertionError("random octets verified");
        }
        if (v.status() == TsigVerification.Status.FAILED && v.error().equals(TsigError.NOERROR)) {
            throw new AssertionError("a failure without an error code: " + v);
        }
        tsig.verifyResponse(key, new byte[32], message);
    }
}
