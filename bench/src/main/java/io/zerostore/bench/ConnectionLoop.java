package io.zerostore.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One closed-loop client connection: send a request, wait for the whole response, send the
 * next. A connection the server closes (or that fails) is replaced and the loop goes on.
 */
final class ConnectionLoop implements ExchangeListener {
    private static final long RECONNECT_DELAY_MS = 50;

    private final Bootstrap bootstrap;
    private final InetSocketAddress address;
    private final HttpHeaders commonHeaders;
    private final RunState state;
    private final RunPlan plan;
    private final RequestFactory factory;
    private final LoopStats stats = new LoopStats();
    private final CompletableFuture<LoopStats> done = new CompletableFuture<>();
    private Channel channel;
    private ExchangeHandler handler;

    ConnectionLoop(Bootstrap bootstrap, InetSocketAddress address, HttpHeaders commonHeaders,
                   RunState state, RunPlan plan, RequestFactory factory) {
        this.bootstrap = bootstrap;
        this.address = address;
        this.commonHeaders = commonHeaders;
        this.state = state;
        this.plan = plan;
        this.factory = factory;
    }

    CompletableFuture<LoopStats> start() {
        connect();
        return done;
    }

    private void connect() {
        ExchangeHandler h = new ExchangeHandler(this, commonHeaders);
        long timeoutMs = plan.timeout().toMillis();
        ChannelFuture f = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(
                    new HttpClientCodec(new HttpDecoderConfig()
                        .setMaxChunkSize(1 << 20)
                        .setMaxHeaderSize(64 * 1024)
                        .setValidateHeaders(false), false, false),
                    new ChunkedWriteHandler(),
                    new IdleStateHandler(0, 0, timeoutMs, TimeUnit.MILLISECONDS),
                    h);
            }
        }).connect(address);
        f.addListener(result -> {
            if (result.isSuccess()) {
                channel = f.channel();
                handler = h;
                issueNext();
            } else {
                stats.lastFailure = String.valueOf(result.cause());
                if (state.measured(System.nanoTime())) {
                    stats.failures++;
                }
                retryLater();
            }
        });
    }

    private void retryLater() {
        if (!state.running()) {
            finish();
            return;
        }
        stats.reconnects++;
        bootstrap.config().group().next().schedule(this::connect, RECONNECT_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private void issueNext() {
        long seq = state.claim();
        Request request = seq < 0 ? null : factory.create(seq);
        if (request == null) {
            finish();
            return;
        }
        handler.send(new Exchange(request));
    }

    @Override
    public void completed(Exchange exchange) {
        stats.completed(exchange, state.measured(exchange.endNanos));
        if (exchange.keepAlive && exchange.requestWritten) {
            issueNext();
            return;
        }
        // the server closes, or answered before it read the whole body: start a fresh connection
        channel.close();
        channel = null;
        if (!state.running()) {
            finish();
            return;
        }
        stats.reconnects++;
        connect();
    }

    @Override
    public void failed(Exchange exchange, Throwable cause) {
        stats.failed(exchange, cause, state.measured(exchange.endNanos));
        channel = null;
        retryLater();
    }

    private void finish() {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        done.complete(stats);
    }
}
