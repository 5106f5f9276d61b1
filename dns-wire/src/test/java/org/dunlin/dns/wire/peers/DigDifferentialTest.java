package org.dunlin.dns.wire.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.Name;
import org.dunlin.dns.wire.Question;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.SharedTestData;
import org.dunlin.dns.wire.edns.Edns;
import org.dunlin.dns.wire.zone.ZoneParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against dig: BIND serves the every-type zone on 127.0.0.1; for every RRset we ask
 * BIND ourselves, decode the response and print its answers, and ask dig to print the same answers.
 * The lines must be the same (blank runs compared as one blank).
 */
class DigDifferentialTest {
    @Test
    void decodedAnswersPrintAsDigPrintsThem(@TempDir Path dir) throws Exception {
        Peers.require("named");
        String dig = Peers.require("dig");
        Path script = SharedTestData.dir().resolve("../bench/serve-peer.sh").normalize();
        Path zone = dir.resolve("every-type.zone");
        try (var in = getClass().getResourceAsStream("/zones/every-type.zone")) {
            Files.copy(in, zone);
        }
        List<Record> records = ZoneParser.of(Name.of("example.")).parse(Files.readString(zone), "every-type.zone");
        Set<Question> questions = new LinkedHashSet<>();
        for (Record r : records) {
            questions.add(new Question(r.owner(), r.type(), r.rrClass()));
        }
        int port = 20000 + ThreadLocalRandom.current().nextInt(30000);
        Process server = new ProcessBuilder("bash", script.toString(), "bind", "example.", zone.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(500);
            waitUntilServing(socket, port, server, dir);
            Set<String> ours = new TreeSet<>();
            List<String> digArgs = new ArrayList<>(List.of(dig, "@127.0.0.1", "-p", Integer.toString(port), "+norec", "+noall", "+answer", "+nocookie"));
            int id = 1;
            for (Question q : questions) {
                Message response = ask(socket, port, Message.builder().id(id++).question(q).edns(Edns.DEFAULT).build());
                for (Record r : response.answer()) {
                    ours.add(normalize(r.toString()));
                }
                digArgs.add(q.name().toString());
                digArgs.add(q.type().toString());
            }
            Process p = new ProcessBuilder(digArgs).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            Set<String> theirs = new TreeSet<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank() && !line.startsWith(";")) {
                    // BIND 9.18 predates RFC 9461's dohpath mnemonic and prints key7: the one known difference.
                    theirs.add(normalize(line).replace(" key7=", " dohpath="));
                }
            }
            assertTrue(theirs.size() >= records.size() - 5, "dig answered " + theirs.size() + " records:\n" + out);
            Set<String> onlyDig = new TreeSet<>(theirs);
            onlyDig.removeAll(ours);
            Set<String> onlyOurs = new TreeSet<>(ours);
            onlyOurs.removeAll(theirs);
            assertEquals(Set.of(), onlyDig, "printed by dig but not by us");
            assertEquals(Set.of(), onlyOurs, "printed by us but not by dig");
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    private static String normalize(String line) {
        return line.trim().replaceAll("[ \t]+", " ");
    }

    private static void waitUntilServing(DatagramSocket socket, int port, Process server, Path dir) throws Exception {
        Message probe = Message.builder().id(0).question(Name.of("example."), RRType.SOA).build();
        for (int i = 0; i < 60; i++) {
            if (!server.isAlive()) {
                throw new AssertionError("BIND exited: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                ask(socket, port, probe);
                return;
            } catch (SocketTimeoutException | java.net.PortUnreachableException e) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("BIND did not start: " + Files.readString(dir.resolve("server.log")));
    }

    private static Message ask(DatagramSocket socket, int port, Message query) throws Exception {
        byte[] q = query.toWire();
        socket.send(new DatagramPacket(q, q.length, InetAddress.getLoopbackAddress(), port));
        byte[] buf = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            Message m = Message.fromWire(buf, 0, p.getLength());
            if (m.id() == query.id()) {
                return m;
            }
        }
    }
}
