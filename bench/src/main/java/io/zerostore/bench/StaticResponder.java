package io.zerostore.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The generator's yardstick: a trivial HTTP server on loopback that answers every request
 * with 200 and a fixed body (and TempAuth logins with a fixed token), so the generator and
 * wrk can be measured against something that costs next to nothing.
 */
final class StaticResponder implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel server;

    private StaticResponder(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    static StaticResponder start(String host, int port, long bodySize, int ioThreads)
            throws InterruptedException {
        PayloadBlock block = new PayloadBlock(bodySize);
        String etag = block.md5Hex(bodySize);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                            new HttpServerCodec(new HttpDecoderConfig().setMaxChunkSize(1 << 20)),
                            new ChunkedWriteHandler(),
                            new StaticResponderHandler(block, bodySize, etag));
                    }
                })
                .bind(host, port).sync().channel();
            return new StaticResponder(group, server);
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    void awaitClose() throws InterruptedException {
        server.closeFuture().sync();
    }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
}
