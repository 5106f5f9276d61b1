package org.dunlin.benchmarks.io;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.UdpOptions;
import org.dunlin.futures.io.UdpSocket;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * UDP request/response rate over loopback, Dunlin against Netty, each library on both ends: the shape of
 * a DNS server answering a client.
 *
 * <p>Workload, per operation: the client sends {@code window} 64-byte requests to an echo server and
 * waits until all {@code window} responses are back (a lost datagram would end the operation after 1 s
 * and is counted in {@code lost}; on loopback none are). Both sides use one I/O thread each and answer on
 * it: Dunlin's UDP selector thread with {@code callbacksOnIoThreads()} (the server answers each datagram
 * from its {@code incoming()} stream with {@code send}), Netty's NIO datagram channel with a handler
 * that writes each packet back and flushes at the end of a read burst.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UdpRequestResponseBenchmark {
    static final int SIZE = 64;

    @Param({"dunlin", "netty"})
    public String impl;

    @Param({"16"})
    public int window;

    private final AtomicReference<CountDownLatch> pending = new AtomicReference<>();
    private final AtomicLong lostTotal = new AtomicLong();

    private IoRuntime serverRt;
    private IoRuntime clientRt;
    private UdpSocket server;
    private UdpSocket client;

    private EventLoopGroup nettyServerGroup;
    private EventLoopGroup nettyClientGroup;
    private Channel nettyServer;
    private Channel nettyClient;
    private InetSocketAddress nettyServerAddress;

    /** Datagrams that did not come back in time (expected: 0). */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Losses {
        public long lost;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (impl.equals("dunlin")) {
            serverRt = IoRuntime.builder().name("bench-udp-server").ioThreads(1).udpThreads(1).callbacksOnIoThreads().build();
            clientRt = IoRuntime.builder().name("bench-udp-client").ioThreads(1).udpThreads(1).callbacksOnIoThreads().build();
            server = serverRt.bindUdp(any, UdpOptions.DEFAULT);
            server.incoming().forEach(d -> server.send(d.data(), d.sender()));
            client = clientRt.connectUdp(server.localAddress(), UdpOptions.DEFAULT);
            client.incoming().forEach(d -> {
                CountDownLatch l = pending.get();
                if (l != null) {
                    l.countDown();
                }
            });
        } else {
            nettyServerGroup = new NioEventLoopGroup(1);
            nettyClientGroup = new NioEventLoopGroup(1);
            nettyServer = new Bootstrap().group(nettyServerGroup).channel(NioDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                            ctx.write(new DatagramPacket(p.content().retain(), p.sender()));
                        }

                        @Override
                        public void channelReadComplete(ChannelHandlerContext ctx) {
                            ctx.flush();
                        }
                    }).bind(any).sync().channel();
            nettyServerAddress = (InetSocketAddress) nettyServer.localAddress();
            nettyClient = new Bootstrap().group(nettyClientGroup).channel(NioDatagramChannel.class)
                    .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
                            CountDownLatch l = pending.get();
                            if (l != null) {
                                l.countDown();
                            }
                        }
                    }).bind(any).sync().channel();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (impl.equals("dunlin")) {
            client.close();
            server.close();
            clientRt.close();
            serverRt.close();
        } else {
            nettyClient.close().sync();
            nettyServer.close().sync();
            nettyClientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            nettyServerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Benchmark
    public long requestResponse(Losses losses) throws Exception {
        CountDownLatch latch = new CountDownLatch(window);
        pending.set(latch);
        if (impl.equals("dunlin")) {
            for (int i = 0; i < window; i++) {
                client.send(ByteBuffer.allocate(SIZE));
            }
        } else {
            for (int i = 0; i < window; i++) {
                nettyClient.write(new DatagramPacket(Unpooled.wrappedBuffer(new byte[SIZE]), nettyServerAddress));
            }
            nettyClient.flush();
        }
        if (!latch.await(1, TimeUnit.SECONDS)) {
            losses.lost += latch.getCount();
            lostTotal.addAndGet(latch.getCount());
        }
        pending.set(null);
        return latch.getCount();
    }
}
