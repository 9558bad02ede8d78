package io.zerostore.common.http.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
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
 *
 * <p>Connections are kept per event loop: a request started on one of the group's loops gets a
 * connection served by that same loop, so writing the request and reading the answer need no
 * hand-over between threads (on two cores, each hand-over is a wake-up and a context switch).
 */
final class ConnectionPool {
    static final AttributeKey<InetSocketAddress> REMOTE = AttributeKey.valueOf("zerostore.remote");
    private static final int MAX_IDLE_PER_LOOP = 64;

    /** Idle connections to one address served by one event loop. */
    private record Key(InetSocketAddress address, EventLoop loop) {}

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final Map<Key, ConcurrentLinkedDeque<Channel>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ConnectionPool(EventLoopGroup group, ClientOptions options) {
        this.group = group;
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

    /**
     * A connected channel on the calling thread's event loop (any loop of the group when the caller
     * is not one): an idle one if any is still open, else a new connection.
     */
    CompletableFuture<Channel> acquire(InetSocketAddress address) {
        EventLoop loop = callerLoop();
        ConcurrentLinkedDeque<Channel> q = idle.get(new Key(address, loop));
        if (q != null) {
            Channel ch;
            while ((ch = q.pollFirst()) != null) {
                if (ch.isActive()) {
                    return CompletableFuture.completedFuture(ch);
                }
            }
        }
        CompletableFuture<Channel> result = new CompletableFuture<>();
        ChannelFuture f = bootstrap.clone(loop).connect(address);
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

    private EventLoop callerLoop() {
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                return (EventLoop) e;
            }
        }
        return group.next();
    }

    void release(Channel ch) {
        InetSocketAddress address = ch.attr(REMOTE).get();
        if (closed || address == null || !ch.isActive()) {
            ch.close();
            return;
        }
        ClientConnectionHandler h = ch.pipeline().get(ClientConnectionHandler.class);
        h.bind(null);
        ConcurrentLinkedDeque<Channel> q = idle.computeIfAbsent(new Key(address, ch.eventLoop()),
                k -> new ConcurrentLinkedDeque<>());
        if (q.size() >= MAX_IDLE_PER_LOOP) {
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
