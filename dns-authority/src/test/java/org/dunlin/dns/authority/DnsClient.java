package org.dunlin.dns.authority;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.dunlin.dns.wire.Message;
import org.dunlin.dns.wire.RRType;
import org.dunlin.dns.wire.Rcode;
import org.dunlin.dns.wire.Record;
import org.dunlin.dns.wire.WireFormatException;

/**
 * A deliberately plain DNS client for tests (blocking JDK sockets, no Dunlin I/O code), so that what it
 * sees is what any client would see. Not thread-safe.
 */
public final class DnsClient implements AutoCloseable {
    private final InetSocketAddress server;
    private final DatagramSocket udp;
    private Socket tcp;

    public DnsClient(InetSocketAddress server) throws IOException {
        this.server = server;
        this.udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        udp.setSoTimeout(2000);
    }

    /** Sends raw bytes over UDP and returns the raw reply with the same ID, or null on timeout. */
    public byte[] udpRaw(byte[] query, int timeoutMillis) throws IOException {
        udp.setSoTimeout(timeoutMillis);
        udp.send(new DatagramPacket(query, query.length, server));
        byte[] buf = new byte[65535];
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (query.length >= 2 && p.getLength() >= 2 && buf[0] == query[0] && buf[1] == query[1]) {
                byte[] out = new byte[p.getLength()];
                System.arraycopy(buf, 0, out, 0, out.length);
                return out;
            }
            if (System.currentTimeMillis() > deadline) {
                return null;
            }
        }
    }

    /** Sends a query over UDP (retrying twice on timeout) and decodes the reply. */
    public Message udp(Message query) throws IOException, WireFormatException {
        byte[] q = query.toWire();
        for (int attempt = 0; attempt < 3; attempt++) {
            byte[] r = udpRaw(q, 1500);
            if (r != null) {
                return Message.fromWire(r);
            }
        }
        throw new SocketTimeoutException("no UDP answer from " + server + " to " + query.question());
    }

    /** Sends raw bytes as one TCP frame and returns the raw reply frame (the connection is kept). */
    public byte[] tcpRaw(byte[] query) throws IOException {
        if (tcp == null || tcp.isClosed()) {
            tcp = new Socket();
            tcp.connect(server, 2000);
            tcp.setSoTimeout(5000);
            tcp.setTcpNoDelay(true);
        }
        OutputStream o = tcp.getOutputStream();
        byte[] framed = new byte[query.length + 2];
        framed[0] = (byte) (query.length >>> 8);
        framed[1] = (byte) query.length;
        System.arraycopy(query, 0, framed, 2, query.length);
        o.write(framed);
        o.flush();
        DataInputStream in = new DataInputStream(tcp.getInputStream());
        int len = in.readUnsignedShort();
        byte[] r = new byte[len];
        in.readFully(r);
        return r;
    }

    /** Sends a query over TCP and decodes the reply. */
    public Message tcp(Message query) throws IOException, WireFormatException {
        return Message.fromWire(tcpRaw(query.toWire()));
    }

    /**
     * Sends {@code query} as one frame on a new TCP connection and reads the response messages of a zone
     * transfer: until the second SOA record, or the first message whose RCODE is not NOERROR.
     */
    public static List<byte[]> transfer(InetSocketAddress server, byte[] query) throws IOException, WireFormatException {
        List<byte[]> out = new ArrayList<>();
        try (Socket sock = new Socket()) {
            sock.connect(server, 2000);
            sock.setSoTimeout(5000);
            OutputStream o = sock.getOutputStream();
            o.write(new byte[] {(byte) (query.length >>> 8), (byte) query.length});
            o.write(query);
            o.flush();
            DataInputStream in = new DataInputStream(sock.getInputStream());
            int soas = 0;
            while (soas < 2) {
                byte[] m = new byte[in.readUnsignedShort()];
                in.readFully(m);
                out.add(m);
                Message r = Message.fromWire(m);
                if (r.rcode() != Rcode.NOERROR) {
                    break;
                }
                for (Record rec : r.answer()) {
                    if (rec.type().equals(RRType.SOA)) {
                        soas++;
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        udp.close();
        if (tcp != null) {
            tcp.close();
        }
    }
}
