package io.zerostore.common.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.zerostore.common.swift.SwiftException;
import java.util.ArrayDeque;

/**
 * Turns the decoded HTTP messages of one connection into exchanges, one at a time. Auto-read is
 * off: the connection is read only when the current exchange's body asks for data, or when the
 * previous exchange finished and the next request may be read.
 */
final class ServerConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ServerConnectionHandler.class.getName());
    private static final FullHttpResponse CONTINUE =
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);

    private final HttpHandler handler;
    private final ArrayDeque<HttpObject> pipelined = new ArrayDeque<>();
    private boolean over;
    private ChannelHandlerContext ctx;
    private HttpExchange current;
    /** The client shut down its sending side: answer the current request, then close. */
    private boolean inputShutdown;
    /** Bytes of an answered request's body skipped since (Swift's server reads them away). */
    private long skipped;

    ServerConnectionHandler(HttpHandler handler) {
        this.handler = handler;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject obj)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        if (current == null && pipelined.isEmpty()) {
            dispatch(obj);
        } else if (current != null && !(obj instanceof HttpRequest) && pipelined.isEmpty()) {
            if (obj instanceof HttpContent c) {
                current.body().offer(c);
            }
        } else {
            pipelined.add(obj);
        }
    }

    private void dispatch(HttpObject obj) {
        if (!(obj instanceof HttpRequest req)) {
            // the rest of a body the answered request did not read: skipped, within a limit
            if (obj instanceof HttpContent c) {
                skipped += c.content().readableBytes();
            }
            io.netty.util.ReferenceCountUtil.release(obj);
            if (skipped > HttpExchange.SKIPPABLE_REST) {
                ctx.close();
            } else {
                ctx.read();
            }
            return;
        }
        DecoderResult result = req.decoderResult();
        boolean unframed = false;
        if (result.isFailure()) {
            if (!hasUnsupportedTransferCoding(req)) {
                badRequest(result.cause());
                return;
            }
            // Swift answers a Transfer-Encoding it cannot frame from the application (its own 400
            // text for a PUT): let the request through without a body, then close the connection
            unframed = true;
            req.setDecoderResult(DecoderResult.SUCCESS);
            HttpUtil.setKeepAlive(req, false);
        }
        if (hasOverlongLine(req)) {
            io.netty.util.ReferenceCountUtil.release(req);
            badRequest(new TooLongFrameException("header line"));
            return;
        }
        boolean bodyless = unframed || (!HttpUtil.isTransferEncodingChunked(req)
                && HttpUtil.getContentLength(req, 0L) == 0L);
        InboundBody body = new InboundBody(ctx.channel(), bodyless);
        if (!bodyless && !HttpUtil.isTransferEncodingChunked(req)) {
            body.declareLength(HttpUtil.getContentLength(req, -1L));
        }
        skipped = 0;
        if (HttpUtil.is100ContinueExpected(req)) {
            req.headers().remove(HttpHeaderNames.EXPECT);
            body.onFirstDemand(() -> ctx.writeAndFlush(CONTINUE.retainedDuplicate()));
        }
        HttpExchange exchange = new HttpExchange(ctx.channel(), req, body, this::exchangeDone);
        current = exchange;
        if (req instanceof HttpContent c) {
            body.offer(c);
        }
        try {
            handler.handle(exchange);
        } catch (SwiftException e) {
            if (!exchange.headSent()) {
                exchange.respondError(e);
            } else {
                exchange.abort();
            }
        } catch (Exception | Error e) {
            LOG.log(System.Logger.Level.ERROR, "unhandled error for " + req.method() + " " + req.uri(), e);
            if (!exchange.headSent()) {
                exchange.respondError(SwiftException.plain(500, "An error occurred"));
            } else {
                exchange.abort();
            }
        }
    }

    private void exchangeDone() {
        if (current == null) {
            return;
        }
        current = null;
        if (inputShutdown && pipelined.isEmpty()) {
            ctx.close();
        }
        if (!ctx.channel().isActive()) {
            releasePipelined();
            return;
        }
        while (current == null && !pipelined.isEmpty()) {
            HttpObject next = pipelined.poll();
            dispatch(next);
            while (current != null && !pipelined.isEmpty() && !(pipelined.peek() instanceof HttpRequest)) {
                HttpObject c = pipelined.poll();
                if (c instanceof HttpContent hc) {
                    current.body().offer(hc);
                }
            }
        }
        if (current == null) {
            ctx.read();
        }
    }

    /** True for a request whose only fault is a Transfer-Encoding that does not end in chunked. */
    private static boolean hasUnsupportedTransferCoding(HttpRequest req) {
        String te = req.headers().get(HttpHeaderNames.TRANSFER_ENCODING);
        if (te == null || req.method() == null || req.uri() == null) {
            return false;
        }
        String last = te.substring(te.lastIndexOf(',') + 1).strip();
        return !last.equalsIgnoreCase("chunked");
    }

    /** Swift's HTTP server limits each header line, not the whole head. */
    private static boolean hasOverlongLine(HttpRequest req) {
        for (var e : req.headers()) {
            if (e.getKey().length() + 2 + e.getValue().length() > HttpServer.MAX_HEADER_LINE) {
                return true;
            }
        }
        return false;
    }

    private void badRequest(Throwable cause) {
        // Swift's HTTP server answers an over-long header line this way, with an empty body.
        String reason = cause instanceof TooLongFrameException ? "Header Line Too Long" : "Bad Request";
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(400, reason), Unpooled.EMPTY_BUFFER);
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null) {
            current.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            inputShutdown = true;
            if (current == null && pipelined.isEmpty()) {
                ctx.close();
            } else if (current != null) {
                // a body that stops short is the client's disconnect (Swift's 499)
                current.body().channelClosed();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        connectionOver();
    }

    /** Also when a lingering close takes the connection over before it closes. */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        connectionOver();
    }

    private void connectionOver() {
        if (over) {
            return;
        }
        over = true;
        if (current != null) {
            current.body().channelClosed();
            current.closed();
        }
        releasePipelined();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (current != null) {
            current.body().fail(cause);
        }
        ctx.close();
    }

    private void releasePipelined() {
        HttpObject o;
        while ((o = pipelined.poll()) != null) {
            io.netty.util.ReferenceCountUtil.release(o);
        }
    }

}
