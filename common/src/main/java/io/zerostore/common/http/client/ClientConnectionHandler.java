package io.zerostore.common.http.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.zerostore.common.http.InboundBody;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/** Routes the responses of one backend connection to its current {@link ClientExchange}. */
final class ClientConnectionHandler extends ChannelInboundHandlerAdapter {
    private ClientExchange current;
    private InboundBody body;
    private boolean skipInterimLast;
    private boolean keepAlive;

    void bind(ClientExchange exchange) {
        this.current = exchange;
        this.body = null;
        this.skipInterimLast = false;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (current == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (msg instanceof HttpResponse res) {
            if (res.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                current.failPending(new IOException("bad response", res.decoderResult().cause()));
                ctx.close();
                return;
            }
            int code = res.status().code();
            if (code >= 100 && code < 200) {
                skipInterimLast = true;
                current.onContinue();
                ReferenceCountUtil.release(msg);
                ctx.read();
                return;
            }
            keepAlive = HttpUtil.isKeepAlive(res);
            body = new InboundBody(ctx.channel(), false);
            body.onWireComplete(this::bodyFinished);
            current.onResponse(res, body);
            if (res instanceof HttpContent c) {
                body.offer(c);
            }
            return;
        }
        if (msg instanceof HttpContent c) {
            if (skipInterimLast && body == null && c instanceof LastHttpContent) {
                skipInterimLast = false;
                c.release();
                return;
            }
            if (body == null) {
                c.release();
                return;
            }
            body.offer(c);
            return;
        }
        ReferenceCountUtil.release(msg);
    }

    private void bodyFinished() {
        ClientExchange ex = current;
        if (ex != null) {
            ex.responseComplete(keepAlive);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null) {
            current.onWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.failPending(new ClosedChannelException());
        }
        if (body != null) {
            body.channelClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (current != null) {
            current.failPending(cause);
        }
        if (body != null) {
            body.fail(cause);
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof io.netty.handler.timeout.IdleStateEvent) {
            exceptionCaught(ctx, new java.util.concurrent.TimeoutException("backend idle timeout"));
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }
}
