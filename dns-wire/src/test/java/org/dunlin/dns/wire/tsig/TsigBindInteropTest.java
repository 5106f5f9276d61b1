package org.dunlin.dns.wire.tsig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dunlin.dns.wire.dnssec.internal.WireScan;
import org.dunlin.dns.wire.dnssec.peers.NamedServer;
import org.dunlin.dns.wire.dnssec.peers.Peers;
import org.dunlin.dns.wire.tsig.TsigVerification.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TSIG interop with BIND in both directions: our signed queries to a real {@code named} (every
 * algorithm), a wrong secret answered with BADSIG, a TSIG-signed multi-message AXFR verified envelope
 * by envelope; and BIND's {@code dig} signing queries to a small UDP responder that uses our verifier
 * and signer.
 */
@Timeout(120)
class TsigBindInteropTest {

    private static final byte[] SECRET = "interop secret for dunlin tsig".getBytes(StandardCharsets.US_ASCII);
    private static final String B64 = Base64.getEncoder().encodeToString(SECRET);
    private static final int ZONE_HOSTS = 3000;

    @TempDir
    static Path dir;
    private static NamedServer named;

    @BeforeAll
    static void startNamed() throws Exception {
        StringBuilder zone = new StringBuilder("$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\n"
                + "ns A 127.0.0.1\nwww A 192.0.2.1\n");
        for (int i = 0; i < ZONE_HOSTS; i++) {
            zone.append("host").append(i).append(" TXT \"padding record number ").append(i)
                    .append(" to make the transfer span several messages\"\n");
        }
        Files.writeString(dir.resolve("example.zone"), zone.toString());
        StringBuilder conf = new StringBuilder();
        for (TsigAlgorithm a : TsigAlgorithm.ALL) {
            conf.append("key \"").append(keyName(a)).append("\" { algorithm ").append(a.bindName())
                    .append("; secret \"").append(B64).append("\"; };\n");
        }
        conf.append("zone \"example.\" { type primary; file \"").append(dir.resolve("example.zone"))
                .append("\"; allow-transfer { key ").append(keyName(TsigAlgorithm.HMAC_SHA256)).append("; }; };\n");
        named = NamedServer.start(dir, conf.toString());
    }

    @AfterAll
    static void stopNamed() throws Exception {
        if (named != null) {
            named.close();
        }
    }

    private static String keyName(TsigAlgorithm a) {
        return "key-" + a.bindName() + ".dunlin.test";
    }

    @Test
    void namedAnswersOurSignedQueriesWithTsigsWeVerify() throws Exception {
        Tsig tsig = new Tsig(Clock.systemUTC());
        for (TsigAlgorithm algorithm : TsigAlgorithm.ALL) {
            TsigKey key = TsigKey.of(keyName(algorithm), algorithm, SECRET);
            SignedMessage request = tsig.signRequest(key, TestMessages.query(0x4242, "www.example.", 1));
            byte[] response = udpExchange(named.port(), request.wire());
            assertEquals(0, TestMessages.rcode(response), algorithm + ": " + named.log());
            TsigVerification v = tsig.verifyResponse(key, request.mac(), response);
            assertEquals(Status.VERIFIED, v.status(), algorithm + ": " + v);
            assertTrue(containsAddress(response, new byte[] {(byte) 192, 0, 2, 1}));
        }
    }

    @Test
    void namedAnswersAWrongSecretWithBadsigAndWeReportIt() throws Exception {
        Tsig tsig = new Tsig(Clock.systemUTC());
        TsigKey wrong = TsigKey.of(keyName(TsigAlgorithm.HMAC_SHA256), TsigAlgorithm.HMAC_SHA256,
                "not the secret named has".getBytes(StandardCharsets.US_ASCII));
        SignedMessage request = tsig.signRequest(wrong, TestMessages.query(0x4343, "www.example.", 1));
        byte[] response = udpExchange(named.port(), request.wire());
        assertEquals(Tsig.RCODE_NOTAUTH, TestMessages.rcode(response));
        TsigVerification v = tsig.verifyResponse(wrong, request.mac(), response);
        assertEquals(Status.PEER_ERROR, v.status(), v.toString());
        assertEquals(TsigError.BADSIG, v.error());
        assertTrue(named.log().contains("tsig verify failure") || named.log().contains("BADSIG")
                || named.log().contains("bad signature"), "named logged the failure");
    }

