package org.dunlin.futures.io.tls;

import static org.dunlin.futures.io.Loopback.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.Loopback;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.TcpListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS over real loopback sockets: our client and server, mutual TLS, and interop with the JDK's SSLSocket. */
class TlsConnectionTest {
    static TestPki.Identity ca;
    static TestPki.Identity server;
    static TestPki.Identity alice;
    static TestPki.Identity mallory;
    static IoRuntime rt;

    @BeforeAll
    static void setUp() throws Exception {
        ca = TestPki.ca("Test CA");
        server = TestPki.issue(ca, "server");
        alice = TestPki.issue(ca, "alice");
        mallory = TestPki.issue(TestPki.ca("Other CA"), "mallory");
        rt = IoRuntime.builder().name("tls-test").ioThreads(2).build();
    }

    @AfterAll
    static void tearDown() {
        rt.close();
    }

    private static TlsConfig serverConfig(ClientAuth auth, CertificatePolicy policy) {
        TlsConfig.Builder b = TlsConfig.server(server.key(), server.chain());
        if (auth != ClientAuth.NONE) {
            b.clientAuth(auth, policy);
        }
        return b.build();
    }

    private static TlsConfig.Builder client() {
        return TlsConfig.client().trust(CertificatePolicy.trusting(List.of(ca.cert()))).serverName("localhost");
    }

    /** Connects a client and a server over loopback and returns both ends after their handshakes. */
    private static TlsConnection[] pair(TlsConfig serverConfig, TlsConfig clientConfig) throws Exception {
        try (TcpListener l = rt.bind(Loopback.any())) {
            Promise<TlsConnection> s = l.incoming().next().andThen(c -> TlsConnection.server(c, serverConfig));
            TcpConnection tcp = await(rt.connect(l.localAddress(), Duration.ofSeconds(10)));
            Promise<TlsConnection> c = TlsConnection.client(tcp, clientConfig);
            return new TlsConnection[] {await(s), await(c)};
        }
    }

    private static byte[] readExactly(TlsConnection c, int n) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            int r = await(c.reader().read(b));
            if (r < 0) {
                throw new AssertionError("end of stream after " + b.position() + " of " + n + " bytes");
            }
        }
        return b.array();
    }

    @Test
    void bytesGoBothWaysAndCloseNotifyEndsTheStream() throws Exception {
        TlsConnection[] p = pair(serverConfig(ClientAuth.NONE, null), client().build());
        TlsConnection s = p[0];
        TlsConnection c = p[1];
        assertEquals("TLSv1.3", c.session().getProtocol());
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        Promise<Void> sent = c.writer().write(ByteBuffer.wrap(big));
        assertArrayEquals(big, readExactly(s, big.length));
        await(sent);
        await(s.writer().write(Loopback.bytes("pong")));
        assertEquals("pong", new String(readExactly(c, 4)));
        await(c.writer().shutdown());
        assertEquals(-1, await(s.reader().read(ByteBuffer.allocate(10))), "close_notify is the end of the stream");
        await(s.writer().write(Loopback.bytes("after")));
        assertEquals("after", new String(readExactly(c, 5)), "half-closed: the other direction still works");
        await(s.writer().shutdown());
        assertEquals(-1, await(c.reader().read(ByteBuffer.allocate(10))));
        await(c.closed());
        await(s.closed());
    }

    @Test
    void mutualTlsAcceptsAnAllowedClientCertificate() throws Exception {
        CertificatePolicy policy = CertificatePolicy.trusting(List.of(ca.cert()))
                .and(CertificatePolicy.thumbprints(List.of(Thumbprints.sha1(alice.cert()))));
        TlsConnection[] p = pair(serverConfig(ClientAuth.REQUIRED, policy), client().identity(alice.key(), alice.chain()).build());
        assertEquals(alice.cert(), p[0].peerCertificates().get(0));
        await(p[1].writer().write(Loopback.bytes("hi")));
        assertEquals("hi", new String(readExactly(p[0], 2)));
        p[0].close();
        p[1].close();
    }

    @Test
    void mutualTlsRejectsAnotherCertificate() throws Exception {
        CertificatePolicy policy = CertificatePolicy.thumbprints(List.of(Thumbprints.sha256(alice.cert())));
        try (TcpListener l = rt.bind(Loopback.any())) {
            Promise<TlsConnection> s = l.incoming().next()
                    .andThen(c -> TlsConnection.server(c, serverConfig(ClientAuth.REQUIRED, policy)));
            TcpConnection tcp = await(rt.connect(l.localAddress(), Duration.ofSeconds(10)));
            Promise<TlsConnection> c = TlsConnection.client(tcp, client().identity(mallory.key(), mallory.chain()).build());
            ExecutionException x = assertThrows(ExecutionException.class, () -> await(s));
            assertTrue(x.getCause() instanceof javax.net.ssl.SSLException, x.getCause().toString());
            // TLS 1.3: the client learns of the refusal from the alert, at the latest on its first read.
            try {
                TlsConnection client = await(c);
                assertThrows(ExecutionException.class, () -> await(client.reader().read(ByteBuffer.allocate(10))));
            } catch (ExecutionException expected) {
                // refused during its handshake
            }
        }
    }

    @Test
    void aClientThatTrustsAnotherCaRefusesTheServer() throws Exception {
        try (TcpListener l = rt.bind(Loopback.any())) {
            l.incoming().next().andThen(c -> TlsConnection.server(c, serverConfig(ClientAuth.NONE, null)));
            TcpConnection tcp = await(rt.connect(l.localAddress(), Duration.ofSeconds(10)));
            TlsConfig wrongTrust = TlsConfig.client().trust(CertificatePolicy.trusting(List.of(mallory.chain().get(1)))).build();
            ExecutionException x = assertThrows(ExecutionException.class, () -> await(TlsConnection.client(tcp, wrongTrust)));
            assertTrue(x.getCause() instanceof javax.net.ssl.SSLException, x.getCause().toString());
            assertTrue(!tcp.isOpen() || await(tcp.closed().map(v -> true)));
        }
    }

    @Test
    void interoperatesWithTheJdkSslSocket() throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("alice", alice.key(), new char[0], alice.chain().toArray(new java.security.cert.X509Certificate[0]));
        ks.setCertificateEntry("ca", ca.cert());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, new char[0]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        CertificatePolicy policy = CertificatePolicy.trusting(List.of(ca.cert()));
        try (TcpListener l = rt.bind(Loopback.any())) {
            Promise<TlsConnection> s = l.incoming().next().andThen(c -> TlsConnection.server(c, serverConfig(ClientAuth.REQUIRED, policy)));
            try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket(l.localAddress().getAddress(), l.localAddress().getPort())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write("hello from SSLSocket".getBytes());
                out.flush();
                TlsConnection server = await(s);
                assertEquals("hello from SSLSocket", new String(readExactly(server, 20)));
                await(server.writer().write(Loopback.bytes("hello from Dunlin")));
                assertEquals("hello from Dunlin", new String(in.readNBytes(17)));
                await(server.writer().shutdown());
                assertEquals(-1, in.read());
            }
        }
    }
}
