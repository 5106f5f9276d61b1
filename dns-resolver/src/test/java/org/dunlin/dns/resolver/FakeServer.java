package org.dunlin.dns.resolver;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.WireFormatException;

/**
 * A scripted DNS server on loopback for tests: UDP and TCP on the same port, each query handed to a
 * {@link Script} that returns the raw messages to send back (none to stay silent). Records every query
 * it receives. Plain blocking sockets on threads of its own, all ended by {@link #close()}.
 */
final class FakeServer implements AutoCloseable {
    /** What to send back for a query. */
    @FunctionalInterface
    interface Script {
        List<byte[]> respond(Message query, Transport transport) throws Exception;
    }

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Script script;
    private final List<Message> queries = new CopyOnWriteArrayList<>();
    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger tcpConnections = new AtomicInteger();
    private volatile boolean closed;

    private FakeServer(InetSocketAddress bind, Script script) throws IOException {
        this.script = script;
        DatagramSocket u = null;
        ServerSocket t = null;
        // One port for UDP and TCP: when the kernel picks it, the TCP side may be taken (other tests,
        // other processes), so pick again, a bounded number of times.
        for (int attempt = 0; t == null; attempt++) {
            u = new DatagramSocket(bind);
            t = new ServerSocket();
            t.setReuseAddress(true);
            try {
                t.bind(new InetSocketAddress(bind.getAddress(), u.getLocalPort()));
            } catch (java.net.BindException taken) {
                u.close();
                t.close();
                t = null;
                if (bind.getPort() != 0 || attempt == 20) {
                    throw taken;
                }
            }
        }
        this.udp = u;
        this.tcp = t;
        start("fake-udp", this::udpLoop);
        start("fake-tcp-accept", this::acceptLoop);
    }

    /** A server on 127.0.0.1 and a free port. */
    static FakeServer start(Script script) throws IOException {
        return new FakeServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), script);
    }

    /** A server bound to {@code bind} (port 0 for any). */
    static FakeServer start(InetSocketAddress bind, Script script) throws IOException {
        return new FakeServer(bind, script);
    }

    /** A response carrying {@code records} (answer section) for {@code query}, as raw bytes. */
    static byte[] answer(Message query, org.dunlin.dns.wire.Record... records) {
        return Message.responseTo(query).flags(org.dunlin.dns.wire.Flag.RA).answer(Arrays.asList(records)).build().toWire();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(udp.getLocalAddress(), udp.getLocalPort());
    }

    /** The queries received so far, in order. */
    List<Message> queries() {
        return Collections.unmodifiableList(new ArrayList<>(queries));
    }

    /** The transport of each query received. */
    List<Transport> transports() {
        return new ArrayList<>(transports);
    }

    int queryCount() {
        return queries.size();
    }

    int tcpConnections() {
        return tcpConnections.get();
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void udpLoop() {
        byte[] buf = new byte[65535];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
            } catch (IOException e) {
                return;
            }
            Message q;
            try {
                q = Message.fromWire(Arrays.copyOf(p.getData(), p.getLength()));
            } catch (WireFormatException e) {
                continue;
            }
            queries.add(q);
            transports.add(Transport.UDP);
            java.net.SocketAddress from = p.getSocketAddress();
            // each query on a thread of its own, so a script may hold one query while others arrive
            start("fake-udp-worker", () -> {
                try {
                    for (byte[] r : script.respond(q, Transport.UDP)) {
                        udp.send(new DatagramPacket(r, r.length, from));
                    }
                } catch (Exception e) {
                    if (!closed) {
                        e.printStackTrace();
                    }
                }
            });
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = tcp.accept();
            } catch (IOException e) {
                return;
            }
            tcpConnections.incrementAndGet();
            connections.add(s);
            start("fake-tcp", () -> serve(s));
        }
    }

    private void serve(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream());
                DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (!closed) {
                int len = in.readUnsignedShort();
                byte[] b = in.readNBytes(len);
                if (b.length < len) {
                    return;
                }
                Message q = Message.fromWire(b);
                queries.add(q);
                transports.add(Transport.TCP);
                for (byte[] r : script.respond(q, Transport.TCP)) {
                    synchronized (out) {
                        out.writeShort(r.length);
                        out.write(r);
                        out.flush();
                    }
                }
            }
        } catch (EOFException | SocketException e) {
            // peer closed
        } catch (Exception e) {
            if (!closed) {
                e.printStackTrace();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
        for (Thread t : threads) {
            t.join(5000);
        }
    }
}
