package io.zerostore.common.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;

/**
 * A streamed body arriving on a channel whose auto-read is off: the channel is read only when the
 * subscriber asks for more, so at most one socket read of data is ever queued here. Used for
 * request bodies on the server side and response bodies on the client side.
 *
 * <p>All methods may be called from any thread; the work happens on the channel's event loop.
 */
public final class InboundBody {
    private final Channel channel;
    private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
    private BodySubscriber subscriber;
    private Runnable firstDemandHook;
    private Runnable wireCompleteHook;
    private boolean demand;
    private boolean ended;
    private Throwable error;
    private boolean finished;
    private boolean delivering;
    private boolean discarding;
    private long receivedBytes;
    private volatile long declaredLength = -1;

    public InboundBody(Channel channel, boolean alreadyEnded) {
        this.channel = channel;
        this.ended = alreadyEnded;
    }

    /** Something to run when the body is first demanded (sends {@code 100 Continue}). */
    void onFirstDemand(Runnable hook) {
        this.firstDemandHook = hook;
    }

    /** Starts delivery to the subscriber; the first chunk is requested immediately. */
    public void subscribe(BodySubscriber s) {
        onLoop(() -> {
            if (subscriber != null || discarding) {
                throw new IllegalStateException("body already subscribed");
            }
            subscriber = s;
            demand = true;
            drain();
        });
    }

    /** Asks for the next chunk. */
    public void request() {
        onLoop(() -> {
            demand = true;
            drain();
        });
    }

    /** Drops the rest of the body (reads it to the end so the connection can be reused). */
    public void discard() {
        onLoop(() -> {
            discarding = true;
            releaseQueued();
            if (subscriber == null) {
                subscriber = new Discarder();
            }
            demand = true;
            drain();
        });
    }

    /**
     * The exchange is over: a body nobody subscribed to (a request refused before its body was
     * read, e.g. 409 to a PUT) is dropped. Its queued buffers are released, no {@code 100 Continue}
     * is sent and nothing more is queued; the connection stays usable only if the body had fully
     * arrived (otherwise the response closed it).
     */
    void abandonIfUnclaimed() {
        onLoop(() -> {
            if (subscriber == null && !discarding) {
                finished = true;
                firstDemandHook = null;
                releaseQueued();
            }
        });
    }

    /** The Content-Length the sender announced, for {@link #isSmallUnclaimedRest}. */
    void declareLength(long length) {
        this.declaredLength = length;
    }

    /**
     * True when nobody reads this body and no {@code 100 Continue} is pending (the client may never
     * send it), and at most {@code limit} announced bytes are still to come, or the length is not
     * announced (chunked): the connection can then stay open and the rest be skipped as it
     * arrives, as Swift's server does, instead of closing it. A chunked rest that turns out
     * longer than the limit still closes the connection ({@link ServerConnectionHandler}).
     */
    boolean isSmallUnclaimedRest(long limit) {
        long declared = declaredLength;
        return !ended && subscriber == null && !discarding && firstDemandHook == null
                && (declared < 0 || declared - receivedBytes <= limit);
    }

    /** True once the final chunk has been received (it may still sit in the queue). */
    public boolean isComplete() {
        return ended;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    // ---- producer side: the channel handler, on the event loop ----

    /** Runs once when the final chunk has been received from the wire. */
    public void onWireComplete(Runnable hook) {
        this.wireCompleteHook = hook;
        if (ended && error == null) {
            fireWireComplete();
        }
    }

    private void fireWireComplete() {
        Runnable h = wireCompleteHook;
        wireCompleteHook = null;
        if (h != null) {
            h.run();
        }
    }

    /** Transport side: one decoded piece of the body (released here). */
    public void offer(HttpContent content) {
        ByteBuf data = content.content();
        if (data.isReadable()) {
            receivedBytes += data.readableBytes();
            if (discarding || finished) {
                // nothing to keep
            } else {
                queue.add(data.retain());
            }
        }
        content.release();
        if (content instanceof LastHttpContent) {
            ended = true;
            fireWireComplete();
        }
        drain();
    }

    /** Transport side: the body broke off. */
    public void fail(Throwable cause) {
        if (ended || finished) {
            return;
        }
        error = cause;
        drain();
    }

    /** Transport side: the connection closed. */
    public void channelClosed() {
        fail(new ClosedChannelException());
    }

    private void drain() {
        if (delivering || finished) {
            return;
        }
        delivering = true;
        try {
            if (demand && firstDemandHook != null) {
                Runnable hook = firstDemandHook;
                firstDemandHook = null;
                if (!ended && queue.isEmpty()) {
                    hook.run();
                }
            }
            while (subscriber != null && demand && !finished) {
                ByteBuf next = queue.poll();
                if (next != null) {
                    demand = false;
                    subscriber.onChunk(next);
                } else if (error != null) {
                    finished = true;
                    subscriber.onError(error);
                } else if (ended) {
                    finished = true;
                    subscriber.onEnd();
                } else {
                    channel.read();
                    break;
                }
            }
        } finally {
            delivering = false;
        }
    }

    private void releaseQueued() {
        ByteBuf b;
        while ((b = queue.poll()) != null) {
            b.release();
        }
    }

    private void onLoop(Runnable r) {
        if (channel.eventLoop().inEventLoop()) {
            r.run();
        } else {
            channel.eventLoop().execute(r);
        }
    }

    private final class Discarder implements BodySubscriber {
        @Override
        public void onChunk(ByteBuf chunk) {
            chunk.release();
            demand = true;
        }

        @Override
        public void onEnd() {}

        @Override
        public void onError(Throwable cause) {}
    }
}
