package io.zerostore.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.SwiftStatus;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One request and its response on a server connection. Responses are written either whole
 * ({@link #respond}) or streamed ({@link #writeHead}, {@link #write}, {@link #writeFile}, {@link #end}),
 * honouring {@link #isWritable()} / {@link #onWritable} for backpressure.
 *
 * <p>Methods may be called from any thread; writes are ordered by Netty's channel.
 */
public final class HttpExchange {
    /** The most unread request body bytes skipped to keep a connection open (Swift's server drains). */
    static final long SKIPPABLE_REST = 64 * 1024;
    private final Channel channel;
    private final HttpRequest request;
    private final InboundBody body;
    private final boolean keepAliveRequested;
    private final Map<Attr<?>, Object> attrs = new HashMap<>();
    private final Runnable onDone;
    private RequestPath path;
    private volatile boolean headSent;
    private volatile boolean closeAfter;
    /** The connection ends after this answer while the client may still be sending its body. */
    private volatile boolean lingerAfter;
    private volatile int status;
    private volatile long bytesSent;
    private Runnable writableCallback;
    private final long startNanos = System.nanoTime();
    private Consumer<HttpExchange> completionListener;
    private final java.util.ArrayList<Consumer<HttpResponse>> headHooks = new java.util.ArrayList<>(4);
    private volatile boolean aborted;

    HttpExchange(Channel channel, HttpRequest request, InboundBody body, Runnable onDone) {
        this.channel = channel;
        this.request = request;
        this.body = body;
        this.onDone = onDone;
        this.keepAliveRequested = HttpUtil.isKeepAlive(request);
    }

    public HttpRequest request() {
        return request;
    }

    public HttpMethod method() {
        return request.method();
    }

    public HttpHeaders headers() {
        return request.headers();
    }

    /** The decoded path and query of the request URI. */
    public synchronized RequestPath path() {
        if (path == null) {
            path = RequestPath.parse(request.uri());
        }
        return path;
    }

    public InboundBody body() {
        return body;
    }

    public Channel channel() {
        return channel;
    }

    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    public long startNanos() {
        return startNanos;
    }

    @SuppressWarnings("unchecked")
    public synchronized <T> T attr(Attr<T> key) {
        return (T) attrs.get(key);
    }

    public synchronized <T> void attr(Attr<T> key, T value) {
        attrs.put(key, value);
    }

    /** Called once when the response has been fully written (for access logs and metrics). */
    public synchronized void onComplete(Consumer<HttpExchange> listener) {
        Consumer<HttpExchange> prev = completionListener;
        completionListener = prev == null ? listener : prev.andThen(listener);
    }

    /**
     * Lets a pipeline stage see and change the response head just before it is written, the way a
     * WSGI middleware wraps {@code start_response}: hooks run in reverse order of registration, so
     * the outermost filter (registered first) sees the head last.
     */
    public synchronized void onHead(Consumer<HttpResponse> hook) {
        headHooks.add(hook);
    }

    /**
     * Changes the request line as a later stage will see it (a filter turning {@code COPY} into a
     * {@code PUT} of the destination). The decoded path is recomputed.
     */
    public synchronized void rewrite(HttpMethod method, String uri) {
        request.setMethod(method);
        request.setUri(uri);
        path = null;
    }

    /** True when the response was abandoned half-way ({@link #abort()}). */
    public boolean aborted() {
        return aborted;
    }

    public boolean headSent() {
        return headSent;
    }

    public int status() {
        return status;
    }

    public long bytesSent() {
        return bytesSent;
    }

    // ---- whole responses ----

    /** Answers with a full response; Content-Length is set from the body. */
    public void respond(int code, HttpHeaders headers, ByteBuf content) {
        FullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, SwiftStatus.of(code), content, SwiftHeaders.HEADERS, SwiftHeaders.TRAILERS);
        if (headers != null) {
            res.headers().set(headers);
        }
        if (!res.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            HttpUtil.setContentLength(res, content.readableBytes());
        }
        if (method().equals(HttpMethod.HEAD)) {
            // HEAD keeps the Content-Length it was given but never sends bytes.
            res.content().clear();
        }
        prepareHead(res);
        bytesSent += res.content().readableBytes();
        channel.writeAndFlush(res).addListener(this::finish);
    }

    public void respond(int code, HttpHeaders headers, String text) {
        respond(code, headers, Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    /**
     * Answers with the Swift error: status line, body and content type as Swift sends them (no
     * body and {@code Content-Length: 0} for HEAD).
     */
    public void respondError(SwiftException e) {
        HttpHeaders h = new io.netty.handler.codec.http.DefaultHttpHeaders();
        e.headers().forEach(h::set);
        h.set(HttpHeaderNames.CONTENT_TYPE, e.contentType());
        // Swift sends no error body to HEAD; its Content-Length is 0 for the default page but the
        // length of the text for an error with its own text
        if (method().equals(HttpMethod.HEAD) && e.hasOwnBody()) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, e.body().getBytes(StandardCharsets.UTF_8).length);
        }
        respond(e.status(), h, method().equals(HttpMethod.HEAD) ? "" : e.body());
    }

    // ---- streamed responses ----

    /** Sends the head of a streamed response; set Content-Length or chunked encoding on it. */
    public ChannelFuture writeHead(HttpResponse head) {
        prepareHead(head);
        return channel.writeAndFlush(head);
    }

    public HttpResponse newHead(int code) {
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, SwiftStatus.of(code), SwiftHeaders.HEADERS);
    }

    /** Writes and flushes one chunk of the body (released by Netty). */
    public ChannelFuture write(ByteBuf chunk) {
        bytesSent += chunk.readableBytes();
        return channel.writeAndFlush(new io.netty.handler.codec.http.DefaultHttpContent(chunk));
    }

    /**
     * Writes a file region with zero-copy ({@code sendfile}); the file channel stays open and is
     * the caller's to close after {@link #end()}.
     */
    public ChannelFuture writeFile(FileChannel file, long position, long count) {
        bytesSent += count;
        return channel.writeAndFlush(new BorrowedFileRegion(file, position, count));
    }

    /** Ends a streamed response. */
    public ChannelFuture end() {
        ChannelFuture f = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        f.addListener(this::finish);
        return f;
    }

    /** Aborts a streamed response whose body cannot be completed: the client sees a short read. */
    public void abort() {
        aborted = true;
        closeAfter = true;
        channel.close();
        body.abandonIfUnclaimed();
        notifyComplete();
        runOnLoop(() -> onDone.run());
    }

    public boolean isWritable() {
        return channel.isWritable();
    }

    /** Runs the callback (on the event loop) as soon as the channel can take more data. */
    public void onWritable(Runnable callback) {
        runOnLoop(() -> {
            if (channel.isWritable() || !channel.isActive()) {
                callback.run();
            } else {
                writableCallback = callback;
            }
        });
    }

    void writabilityChanged() {
        if (channel.isWritable() && writableCallback != null) {
            Runnable r = writableCallback;
            writableCallback = null;
            r.run();
        }
    }

    void closed() {
        if (writableCallback != null) {
            Runnable r = writableCallback;
            writableCallback = null;
            r.run();
        }
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    private void prepareHead(HttpResponse head) {
        if (headSent) {
            throw new IllegalStateException("response already started");
        }
        headSent = true;
        status = head.status().code();
        // A body we did not read to the end leaves the connection in an unknown state: close it,
        // unless a small announced rest can simply be skipped as it arrives.
        if (!keepAliveRequested || (!body.isComplete() && !body.isSmallUnclaimedRest(SKIPPABLE_REST))) {
            closeAfter = true;
            lingerAfter = !body.isComplete();
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        if (!HttpUtil.isContentLengthSet(head) && !HttpUtil.isTransferEncodingChunked(head)
                && !(head instanceof FullHttpResponse)) {
            HttpUtil.setTransferEncodingChunked(head, true);
        }
        java.util.List<Consumer<HttpResponse>> hooks;
        synchronized (this) {
            hooks = new java.util.ArrayList<>(headHooks);
        }
        for (int i = hooks.size() - 1; i >= 0; i--) {
            hooks.get(i).accept(head);
        }
    }

    private void notifyComplete() {
        Consumer<HttpExchange> l;
        synchronized (this) {
            l = completionListener;
            completionListener = null;
        }
        if (l != null) {
            l.accept(this);
        }
    }

    private void finish(io.netty.util.concurrent.Future<? super Void> f) {
        body.abandonIfUnclaimed();
        notifyComplete();
        if (!f.isSuccess()) {
            channel.close();
        } else if (closeAfter) {
            LingeringClose.close(channel, lingerAfter && !aborted);
        }
        runOnLoop(onDone);
    }

    private void runOnLoop(Runnable r) {
        if (channel.eventLoop().inEventLoop()) {
            r.run();
        } else {
            channel.eventLoop().execute(r);
        }
    }

    /** A file region that does not close the file when Netty releases it. */
    private static final class BorrowedFileRegion extends DefaultFileRegion {
        BorrowedFileRegion(FileChannel file, long position, long count) {
            super(file, position, count);
        }

        @Override
        protected void deallocate() {
            // the caller owns the FileChannel
        }
    }

}
