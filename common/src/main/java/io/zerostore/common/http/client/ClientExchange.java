package io.zerostore.common.http.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.zerostore.common.http.InboundBody;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request/response on a pooled backend connection. The request body is streamed with
 * {@link #write}/{@link #end}; the response head arrives in {@link #response()} and its body
 * streams through {@link #body()}. When both sides are complete the connection returns to its pool;
 * {@link #abort()} closes it instead (use it whenever a body is abandoned half-way).
 */
public final class ClientExchange {
    private final Channel channel;
    private final ConnectionPool pool;
    private final Duration nodeTimeout;
    private final CompletableFuture<HttpResponse> response = new CompletableFuture<>();
    private final CompletableFuture<Boolean> continued = new CompletableFuture<>();
    private InboundBody body;
    private volatile boolean requestEnded;
    private volatile boolean released;
    private Runnable writableCallback;

    ClientExchange(Channel channel, ConnectionPool pool, Duration nodeTimeout) {
        this.channel = channel;
        this.pool = pool;
        this.nodeTimeout = nodeTimeout;
        // the server must at least answer the head (100 Continue or a final status) in time
        armTimeout(continued);
    }

    /** Fails the exchange if {@code awaited} is not done within node_timeout. */
    private void armTimeout(CompletableFuture<?> awaited) {
        ScheduledFuture<?> t = channel.eventLoop().schedule(() -> {
            if (!awaited.isDone()) {
                failPending(new TimeoutException("no response within node_timeout"));
                channel.close();
            }
        }, nodeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        awaited.whenComplete((r, e) -> t.cancel(false));
    }

    public Channel channel() {
        return channel;
    }

    /** The final (non-1xx) response head. Fails if the connection breaks or times out first. */
    public CompletableFuture<HttpResponse> response() {
        return response;
    }

    /**
     * Completes with true on {@code 100 Continue}, or false when a final response arrived first
     * (the server refused the body, e.g. 507 or 409).
     */
    public CompletableFuture<Boolean> continued() {
        return continued;
    }

    /** The response body; valid once {@link #response()} completed. */
    public InboundBody body() {
        return body;
    }

    public ChannelFuture write(ByteBuf chunk) {
        return channel.writeAndFlush(new DefaultHttpContent(chunk));
    }

    /** Ends a request whose body was streamed with {@link #write}. */
    public ChannelFuture end() {
        return ended(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }

    /**
     * The request is complete once {@code lastWrite} is out: a {@code FullHttpRequest} ends itself,
     * and a second end after it would be refused by the encoder (an exception per request).
     */
    ChannelFuture ended(ChannelFuture lastWrite) {
        armTimeout(response);
        lastWrite.addListener(x -> {
            requestEnded = true;
            maybeRelease();
        });
        return lastWrite;
    }

    public boolean isWritable() {
        return channel.isWritable();
    }

    /** Runs the callback on the event loop once the connection can take more request data. */
    public void onWritable(Runnable callback) {
        channel.eventLoop().execute(() -> {
            if (channel.isWritable() || !channel.isActive()) {
                callback.run();
            } else {
                writableCallback = callback;
            }
        });
    }

    /** Closes the connection: the exchange is abandoned. */
    public void abort() {
        released = true;
        channel.close();
        failPending(new java.io.IOException("exchange aborted"));
    }

    // ---- driven by ClientConnectionHandler on the event loop ----

    void onContinue() {
        continued.complete(true);
    }

    void onResponse(HttpResponse head, InboundBody responseBody) {
        this.body = responseBody;
        // the response first: whoever learns "no 100 Continue" goes on to read it
        response.complete(head);
        continued.complete(false);
    }

    void onWritabilityChanged() {
        if ((channel.isWritable() || !channel.isActive()) && writableCallback != null) {
            Runnable r = writableCallback;
            writableCallback = null;
            r.run();
        }
    }

    void failPending(Throwable cause) {
        continued.completeExceptionally(cause);
        response.completeExceptionally(cause);
        onWritabilityChanged();
    }

    /** Called when the response body was fully received. */
    void responseComplete(boolean keepAlive) {
        if (!keepAlive) {
            released = true;
            channel.close();
            return;
        }
        maybeRelease();
    }

    private void maybeRelease() {
        if (released || !requestEnded || body == null || !body.isComplete() || !response.isDone()) {
            return;
        }
        HttpResponse head = response.getNow(null);
        if (head == null || !HttpUtil.isKeepAlive(head)) {
            return;
        }
        released = true;
        pool.release(channel);
    }

    boolean releaseIfDone() {
        maybeRelease();
        return released;
    }
}