    @Test
    void aTsigSignedAxfrFromNamedVerifiesEnvelopeByEnvelope() throws Exception {
        Tsig tsig = new Tsig(Clock.systemUTC());
        TsigKey key = TsigKey.of(keyName(TsigAlgorithm.HMAC_SHA256), TsigAlgorithm.HMAC_SHA256, SECRET);
        SignedMessage request = tsig.signRequest(key, TestMessages.query(0x4444, "example.", 252));
        TsigStreamVerifier verifier = tsig.streamVerifier(key, request.mac());
        int envelopes = 0;
        int signedEnvelopes = 0;
        int soas = 0;
        int records = 0;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), named.port()), 10_000);
            socket.setSoTimeout(20_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(request.wire().length);
            out.write(request.wire());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (soas < 2 && envelopes < 10_000) {
                byte[] message = new byte[in.readUnsignedShort()];
                in.readFully(message);
                envelopes++;
                assertEquals(0, TestMessages.rcode(message), "AXFR refused: " + named.log());
                TsigVerification v = verifier.next(message);
                assertTrue(v.status() == Status.VERIFIED || v.status() == Status.UNSIGNED,
                        "envelope " + envelopes + ": " + v);
                if (v.isVerified()) {
                    signedEnvelopes++;
                }
                int[] counts = answerTypes(message);
                records += counts[0];
                soas += counts[1];
            }
        }
        assertTrue(envelopes > 1, "the transfer should span several messages, got " + envelopes);
        assertEquals(ZONE_HOSTS + 5, records, "SOA, NS, A, A, TXT records and the closing SOA");
        assertTrue(verifier.finish().isVerified());
        assertTrue(signedEnvelopes >= 2);
    }

    @Test
    void digSignsQueriesThatOurVerifierAcceptsAndVerifiesOurSignedAnswers() throws Exception {
        String dig = Peers.require("dig");
        TsigKey good = TsigKey.of("dig-key.dunlin.test", TsigAlgorithm.HMAC_SHA512, SECRET);
        try (Responder responder = new Responder(TsigKeyring.of(good))) {
            String ok = Peers.runOk(dir, 30, dig, "@127.0.0.1", "-p", Integer.toString(responder.port()),
                    "+tries=1", "+time=5", "+noedns", "-y", "hmac-sha512:dig-key.dunlin.test:" + B64,
                    "www.example.", "A");
            assertTrue(ok.contains("192.0.2.1"), ok);
            assertFalse(ok.contains("Couldn't verify") || ok.contains("WARNING -- Some TSIG"), ok);
            assertEquals(Status.VERIFIED, responder.results.get(0).status());

            String wrongSecret = Base64.getEncoder().encodeToString("a different secret".getBytes(StandardCharsets.US_ASCII));
            Peers.Result bad = Peers.run(dir, 30, dig, "@127.0.0.1", "-p", Integer.toString(responder.port()),
                    "+tries=1", "+time=5", "+noedns", "-y", "hmac-sha512:dig-key.dunlin.test:" + wrongSecret,
                    "www.example.", "A");
            TsigVerification ours = responder.results.get(1);
            assertEquals(TsigError.BADSIG, ours.error(), ours.toString());
            assertTrue(bad.output().contains("NOTAUTH"), bad.output());
            assertTrue(bad.output().contains("BADSIG") || bad.output().contains("tsig indicates error"), bad.output());
        }
    }

    /** Sends one UDP datagram and waits (bounded) for the answer. */
    private static byte[] udpExchange(int port, byte[] query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(10_000);
            socket.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), port));
            byte[] buffer = new byte[65535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            return java.util.Arrays.copyOf(buffer, packet.getLength());
        }
    }

    private static boolean containsAddress(byte[] message, byte[] address) {
        outer:
        for (int i = 0; i + address.length <= message.length; i++) {
            for (int j = 0; j < address.length; j++) {
                if (message[i + j] != address[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** {answer count, SOA records among them}. */
    private static int[] answerTypes(byte[] message) throws WireScan.MalformedException {
        int qd = WireScan.u16(message, 4);
        int an = WireScan.u16(message, 6);
        int p = WireScan.HEADER;
        for (int i = 0; i < qd; i++) {
            p = WireScan.skipName(message, p) + 4;
        }
        int soa = 0;
        for (int i = 0; i < an; i++) {
            p = WireScan.skipName(message, p);
            if (WireScan.u16(message, p) == 6) {
                soa++;
            }
            p += 10 + WireScan.u16(message, p + 8);
        }
        return new int[] {an, soa};
    }

    /** A one-thread UDP responder that checks TSIG with our code and answers www.example. A 192.0.2.1. */
    private static final class Responder implements AutoCloseable {
        final DatagramSocket socket;
        final Thread thread;
        final List<TsigVerification> results = new CopyOnWriteArrayList<>();
        volatile boolean running = true;

        Responder(TsigKeyring keys) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(200);
            Tsig tsig = new Tsig(Clock.systemUTC());
            thread = new Thread(() -> serve(keys, tsig), "tsig-test-responder");
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(TsigKeyring keys, Tsig tsig) {
            byte[] buffer = new byte[4096];
            while (running) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    byte[] query = java.util.Arrays.copyOf(buffer, packet.getLength());
                    TsigVerification v = tsig.verifyRequest(keys, query);
                    results.add(v);
                    byte[] answer = tsig.signResponse(v, answerFor(query));
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                } catch (SocketTimeoutException idle) {
                    // poll the running flag
                } catch (IOException | RuntimeException | WireScan.MalformedException e) {
                    if (running) {
                        results.add(TsigVerification.failed(TsigError.FORMERR, e.toString(), null, null));
                    }
                }
            }
        }

        private static byte[] answerFor(byte[] query) throws WireScan.MalformedException {
            int questionEnd = WireScan.skipName(query, WireScan.HEADER) + 4;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(query[0]);
            out.write(query[1]);
            out.writeBytes(new byte[] {(byte) 0x84, 0, 0, 1, 0, 1, 0, 0, 0, 0});
            out.write(query, WireScan.HEADER, questionEnd - WireScan.HEADER);
            out.writeBytes(new byte[] {(byte) 0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 1, 0x2c, 0, 4, (byte) 192, 0, 2, 1});
            return out.toByteArray();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            socket.close();
            thread.join(5_000);
        }
    }
}
