package io.zerostore.common.http.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.EventLoops;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 client for server-to-server requests (proxy → storage node, object → container
 * server). Streams both bodies with backpressure; keeps connections alive in a pool.
 */
public final class HttpClient implements AutoCloseable {
    /** Responses read whole by {@link #send} larger than this fail: they are not meant for memory. */
    public static final int MAX_AGGREGATED_BODY = 64 * 1024 * 1024;

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ConnectionPool pool;
    private final ClientOptions options;

    public HttpClient(EventLoopGroup group, ClientOptions options) {
        this(group, false, options);
    }

    public HttpClient(int ioThreads, ClientOptions options) {
        this(EventLoops.newGroup(ioThreads, "http-client"), true, options);
    }

    private HttpClient(EventLoopGroup group, boolean ownsGroup, ClientOptions options) {
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.options = options;
        this.pool = new ConnectionPool(group, options);
    }

    public ClientOptions options() {
        return options;
    }

    /**
     * Opens an exchange and writes the request head. For a request with a body, stream it with
     * {@link ClientExchange#write} and finish with {@link ClientExchange#end()}; a
     * {@link FullHttpRequest} is written and ended at once.
     */
    public CompletableFuture<ClientExchange> open(InetSocketAddress address, HttpRequest head) {
        return pool.acquire(address).thenApply(ch -> {
            ClientExchange ex = new ClientExchange(ch, pool, options.nodeTimeout());
            ch.pipeline().get(ClientConnectionHandler.class).bind(ex);
            ChannelFuture written = ch.writeAndFlush(head);
            if (head instanceof FullHttpRequest) {
                ex.ended(written);
            }
            ch.read();
            return ex;
        });
    }

    /** Sends a request with a small or empty body and reads the whole (small) response. */
    public CompletableFuture<FullResponse> send(InetSocketAddress address, FullHttpRequest request) {
        CompletableFuture<FullResponse> result = new CompletableFuture<>();
        open(address, request).whenComplete((ex, err) -> {
            if (err != null) {
                request.release();
                result.completeExceptionally(err);
                return;
            }
            ex.response().whenComplete((head, e2) -> {
                if (e2 != null) {
                    result.completeExceptionally(e2);
                    return;
                }
                aggregate(ex, head, result);
            });
        });
        return result;
    }

    private static void aggregate(ClientExchange ex, HttpResponse head, CompletableFuture<FullResponse> result) {
        CompositeByteBuf buf = Unpooled.compositeBuffer();
        ex.body().subscribe(new BodySubscriber() {
            @Override
            public void onChunk(ByteBuf chunk) {
                if (buf.readableBytes() + chunk.readableBytes() > MAX_AGGREGATED_BODY) {
                    chunk.release();
                    buf.release();
                    ex.abort();
                    result.completeExceptionally(new IOException("response body too large"));
                    return;
                }
                buf.addComponent(true, chunk);
                ex.body().request();
            }

            @Override
            public void onEnd() {
                byte[] bytes = ByteBufUtil.getBytes(buf);
                buf.release();
                result.complete(new FullResponse(head.status().code(), head.headers(), bytes));
            }

            @Override
            public void onError(Throwable cause) {
                buf.release();
                result.completeExceptionally(cause);
            }
        });
    }

    /** A small response read whole. */
    public record FullResponse(int status, HttpHeaders headers, byte[] body) {
        public String header(String name) {
            return headers.get(name);
        }

        public boolean is2xx() {
            return status >= 200 && status < 300;
        }
    }

    @Override
    public void close() {
        pool.close();
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

}
