package org.dunlin.futures.io.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line: usage errors exit 2 with one line; a real server process answers. */
class ExampleCommandTest {
    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ExampleCommand.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void usageErrorsPrintOneLineAndExitTwo() {
        for (List<String> args : List.<List<String>>of(
                List.of(),
                List.of("juggler", "--listen", "127.0.0.1:0"),
                List.of("doubler"),
                List.of("doubler", "--listen"),
                List.of("doubler", "--listen", "127.0.0.1"),
                List.of("doubler", "--listen", "127.0.0.1:99999"),
                List.of("doubler", "--listen", "127.0.0.1:0", "--idle-timeout", "soon"),
                List.of("echo", "--listen", "127.0.0.1:0", "--allow", "00"),
                List.of("tls-command", "--listen", "127.0.0.1:0", "--cert", "c.pem"),
                List.of("tls-command", "--listen", "127.0.0.1:0", "--cert", "c", "--key", "k", "--allow", "xyz"),
                List.of("echo", "--listen", "127.0.0.1:0", "--verbose"))) {
            String[] r = run(args.toArray(new String[0]));
            assertEquals("2", r[0], args + " -> " + r[2]);
            assertTrue(r[2].startsWith("dunlin example: "), r[2]);
            assertEquals(1, r[2].lines().count(), "one line: " + r[2]);
            assertTrue(!r[2].contains("Exception"), r[2]);
        }
    }

    @Test
    void helpPrintsUsage() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("tls-command --listen ADDR --cert FILE --key FILE --allow SHA1_THUMBPRINT..."));
    }

    @Test
    void unreadableFilesAreAClearError() {
        String[] r = run("tls-command", "--listen", "127.0.0.1:0", "--cert", "/nonexistent/c.pem", "--key", "/nonexistent/k.pem",
                "--allow", "00".repeat(20));
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("dunlin example tls-command: "), r[2]);
        assertTrue(!r[2].contains("\tat "), r[2]);
    }

    @Test
    void aDoublerProcessPrintsWhereItListensAndAnswers() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExampleCommand.class.getName(), "doubler", "--listen", "127.0.0.1:0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("doubler listening on ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the process printed where it listens");
            String[] hostPort = line.substring("doubler listening on ".length()).split(":");
            try (Socket s = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                s.setSoTimeout(20_000);
                OutputStream o = s.getOutputStream();
                o.write("20\n-3\nx\n".getBytes(StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("40", in.readLine());
                assertEquals("-6", in.readLine());
                assertEquals("ERR not an integer: x", in.readLine());
            }
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
