package org.dunlin.dns.wire.tsig;

import static org.dunlin.dns.wire.tsig.TestMessages.answer;
import static org.dunlin.dns.wire.tsig.TestMessages.at;
import static org.dunlin.dns.wire.tsig.TestMessages.query;
import static org.dunlin.dns.wire.tsig.TestMessages.rcode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dunlin.dns.wire.tsig.TsigVerification.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** TSIG request/response/stream behaviour against RFC 8945 and RFC 4635, with a fixed clock. */
class TsigTest {

    private static final long T0 = 1_700_000_000L;
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final TsigKey KEY = TsigKey.of("Transfer.Example.", TsigAlgorithm.HMAC_SHA256, SECRET);
    private static final byte[] ADDR = {(byte) 192, 0, 2, 1};

    static Iterable<TsigAlgorithm> algorithms() {
        return TsigAlgorithm.ALL;
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void requestAndResponseVerifyForEveryAlgorithm(TsigAlgorithm algorithm) {
        TsigKey key = TsigKey.of("k.example.", algorithm, SECRET);
        Tsig client = new Tsig(at(T0));
        Tsig server = new Tsig(at(T0 + 20));
        SignedMessage request = client.signRequest(key, query(0x1234, "www.example.", 1));
        assertEquals(algorithm.outputLength(), request.mac().length);
        TsigVerification checked = server.verifyRequest(TsigKeyring.of(key), request.wire());
        assertEquals(Status.VERIFIED, checked.status(), checked.toString());
        assertEquals(T0, checked.record().timeSigned());
        byte[] response = server.signResponse(checked, answer(0x1234, "www.example.", ADDR));
        TsigVerification result = client.verifyResponse(key, request.mac(), response);
        assertTrue(result.isVerified(), result.toString());
        // A response verified against another request's MAC must fail (RFC 8945 §4.3.1).
        byte[] otherMac = request.mac();
        otherMac[0] ^= 1;
        assertEquals(TsigError.BADSIG, client.verifyResponse(key, otherMac, response).error());
    }

    @Test
    void everyFlippedByteOfASignedRequestIsRejected() {
        Tsig tsig = new Tsig(at(T0));
        byte[] signed = tsig.signRequest(KEY, query(7, "www.example.", 28)).wire();
        for (int i = 0; i < signed.length; i++) {
            byte[] copy = signed.clone();
            copy[i] ^= 0x01; // not 0x20: a case change in a name is legitimately ignored
            TsigVerification v = tsig.verifyRequest(TsigKeyring.of(KEY), copy);
            if (i == 0 || i == 1) {
                // The ID is replaced by Original ID before digesting (RFC 8945 §4.3.1): forwarders may change it.
                assertTrue(v.isVerified(), "ID octet " + i);
                continue;
            }
            assertFalse(v.isVerified(), "flipped octet " + i + " still verified");
        }
    }

    @Test
    void keyNamesCompareCaseInsensitively() {
        Tsig tsig = new Tsig(at(T0));
        byte[] signed = tsig.signRequest(KEY, query(7, "a.", 1)).wire();
        TsigKey lower = TsigKey.of("transfer.example", TsigAlgorithm.HMAC_SHA256, SECRET);
        assertTrue(tsig.verifyRequest(TsigKeyring.of(lower), signed).isVerified());
        assertEquals("transfer.example.", KEY.name().toString());
    }

    @Test
    void unknownKeyOrAlgorithmIsBadkeyAndAnsweredUnsigned() {
        Tsig tsig = new Tsig(at(T0));
        SignedMessage request = tsig.signRequest(KEY, query(9, "www.example.", 1));
        TsigKey other = TsigKey.of("other.", TsigAlgorithm.HMAC_SHA256, SECRET);
        TsigVerification v = tsig.verifyRequest(TsigKeyring.of(other), request.wire());
        assertEquals(Status.FAILED, v.status());
        assertEquals(TsigError.BADKEY, v.error());
        TsigKey sameNameOtherAlg = TsigKey.of("transfer.example.", TsigAlgorithm.HMAC_SHA512, SECRET);
        assertEquals(TsigError.BADKEY, tsig.verifyRequest(TsigKeyring.of(sameNameOtherAlg), request.wire()).error());

        byte[] response = tsig.signResponse(v, answer(9, "www.example.", ADDR));
        assertEquals(Tsig.RCODE_NOTAUTH, rcode(response));
        TsigVerification seen = tsig.verifyResponse(KEY, request.mac(), response);
        assertEquals(Status.PEER_ERROR, seen.status());
        assertEquals(TsigError.BADKEY, seen.error());
        assertTrue(seen.reason().contains("unsigned"), seen.reason());
    }

    @Test
    void wrongSecretIsBadsigOnBothSides() {
        Tsig tsig = new Tsig(at(T0));
        TsigKey wrong = TsigKey.of("transfer.example.", TsigAlgorithm.HMAC_SHA256,
                "another secret, another secret!".getBytes(StandardCharsets.US_ASCII));
        SignedMessage request = tsig.signRequest(wrong, query(10, "www.example.", 1));
        TsigVerification v = tsig.verifyRequest(TsigKeyring.of(KEY), request.wire());
        assertEquals(TsigError.BADSIG, v.error());
        byte[] response = tsig.signResponse(v, answer(10, "www.example.", ADDR));
        TsigRecord carried = TsigRecord.read(response).orElseThrow();
        assertEquals(0, carried.mac().length, "BADSIG answers are unsigned (RFC 8945 §5.3.2)");
        TsigVerification seen = tsig.verifyResponse(wrong, request.mac(), response);
        assertEquals(Status.PEER_ERROR, seen.status());
        assertEquals(TsigError.BADSIG, seen.error());
    }

    @Test
    void clockSkewBeyondFudgeIsBadtimeAndTheErrorResponseIsSignedWithServerTime() {
        Tsig client = new Tsig(at(T0), 300);
        SignedMessage request = client.signRequest(KEY, query(11, "www.example.", 1));
        Tsig server = new Tsig(at(T0 + 301));
        TsigVerification v = server.verifyRequest(TsigKeyring.of(KEY), request.wire());
        assertEquals(TsigError.BADTIME, v.error());
        assertTrue(new Tsig(at(T0 - 300)).verifyRequest(TsigKeyring.of(KEY), request.wire()).isVerified(),
                "exactly at the edge of the window");
        byte[] response = server.signResponse(v, answer(11, "www.example.", ADDR));
        TsigRecord carried = TsigRecord.read(response).orElseThrow();
        assertEquals(T0, carried.timeSigned(), "BADTIME keeps the client's time (RFC 8945 §5.2.3)");
        assertEquals(T0 + 301, carried.otherTime());
        TsigVerification seen = client.verifyResponse(KEY, request.mac(), response);
        assertEquals(Status.PEER_ERROR, seen.status());
        assertEquals(TsigError.BADTIME, seen.error());
        assertTrue(seen.reason().contains("verified"), seen.reason());
    }

    @Test
    void truncatedMacsFollowRfc4635() {
        Tsig tsig = new Tsig(at(T0));
        TsigKey truncated = TsigKey.truncated("transfer.example.", TsigAlgorithm.HMAC_SHA256, SECRET, 16);
        SignedMessage request = tsig.signRequest(truncated, query(12, "www.example.", 1));
        assertEquals(16, request.mac().length);
        // Accepted by a server whose policy allows 128-bit MACs ...
        assertTrue(tsig.verifyRequest(TsigKeyring.of(truncated), request.wire()).isVerified());
        // ... but BADTRUNC where full-length MACs are required (RFC 4635 §4).
        assertEquals(TsigError.BADTRUNC, tsig.verifyRequest(TsigKeyring.of(KEY), request.wire()).error());
        assertThrows(IllegalArgumentException.class,
                () -> TsigKey.truncated("k.", TsigAlgorithm.HMAC_SHA256, SECRET, 15));
        assertThrows(IllegalArgumentException.class,
                () -> TsigKey.truncated("k.", TsigAlgorithm.HMAC_MD5, SECRET, 9));
    }

    @Test
    void malformedTsigPlacementIsFormerr() {
        Tsig tsig = new Tsig(at(T0));
        byte[] signed = tsig.signRequest(KEY, query(13, "www.example.", 1)).wire();
        // Two TSIGs: sign the signed message again by hand-appending another copy of the record.
        int recordStart = TsigRecord.read(signed).orElseThrow().offset();
        byte[] twice = Arrays.copyOf(signed, signed.length + signed.length - recordStart);
        System.arraycopy(signed, recordStart, twice, signed.length, signed.length - recordStart);
        twice[11] = 2;
        TsigVerification formerr = tsig.verifyRequest(TsigKeyring.of(KEY), twice);
        assertEquals(TsigError.FORMERR, formerr.error());
        byte[] answer = tsig.signResponse(formerr, answer(13, "www.example.", ADDR));
        assertEquals(Tsig.RCODE_FORMERR, rcode(answer));
        assertTrue(TsigRecord.read(answer).isEmpty(), "no TSIG on a FORMERR answer");
        assertEquals(TsigError.FORMERR, tsig.verifyRequest(TsigKeyring.of(KEY),
                Arrays.copyOf(signed, signed.length - 1)).error());
        assertEquals(Status.UNSIGNED, tsig.verifyRequest(TsigKeyring.of(KEY), query(1, "a.", 1)).status());
        assertThrows(IllegalArgumentException.class, () -> tsig.signRequest(KEY, signed));
    }

    @Test
    void unsignedRequestsGetUnsignedAnswers() {
        Tsig tsig = new Tsig(at(T0));
        TsigVerification v = tsig.verifyRequest(TsigKeyring.of(KEY), query(1, "a.", 1));
        byte[] response = answer(1, "a.", ADDR);
        assertArrayEquals(response, tsig.signResponse(v, response));
    }

    @Test
    void multiMessageStreamsVerifyWithUnsignedEnvelopesInBetween() {
        Tsig client = new Tsig(at(T0));
        SignedMessage request = client.signRequest(KEY, query(20, "example.", 252));
        Tsig server = new Tsig(at(T0 + 1));
        TsigStreamSigner signer = server.streamSigner(server.verifyRequest(TsigKeyring.of(KEY), request.wire()));
        byte[][] envelopes = new byte[5][];
        envelopes[0] = signer.sign(answer(20, "example.", ADDR));
        envelopes[1] = signer.pass(answer(20, "example.", new byte[] {10, 0, 0, 1}));
        envelopes[2] = signer.pass(answer(20, "example.", new byte[] {10, 0, 0, 2}));
        envelopes[3] = signer.sign(answer(20, "example.", new byte[] {10, 0, 0, 3}));
        envelopes[4] = signer.sign(answer(20, "example.", new byte[] {10, 0, 0, 4}));

        TsigStreamVerifier verifier = client.streamVerifier(KEY, request.mac());
        Status[] expected = {Status.VERIFIED, Status.UNSIGNED, Status.UNSIGNED, Status.VERIFIED, Status.VERIFIED};
        for (int i = 0; i < envelopes.length; i++) {
            assertEquals(expected[i], verifier.next(envelopes[i]).status(), "envelope " + i);
        }
        assertTrue(verifier.finish().isVerified());

        // A changed unsigned envelope is caught by the next signed one.
        TsigStreamVerifier tampered = client.streamVerifier(KEY, request.mac());
        tampered.next(envelopes[0]);
        byte[] changed = envelopes[1].clone();
        changed[changed.length - 1] ^= 1;
        assertEquals(Status.UNSIGNED, tampered.next(changed).status());
        tampered.next(envelopes[2]);
        assertEquals(TsigError.BADSIG, tampered.next(envelopes[3]).error());
        assertEquals(TsigError.BADSIG, tampered.finish().error());

        // Dropping an envelope, or ending unsigned, also fails.
        TsigStreamVerifier dropped = client.streamVerifier(KEY, request.mac());
        dropped.next(envelopes[0]);
        dropped.next(envelopes[1]);
        assertEquals(TsigError.BADSIG, dropped.next(envelopes[3]).error());
        TsigStreamVerifier truncatedStream = client.streamVerifier(KEY, request.mac());
        truncatedStream.next(envelopes[0]);
        truncatedStream.next(envelopes[1]);
        assertFalse(truncatedStream.finish().isVerified());
    }

    @Test
    void streamsRequireASignatureEveryHundredEnvelopes() {
        Tsig tsig = new Tsig(at(T0));
        SignedMessage request = tsig.signRequest(KEY, query(21, "example.", 252));
        TsigStreamSigner signer = tsig.streamSigner(tsig.verifyRequest(TsigKeyring.of(KEY), request.wire()));
        TsigStreamVerifier verifier = tsig.streamVerifier(KEY, request.mac());
        assertThrows(IllegalStateException.class, () -> signer.pass(answer(21, "example.", ADDR)));
        assertTrue(verifier.next(signer.sign(answer(21, "example.", ADDR))).isVerified());
        for (int i = 0; i < TsigStreamSigner.MAX_UNSIGNED_RUN; i++) {
            assertEquals(Status.UNSIGNED, verifier.next(signer.pass(answer(21, "example.", ADDR))).status());
        }
        assertThrows(IllegalStateException.class, () -> signer.pass(answer(21, "example.", ADDR)));
        assertEquals(TsigError.FORMERR, verifier.next(answer(21, "example.", ADDR)).error());
    }
}
