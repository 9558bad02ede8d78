package io.zerostore.node.replication;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.InboundBody;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** Reads a small body (a missing check's offer or answer) whole, refusing more than a limit. */
final class BodyCollector implements BodySubscriber {
    private final InboundBody body;
    private final int limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final CompositeByteBuf buf = Unpooled.compositeBuffer(Integer.MAX_VALUE);
    private boolean done;

    private BodyCollector(InboundBody body, int limit) {
        this.body = body;
        this.limit = limit;
    }

    /** Completes with the bytes, or with {@link TooLarge} past {@code limit} (the rest is not read). */
    static CompletableFuture<byte[]> collect(InboundBody body, int limit) {
        BodyCollector c = new BodyCollector(body, limit);
        body.subscribe(c);
        return c.result;
    }

    @Override
    public void onChunk(ByteBuf chunk) {
        if (done) {
            chunk.release();
            return;
        }
        if (buf.readableBytes() + chunk.readableBytes() > limit) {
            chunk.release();
            done = true;
            buf.release();
            result.completeExceptionally(new TooLarge());
            return;
        }
        buf.addComponent(true, chunk);
        body.request();
    }

    @Override
    public void onEnd() {
        if (done) {
            return;
        }
        done = true;
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        result.complete(bytes);
    }

    @Override
    public void onError(Throwable cause) {
        if (done) {
            return;
        }
        done = true;
        buf.release();
        result.completeExceptionally(cause);
    }

    /** The body is longer than the caller accepts. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("body too large");
        }
    }
}
