package io.zerostore.bench;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Answers each request once its body has been read (and dropped): 200, with the fixed body
 * for GET, none for writes, and a fixed token for {@code /auth/...}.
 */
final class StaticResponderHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final PayloadBlock block;
    private final long bodySize;
    private final String etag;
    private HttpRequest request;

    StaticResponderHandler(PayloadBlock block, long bodySize, String etag) {
        this.block = block;
        this.bodySize = bodySize;
        this.etag = etag;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest r) {
            request = r;
        }
        if (msg instanceof LastHttpContent && request != null) {
            respond(ctx, request);
            request = null;
        }
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        boolean head = HttpMethod.HEAD.equals(req.method());
        boolean get = HttpMethod.GET.equals(req.method());
        ChannelFuture last;
        if (req.uri().startsWith("/auth/")) {
            DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            String host = req.headers().get(HttpHeaderNames.HOST, "127.0.0.1");
            r.headers().set("X-Storage-Url", "http://" + host + "/v1/AUTH_test")
                .set("X-Auth-Token", "AUTH_tkstatic")
                .set(HttpHeaderNames.CONTENT_LENGTH, 0);
            last = ctx.writeAndFlush(r);
        } else if (!get && !head) {
            // writes answer like Swift's PUT: a status, no body
            DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            last = ctx.writeAndFlush(r);
        } else if (head || bodySize <= PayloadBlock.SIZE) {
            DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                head ? block.slice(0) : block.slice((int) bodySize));
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, bodySize).set(HttpHeaderNames.ETAG, etag);
            last = ctx.writeAndFlush(r);
        } else {
            HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, bodySize).set(HttpHeaderNames.ETAG, etag);
            ctx.write(r);
            last = ctx.writeAndFlush(new HttpChunkedInput(new GeneratedBody(block, bodySize)));
        }
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
