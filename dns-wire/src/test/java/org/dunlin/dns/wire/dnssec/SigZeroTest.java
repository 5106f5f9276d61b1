package org.dunlin.dns.wire.dnssec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.dnssec.SigZero.Status;
import org.dunlin.dns.wire.dnssec.peers.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIG(0) (RFC 2931): round trips, tampering, wrong keys and validity windows; and interop with BIND:
 * our verifier accepts the dynamic update {@code nsupdate} signs with KEY files we generated (so BIND's
 * signed-data layout and ours agree; signing and verification here share it). {@code named} itself
 * no longer verifies SIG(0) since BIND 9.18.28 (the CVE-2024-1975 fix removed it), so the other
 * direction cannot be tested against BIND.
 */
@Timeout(120)
class SigZeroTest {

    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private static final Name HOST = Name.of("host.example.test.");

    @TempDir
    Path dir;

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    static byte[] name(String text) {
        return Name.of(text).toWire();
    }

    /** A dynamic update adding {@code owner 300 IN A address} to {@code zone} (RFC 2136 §2). */
    static byte[] update(int id, String zone, String owner, byte[] address) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (id >>> 8), (byte) id, 0x28, 0, 0, 1, 0, 0, 0, 1, 0, 0});
        out.writeBytes(name(zone));
        out.writeBytes(new byte[] {0, 6, 0, 1});
        out.writeBytes(name(owner));
        out.writeBytes(new byte[] {0, 1, 0, 1, 0, 0, 1, 0x2c, 0, 4});
        out.writeBytes(address);
        return out.toByteArray();
    }

    @Test
    void requestsAndResponsesRoundTripForEveryAlgorithm() {
        for (DnssecAlgorithm alg : List.of(DnssecAlgorithm.RSASHA256, DnssecAlgorithm.ECDSAP256SHA256,
                DnssecAlgorithm.ED25519, DnssecAlgorithm.ED448)) {
            SigningKey client = SigningKey.generate(HOST, SigningKey.HOST_KEY_FLAGS, alg, alg.isRsa() ? 1024 : 0,
                    new SecureRandom());
            SigningKey server = SigningKey.generate(Name.of("ns.example.test."), SigningKey.HOST_KEY_FLAGS, alg,
                    alg.isRsa() ? 1024 : 0, new SecureRandom());
            SigZero sig0 = new SigZero(at(T0), new SecureRandom());
            byte[] request = sig0.signRequest(update(7, "example.test.", "a.example.test.", new byte[] {1, 2, 3, 4}),
                    client);
            assertEquals(1, request[11]);
            assertTrue(sig0.verifyRequest(request, client.publicKey()).isValid(), alg.toString());
            byte[] response = sig0.signResponse(new byte[] {0, 7, (byte) 0xa8, 0, 0, 0, 0, 0, 0, 0, 0, 0}, request, server);
            assertTrue(sig0.verifyResponse(response, request, server.publicKey()).isValid(), alg.toString());
            // A response replayed for another request does not verify.
            byte[] otherRequest = sig0.signRequest(update(8, "example.test.", "b.example.test.", new byte[] {1, 2, 3, 4}),
                    client);
            assertEquals(Status.BAD_SIGNATURE, sig0.verifyResponse(response, otherRequest, server.publicKey()).status());
            assertEquals(Status.WRONG_KEY, sig0.verifyRequest(request, server.publicKey()).status());
        }
    }

    @Test
    void changedBytesTimesAndMissingSignaturesAreReported() {
        SigningKey client = SigningKey.generate(HOST, SigningKey.HOST_KEY_FLAGS, DnssecAlgorithm.ED25519, 0, new SecureRandom());
        SigZero sig0 = new SigZero(at(T0), null);
        byte[] unsigned = update(9, "example.test.", "a.example.test.", new byte[] {1, 2, 3, 4});
        byte[] request = sig0.signRequest(unsigned, client);
        for (int i = 2; i < unsigned.length; i++) {
            byte[] copy = request.clone();
            copy[i] ^= 1;
            SigZero.Verification v = sig0.verifyRequest(copy, client.publicKey());
            assertFalse(v.isValid(), "changed octet " + i + ": " + v);
        }
        assertEquals(Status.UNSIGNED, sig0.verifyRequest(unsigned, client.publicKey()).status());
        assertEquals(Status.MALFORMED, sig0.verifyRequest(Arrays.copyOf(request, request.length - 70),
                client.publicKey()).status());
        assertEquals(Status.EXPIRED, new SigZero(at(T0.plus(Duration.ofMinutes(6))), null)
                .verifyRequest(request, client.publicKey()).status());
        assertEquals(Status.NOT_YET_VALID, new SigZero(at(T0.minus(Duration.ofMinutes(6))), null)
                .verifyRequest(request, client.publicKey()).status());
        assertTrue(new SigZero(at(T0.plus(Duration.ofMinutes(4))), null).verifyRequest(request, client.publicKey()).isValid());
    }

    @Test
    void nsupdateSignaturesWithOurKeyFilesVerify() throws Exception {
        String nsupdate = Peers.require("nsupdate");
        SigningKey key = SigningKey.generate(HOST, SigningKey.HOST_KEY_FLAGS, DnssecAlgorithm.ED25519, 0, new SecureRandom());
        Path base = BindKeyFiles.write(key, dir, Instant.now(), RRType.KEY);
        List<SigZero.Verification> seen = new CopyOnWriteArrayList<>();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(200);
            SigZero sig0 = new SigZero(Clock.systemUTC(), null);
            Thread responder = new Thread(() -> {
                byte[] buffer = new byte[4096];
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                        byte[] message = Arrays.copyOf(buffer, packet.getLength());
                        seen.add(sig0.verifyRequest(message, key.publicKey()));
                        byte[] answer = Arrays.copyOf(message, 12);
                        answer[2] = (byte) 0xa8;
                        answer[3] = 0;
                        Arrays.fill(answer, 4, 12, (byte) 0);
                        socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                    } catch (SocketTimeoutException idle) {
                        // poll again
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "sig0-test-responder");
            responder.start();
            Path script = dir.resolve("update.txt");
            Files.writeString(script, "server 127.0.0.1 " + socket.getLocalPort() + "\nzone example.test.\n"
                    + "update add added.example.test. 300 A 192.0.2.9\nsend\n");
            Peers.run(dir, 60, nsupdate, "-t", "5", "-r", "0", "-k", base + ".private", script.toString());
            responder.join(35_000);
        }
        assertEquals(1, seen.size(), "nsupdate's update reached the responder");
        assertTrue(seen.get(0).isValid(), seen.get(0).toString());
    }

    private static byte[] exchange(int port, byte[] query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(10_000);
            socket.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), port));
            byte[] buffer = new byte[65535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            return Arrays.copyOf(buffer, packet.getLength());
        }
    }
}
