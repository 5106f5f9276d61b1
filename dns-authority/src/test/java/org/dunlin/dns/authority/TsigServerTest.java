package org.dunlin.dns.authority;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.tsig.SignedMessage;
import org.dunlin.dns.wire.tsig.Tsig;
import org.dunlin.dns.wire.tsig.TsigAlgorithm;
import org.dunlin.dns.wire.tsig.TsigError;
import org.dunlin.dns.wire.tsig.TsigKey;
import org.dunlin.dns.wire.tsig.TsigStreamVerifier;
import org.dunlin.dns.wire.tsig.TsigVerification;
import org.junit.jupiter.api.Test;

/**
 * TSIG on the server (RFC 8945): signed queries get signed answers, bad signatures get the §5.3.2 error
 * responses, and a key the transfer ACL names lets its holder transfer a zone, every message signed.
 */
class TsigServerTest {
    private static final Name ZONE = Name.of("test.");
    private static final TsigKey KEY = TsigKey.of("xfr-key.", TsigAlgorithm.HMAC_SHA256,
            "a secret of thirty-two octets!!!".getBytes(StandardCharsets.US_ASCII));
    private static final TsigKey OTHER = TsigKey.of("other-key.", TsigAlgorithm.HMAC_SHA256,
            "another secret, also 32 octets!!".getBytes(StandardCharsets.US_ASCII));
    private static final Tsig TSIG = new Tsig(Clock.systemUTC());

    private static AuthorityServer start(String... allowTransfer) throws Exception {
        StringBuilder text = new StringBuilder(TestSupport.zoneText("corners.zone")).append("\n$ORIGIN test.\n");
        for (int i = 0; i < 2000; i++) {
            text.append("host").append(i).append(" 300 IN A 192.0.2.").append(i % 250).append('\n');
        }
        return AuthorityServer.builder().zone(Zone.parse(ZONE, text.toString(), "tsig.zone"))
                .listen(new InetSocketAddress("127.0.0.1", 0)).workers(1).warmupQueries(0)
                .tsigKeys(List.of(KEY, OTHER)).allowTransfer(List.of(allowTransfer)).start();
    }

    private static byte[] soaQuery(int id) {
        return Message.builder().id(id).question(ZONE, RRType.SOA).build().toWire();
    }

    @Test
    void aSignedQueryGetsASignedAnswerThatVerifies() throws Exception {
        try (AuthorityServer s = start(); DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
            SignedMessage q = TSIG.signRequest(KEY, soaQuery(1));
            byte[] r = c.udpRaw(q.wire(), 2000);
            TsigVerification v = TSIG.verifyResponse(KEY, q.mac(), r);
            assertTrue(v.isVerified(), v.toString());
            Message m = Message.fromWire(r);
            assertEquals(Rcode.NOERROR, m.rcode());
            assertEquals(RRType.SOA, m.answer().get(0).type());
        }
    }

    @Test
    void aWrongSecretGetsBadsigAndAnUnknownKeyBadkey() throws Exception {
        try (AuthorityServer s = start(); DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
            TsigKey forged = TsigKey.of("xfr-key.", TsigAlgorithm.HMAC_SHA256, new byte[32]);
            SignedMessage q = TSIG.signRequest(forged, soaQuery(2));
            byte[] r = c.udpRaw(q.wire(), 2000);
            assertEquals(Rcode.NOTAUTH, Message.fromWire(r).rcode());
            assertTrue(Message.fromWire(r).answer().isEmpty(), "no data for a request that failed");
            TsigVerification v = TSIG.verifyResponse(forged, q.mac(), r);
            assertEquals(TsigVerification.Status.PEER_ERROR, v.status(), v.toString());
            assertEquals(TsigError.BADSIG, v.error());

            TsigKey unknown = TsigKey.of("nobody.", TsigAlgorithm.HMAC_SHA256, new byte[32]);
            SignedMessage u = TSIG.signRequest(unknown, soaQuery(3));
            TsigVerification uv = TSIG.verifyResponse(unknown, u.mac(), c.udpRaw(u.wire(), 2000));
            assertEquals(TsigError.BADKEY, uv.error(), uv.toString());
        }
    }

    @Test
    void aClockOutsideTheFudgeGetsBadtime() throws Exception {
        try (AuthorityServer s = start(); DnsClient c = new DnsClient(s.udpAddresses().get(0))) {
            Tsig late = new Tsig(Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
            SignedMessage q = late.signRequest(KEY, soaQuery(4));
            byte[] r = c.udpRaw(q.wire(), 2000);
            assertEquals(Rcode.NOTAUTH, Message.fromWire(r).rcode());
            TsigVerification v = late.verifyResponse(KEY, q.mac(), r);
            assertEquals(TsigError.BADTIME, v.error(), v.toString());
        }
    }

    @Test
    void aKeyTheAclNamesTransfersFromAnyAddressWithEveryMessageSigned() throws Exception {
        try (AuthorityServer s = start("10.0.0.0/8", "key:xfr-key")) {
            SignedMessage q = TSIG.signRequest(KEY, Message.builder().id(5).question(ZONE, RRType.AXFR).build().toWire());
            List<byte[]> messages = DnsClient.transfer(s.tcpAddresses().get(0), q.wire());
            assertTrue(messages.size() > 2, "the zone needs several messages: " + messages.size());
            TsigStreamVerifier verifier = TSIG.streamVerifier(KEY, q.mac());
            List<Record> records = new ArrayList<>();
            for (byte[] m : messages) {
                TsigVerification v = verifier.next(m);
                assertTrue(v.isVerified(), v.toString());
                records.addAll(Message.fromWire(m).answer());
            }
            assertTrue(verifier.finish().isVerified());
            assertEquals(RRType.SOA, records.get(0).type());
            assertEquals(RRType.SOA, records.get(records.size() - 1).type());

            // the same address without the key, or with a key the ACL does not name, is refused
            byte[] unsigned = Message.builder().id(6).question(ZONE, RRType.AXFR).build().toWire();
            assertEquals(Rcode.REFUSED, Message.fromWire(DnsClient.transfer(s.tcpAddresses().get(0), unsigned).get(0)).rcode());
            SignedMessage other = TSIG.signRequest(OTHER, Message.builder().id(7).question(ZONE, RRType.AXFR).build().toWire());
            byte[] refused = DnsClient.transfer(s.tcpAddresses().get(0), other.wire()).get(0);
            assertEquals(Rcode.REFUSED, Message.fromWire(refused).rcode());
            assertTrue(TSIG.verifyResponse(OTHER, other.mac(), refused).isVerified(), "the refusal is signed");
        }
    }

    @Test
    void anAclKeyThatIsNotConfiguredIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AuthorityServer.builder()
                .zone(Zone.parse(ZONE, TestSupport.zoneText("corners.zone"), "corners.zone"))
                .listen(new InetSocketAddress("127.0.0.1", 0)).allowTransfer(List.of("key:missing")).start());
        assertTrue(e.getMessage().contains("missing."), e.getMessage());
    }
}
