package io.zerostore.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Apache's lingering close, for an answer that ends a connection while the client may still be
 * sending its body (say a 507 or 413 given before a large upload was read). Closing at once would
 * leave unread bytes in the socket, and the kernel answers those with a reset that can throw away
 * the answer before the client has read it. So the output is shut down (the client sees the end
 * of the answer), and what still arrives is read and dropped until the client closes its side, a
 * byte budget is used up, or a short time has passed.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter {
    /** How long the client gets to notice the answer and stop sending. */
    static final long LINGER_MILLIS = 2_000;
    /** Most bytes read away before giving up on a client that keeps sending. */
    static final long LINGER_BYTES = 64L << 20;

    private long dropped;

    private LingeringClose() {}

    /** Ends the connection after the answer was written, lingering when the client may still send. */
    static void close(Channel channel, boolean clientMaySend) {
        if (!clientMaySend || !(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
            channel.close();
            return;
        }
        channel.eventLoop().execute(() -> {
            ChannelPipeline p = channel.pipeline();
            while (p.last() != null) {
                p.removeLast();
            }
            p.addLast(new LingeringClose());
            duplex.shutdownOutput();
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
            channel.read();
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) {
            dropped += b.readableBytes();
        }
        ReferenceCountUtil.release(msg);
        if (dropped > LINGER_BYTES) {
            ctx.close();
        } else {
            ctx.read();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        // the client closed its side (ChannelInputShutdownEvent): nothing more to wait for
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
