package io.zerostore.common.http;

import io.netty.buffer.ByteBuf;

/**
 * Receives a streamed HTTP body one chunk at a time, on the connection's event loop. After
 * {@link #onChunk} the next chunk comes only once the subscriber calls {@link InboundBody#request()}:
 * that call is the backpressure, so a slow disk or a slow peer stops the socket reads.
 */
public interface BodySubscriber {
    /** One chunk; the subscriber owns it and must release it. */
    void onChunk(ByteBuf chunk);

    /** The body ended normally. */
    void onEnd();

    /** The body broke off (peer closed, bad framing, timeout). No more calls follow. */
    void onError(Throwable cause);
}
