package io.zerostore.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Runs one exchange at a time on a keep-alive connection (no pipelining): writes the request,
 * counts (and optionally digests) the response body as it arrives, and discards it.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
    private static final DefaultHttpHeadersFactory HEADERS =
        DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final ExchangeListener listener;
    private final HttpHeaders commonHeaders;
    private ChannelHandlerContext ctx;
    private Exchange current;
    private boolean informational;

    ExchangeHandler(ExchangeListener listener, HttpHeaders commonHeaders) {
        this.listener = listener;
        this.commonHeaders = commonHeaders;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    void send(Exchange exchange) {
        current = exchange;
        Request r = exchange.request;
        HttpHeaders headers = HEADERS.newHeaders().add(commonHeaders);
        HttpRequest head;
        if (r.stream() != null) {
            head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, r.method(), r.path(), headers);
        } else {
            ByteBuf body = r.content() != null ? r.content() : Unpooled.EMPTY_BUFFER;
            head = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, r.method(), r.path(), body,
                headers, HEADERS.newEmptyHeaders());
        }
        if (r.content() != null || r.stream() != null || "PUT".equals(r.method().name())) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, r.contentLength());
        }
        exchange.startNanos = System.nanoTime();
        ChannelFutureListener written = f -> {
            if (f.isSuccess()) {
                exchange.requestWritten = true;
            } else {
                fail(f.cause());
            }
        };
        if (r.stream() != null) {
            ctx.write(head);
            ctx.writeAndFlush(new HttpChunkedInput(r.stream())).addListener(written);
        } else {
            ctx.writeAndFlush(head).addListener(written);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            Exchange e = current;
            if (e == null) {
                return;
            }
            if (msg instanceof HttpResponse response) {
                informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL
                    && !response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS);
                if (!informational) {
                    e.status = response.status().code();
                    e.keepAlive = HttpUtil.isKeepAlive(response);
                    e.etag = response.headers().get(HttpHeaderNames.ETAG);
                    if (e.request.digestBody()) {
                        e.digest = PayloadBlock.newMd5();
                    }
                }
            }
            if (msg instanceof HttpContent content && !informational) {
                ByteBuf buf = content.content();
                e.bytesIn += buf.readableBytes();
                if (e.digest != null && buf.isReadable()) {
                    for (ByteBuffer nio : buf.nioBuffers()) {
                        e.digest.update(nio);
                    }
                }
            }
            if (msg instanceof LastHttpContent) {
                if (informational) {
                    informational = false;
                    return;
                }
                e.endNanos = System.nanoTime();
                current = null;
                listener.completed(e);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent && current != null) {
            fail(new TimeoutException("no I/O on the connection within the timeout"));
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail(new ClosedChannelException());
    }

    private void fail(Throwable cause) {
        Exchange e = current;
        current = null;
        ctx.close();
        if (e != null) {
            e.endNanos = System.nanoTime();
            listener.failed(e, cause);
        }
    }
}
