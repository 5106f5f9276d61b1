package org.dunlin.futures.io.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.Loopback;
import org.dunlin.futures.io.tls.PemFiles;
import org.dunlin.futures.io.tls.TestPki;
import org.dunlin.futures.io.tls.Thumbprints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS command server, driven by the JDK's own SSLSocket as the client. */
class TlsCommandServerTest {
    @TempDir
    static Path dir;
    static TestPki.Identity ca;
    static TestPki.Identity alice;
    static TestPki.Identity bob;
    static IoRuntime rt;
    static TlsCommandServer server;

    @BeforeAll
    static void start() throws Exception {
        ca = TestPki.ca("Command CA");
        TestPki.Identity serverId = TestPki.issue(ca, "command-server");
        alice = TestPki.issue(ca, "alice");
        bob = TestPki.issue(ca, "bob");
        Path[] files = TestPki.writePem(serverId, dir, "server");
        rt = IoRuntime.builder().name("tls-command-test").ioThreads(2).build();
        String allowed = Thumbprints.sha1(alice.cert()).toUpperCase().replaceAll("(..)(?!$)", "$1:");
        server = TlsCommandServer.start(rt, Loopback.any(), PemFiles.readPrivateKey(files[1]),
                PemFiles.readCertificates(files[0]), List.of(allowed), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        server.close();
        rt.close();
    }

    private static SSLSocket connect(TestPki.Identity client) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        if (client != null) {
            ks.setKeyEntry("me", client.key(), new char[0], client.chain().toArray(new X509Certificate[0]));
        }
        ks.setCertificateEntry("ca", ca.cert());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, new char[0]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(server.address().getAddress(), server.address().getPort());
        s.setSoTimeout(20_000);
        return s;
    }

    /** Reads one message: everything up to and including the blank line ending it. */
    private static String message(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("end of stream after '" + b.toString(StandardCharsets.UTF_8) + "'");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAllowedClientGetsOkThenAnswersThenAnErrorAndTheEnd() throws Exception {
        try (SSLSocket s = connect(alice)) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            assertEquals("OK\r\n\r\n", message(in));
            out.write("echo hello world\r\necho\n\necho again\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("hello world\r\n\r\n", message(in));
            assertEquals("\r\n\r\n", message(in));
            assertEquals("again\r\n\r\n", message(in));
            out.write("frobnicate now\necho never answered\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("ERR Unknown command frobnicate\r\n\r\n", message(in));
            assertEquals(-1, in.read(), "the connection is closed after an unknown command");
        }
    }

    @Test
    void anotherCertificateIsRefusedWithAnError() throws Exception {
        long before = server.refusedClients();
        try (SSLSocket s = connect(bob)) {
            assertEquals("ERR client certificate not allowed\r\n\r\n", message(s.getInputStream()));
            assertEquals(-1, s.getInputStream().read());
        }
        assertEquals(before + 1, server.refusedClients());
    }

    @Test
    void aClientWithoutCertificateFailsTheHandshake() throws Exception {
        try (SSLSocket s = connect(null)) {
            assertThrows(SSLException.class, () -> {
                s.startHandshake();
                s.getInputStream().read();   // TLS 1.3: the server's alert arrives after the client's Finished
            });
        } catch (java.net.SocketException resetAlready) {
            // the server may have reset the connection after its alert: refused all the same
        }
    }
}
