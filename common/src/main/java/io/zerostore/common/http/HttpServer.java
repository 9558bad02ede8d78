package io.zerostore.common.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server: keep-alive, chunked bodies, streamed with backpressure in both directions.
 * Requests go to one {@link HttpHandler}, normally a pipeline of filters ending in an app.
 */
public final class HttpServer implements AutoCloseable {
    /** Swift's max_header_size: longer header lines get 400 from the HTTP layer. */
    public static final int MAX_HEADER_LINE = 8192;
    /** All header lines together: 90 metadata items plus auth and copy headers fit easily. */
    public static final int MAX_HEADER_BYTES = 128 * 1024;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final boolean ownsWorkers;
    private final Channel channel;

    private HttpServer(EventLoopGroup boss, EventLoopGroup workers, boolean ownsWorkers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.ownsWorkers = ownsWorkers;
        this.channel = channel;
    }

    /** Starts on {@code host:port} (port 0 = ephemeral) with its own event loops. */
    public static HttpServer start(String host, int port, int ioThreads, HttpHandler handler)
            throws InterruptedException, BindException {
        return start(host, port, EventLoops.newGroup(ioThreads, "http-io-" + port), true, handler);
    }

    /**
     * Starts on shared worker event loops (several servers in one process). A port in use fails with
     * a {@link BindException} "cannot listen on host:port: address already in use".
     */
    public static HttpServer start(String host, int port, EventLoopGroup workers, boolean ownsWorkers,
                                   HttpHandler handler)
            throws InterruptedException, BindException {
        EventLoopGroup boss = EventLoops.newGroup(1, "http-accept");
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(EventLoops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                // a client that shuts down its sending side mid-upload still gets its answer (499)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, EventLoops.recvAllocator())
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(0, 0, 300, TimeUnit.SECONDS) {
                                    @Override
                                    protected void channelIdle(io.netty.channel.ChannelHandlerContext ctx,
                                                               io.netty.handler.timeout.IdleStateEvent evt) {
                                        ctx.close();
                                    }
                                })
                                .addLast("codec", new SwiftServerCodec(MAX_HEADER_LINE * 2, MAX_HEADER_BYTES, 256 * 1024))
                                .addLast("exchange", new ServerConnectionHandler(handler));
                    }
                });
        Channel ch;
        try {
            ch = b.bind(new InetSocketAddress(host, port)).sync().channel();
        } catch (Exception e) {
            boss.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            if (ownsWorkers) {
                workers.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            }
            if (e instanceof InterruptedException) {
                throw e;
            }
            throw listenFailure(host, port, e);
        }
        return new HttpServer(boss, workers, ownsWorkers, ch);
    }

    /** A bind failure that names the address (Netty's native one says only "bind(..) failed"). */
    private static BindException listenFailure(String host, int port, Exception e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        if (reason.contains("Address already in use")) {
            reason = "address already in use";
        }
        BindException b = new BindException("cannot listen on " + host + ":" + port + ": " + reason);
        b.initCause(e);
        return b;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        if (ownsWorkers) {
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
