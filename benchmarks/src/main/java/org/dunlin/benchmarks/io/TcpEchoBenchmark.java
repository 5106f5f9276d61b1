package org.dunlin.benchmarks.io;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dunlin.futures.Futures;
import org.dunlin.futures.Promise;
import org.dunlin.futures.io.IoRuntime;
import org.dunlin.futures.io.TcpConnection;
import org.dunlin.futures.io.TcpListener;
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
 * TCP echo throughput over loopback, Dunlin against Netty, each library on both ends.
 *
 * <p>Workload, per operation: each of {@code connections} client connections writes a 16 KiB chunk and
 * waits until the server has echoed all of it back; the operation ends when every connection has its
 * bytes. So one operation moves {@code connections * 16 KiB} each way; ops/s times that is the
 * throughput. Both sides use one I/O thread each and run handlers on it: Dunlin's runtime with
 * {@code callbacksOnIoThreads()} and the loop of its echo example (read, write, repeat); Netty's NIO
 * transport (not the native epoll one: both are then on the JDK's epoll selector) with a handler that
 * writes what it reads and flushes at the end of each read burst.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TcpEchoBenchmark {
    static final int CHUNK = 16 * 1024;

    @Param({"dunlin", "netty"})
    public String impl;

    @Param({"1", "100"})
    public int connections;

    private final byte[] chunk = new byte[CHUNK];

    // Dunlin
    private IoRuntime serverRt;
    private IoRuntime clientRt;
    private TcpListener dunlinServer;
    private final List<TcpConnection> dunlinClients = new ArrayList<>();
    private final List<ByteBuffer> readBuffers = new ArrayList<>();

    // Netty
    private EventLoopGroup nettyServerGroup;
    private EventLoopGroup nettyClientGroup;
    private Channel nettyServer;
    private final List<Channel> nettyClients = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (impl.equals("dunlin")) {
            serverRt = IoRuntime.builder().name("bench-server").ioThreads(1).udpThreads(0).callbacksOnIoThreads().build();
            clientRt = IoRuntime.builder().name("bench-client").ioThreads(1).udpThreads(0).callbacksOnIoThreads().build();
            dunlinServer = serverRt.bind(any);
            dunlinServer.incoming().forEach(TcpEchoBenchmark::echoLoop);
            for (int i = 0; i < connections; i++) {
                dunlinClients.add(clientRt.connect(dunlinServer.localAddress(), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS));
                readBuffers.add(ByteBuffer.allocateDirect(CHUNK));
            }
        } else {
            nettyServerGroup = new NioEventLoopGroup(1);
            nettyClientGroup = new NioEventLoopGroup(1);
            nettyServer = new ServerBootstrap().group(nettyServerGroup).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new NettyEcho());
                        }
                    }).bind(any).sync().channel();
            Bootstrap b = new Bootstrap().group(nettyClientGroup).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new NettyCounter());
                        }
                    });
            for (int i = 0; i < connections; i++) {
                nettyClients.add(b.connect(nettyServer.localAddress()).sync().channel());
            }
        }
    }

    /** The echo example's loop: read into one buffer, write it back, repeat until the end of stream. */
    /**
     * Dunlin's echo, double-buffered as Netty's is pipelined: the next read goes into the other buffer
     * while the last one is being written, and a buffer is read into again only once its write is done.
     */
    @SuppressWarnings("unchecked")
    static void echoLoop(TcpConnection c) {
        ByteBuffer[] buffers = {ByteBuffer.allocateDirect(CHUNK), ByteBuffer.allocateDirect(CHUNK)};
        Promise<Void>[] writes = new Promise[] {Promise.completed(null), Promise.completed(null)};
        Futures.loop(0, i -> i >= 0, i -> {
            int k = i & 1;
            return writes[k].andThen(v -> c.reader().read(buffers[k].clear())).map(n -> {
                if (n < 0) {
                    return -1;
                }
                writes[k] = c.writer().write(buffers[k].flip());
                return (i + 1) & 0x3fff_ffff;
            });
        }).whenComplete((v, x) -> c.close());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (impl.equals("dunlin")) {
            dunlinClients.forEach(TcpConnection::close);
            dunlinServer.close();
            clientRt.close();
            serverRt.close();
        } else {
            for (Channel c : nettyClients) {
                c.close().sync();
            }
            nettyServer.close().sync();
            nettyClientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            nettyServerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Benchmark
    public int echo() throws Exception {
        if (impl.equals("dunlin")) {
            List<Promise<Integer>> rounds = new ArrayList<>(connections);
            for (int i = 0; i < connections; i++) {
                TcpConnection c = dunlinClients.get(i);
                ByteBuffer in = readBuffers.get(i);
                c.writer().write(ByteBuffer.wrap(chunk));
                rounds.add(Futures.loop(0, n -> n < CHUNK, n -> c.reader().read(in.clear()).map(k -> {
                    if (k < 0) {
                        throw new IllegalStateException("server closed");
                    }
                    return n + k;
                })));
            }
            return Futures.joinAll(rounds).get(30, TimeUnit.SECONDS).size();
        }
        List<CompletableFuture<Void>> rounds = new ArrayList<>(connections);
        for (Channel c : nettyClients) {
            NettyCounter counter = c.pipeline().get(NettyCounter.class);
            CompletableFuture<Void> done = new CompletableFuture<>();
            counter.expect(CHUNK, done);
            c.writeAndFlush(Unpooled.wrappedBuffer(chunk));
            rounds.add(done);
        }
        CompletableFuture.allOf(rounds.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
        return rounds.size();
    }

    /** Netty's echo: write what was read, flush at the end of each read burst. */
    static final class NettyEcho extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }

    /** Counts echoed bytes and completes a future once the expected number arrived. */
    static final class NettyCounter extends ChannelInboundHandlerAdapter {
        private int remaining;
        private CompletableFuture<Void> done;

        void expect(int bytes, CompletableFuture<Void> future) {
            Channel ignored = null;
            synchronized (this) {
                remaining = bytes;
                done = future;
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            int n = b.readableBytes();
            b.release();
            CompletableFuture<Void> f = null;
            synchronized (this) {
                remaining -= n;
                if (remaining <= 0 && done != null) {
                    f = done;
                    done = null;
                }
            }
            if (f != null) {
                f.complete(null);
            }
        }
    }
}
