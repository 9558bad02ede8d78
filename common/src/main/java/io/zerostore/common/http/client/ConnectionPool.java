package io.zerostore.common.http.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.zerostore.common.http.EventLoops;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections per backend address. Swift opens a new connection per backend request;
 * re-using them saves a TCP handshake and a server-side accept on every object operation.
 */
final class ConnectionPool {
    static final AttributeKey<InetSocketAddress> REMOTE = AttributeKey.valueOf("zerostore.remote");
    private static final int MAX_IDLE_PER_ADDRESS = 64;

    private final Bootstrap bootstrap;
    private final Map<InetSocketAddress, ConcurrentLinkedDeque<Channel>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ConnectionPool(EventLoopGroup group, ClientOptions options) {
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(EventLoops.clientChannel())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(0, 0,
                                        options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                                .addLast("codec", new HttpClientCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(16 * 1024)
                                        .setMaxHeaderSize(64 * 1024)
                                        .setMaxChunkSize(256 * 1024)
                                        // metadata names may carry non-ASCII bytes, as in Swift
                                        .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory()
                                                .withNameValidation(false)), false, false))
                                .addLast("exchange", new ClientConnectionHandler());
                    }
                });
    }

    /** A connected channel: an idle one if any is still open, else a new connection. */
    CompletableFuture<Channel> acquire(InetSocketAddress address) {
        ConcurrentLinkedDeque<Channel> q = idle.get(address);
        if (q != null) {
            Channel ch;
            while ((ch = q.pollFirst()) != null) {
                if (ch.isActive()) {
                    return CompletableFuture.completedFuture(ch);
                }
            }
        }
        CompletableFuture<Channel> result = new CompletableFuture<>();
        ChannelFuture f = bootstrap.connect(address);
        f.addListener(x -> {
            if (f.isSuccess()) {
                f.channel().attr(REMOTE).set(address);
                result.complete(f.channel());
            } else {
                result.completeExceptionally(f.cause());
            }
        });
        return result;
    }

    void release(Channel ch) {
        InetSocketAddress address = ch.attr(REMOTE).get();
        if (closed || address == null || !ch.isActive()) {
            ch.close();
            return;
        }
        ClientConnectionHandler h = ch.pipeline().get(ClientConnectionHandler.class);
        h.bind(null);
        ConcurrentLinkedDeque<Channel> q = idle.computeIfAbsent(address, a -> new ConcurrentLinkedDeque<>());
        if (q.size() >= MAX_IDLE_PER_ADDRESS) {
            ch.close();
            return;
        }
        // an idle connection that the server closes must leave the pool
        ch.read();
        q.addFirst(ch);
    }

    void close() {
        closed = true;
        idle.values().forEach(q -> q.forEach(Channel::close));
        idle.clear();
    }
}
