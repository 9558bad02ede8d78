package io.zerostore.node.server;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpResponse;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.metrics.Metrics;
import io.zerostore.node.diskfile.DeviceExecutors;
import io.zerostore.node.diskfile.Natives;
import io.zerostore.node.diskfile.StoredObject;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends a GET body straight from the object's file with sendfile ({@link HttpExchange#writeFile}):
 * the bytes never enter user space. The file goes out in windows; while one window is on the
 * wire, the next is read ahead into the page cache on the device's disk thread
 * ({@code POSIX_FADV_WILLNEED}) so that the event loop's sendfile finds it cached instead of
 * waiting for the disk. A window is handed over only when the channel is writable again, which is
 * the backpressure against a slow client. Multipart range bodies interleave small header buffers.
 */
final class FileStreamer {
    static final Counter SENDFILE_BYTES = Counter.builder("zerostore.object.sendfile.bytes")
            .description("object body bytes sent by zero-copy file regions")
            .register(Metrics.registry());

    /** A piece of the body: literal bytes, or a region of the file. */
    static final class Segment {
        final ByteBuf bytes;
        long position;
        long remaining;

        private Segment(ByteBuf bytes, long position, long remaining) {
            this.bytes = bytes;
            this.position = position;
            this.remaining = remaining;
        }

        static Segment bytes(byte[] b) {
            return new Segment(Unpooled.wrappedBuffer(b), 0, 0);
        }

        static Segment region(long position, long count) {
            return new Segment(null, position, count);
        }
    }

    private final HttpExchange ex;
    private final StoredObject obj;
    private final ArrayDeque<Segment> segments;
    private final DeviceExecutors executors;
    private final String device;
    private final long window;
    private final long keepCacheSize;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ChannelFutureListener onConnectionClosed = f -> close();

    FileStreamer(HttpExchange ex, StoredObject obj, ArrayDeque<Segment> segments, DeviceExecutors executors,
                 String device, long window, long keepCacheSize) {
        this.ex = ex;
        this.obj = obj;
        this.segments = segments;
        this.executors = executors;
        this.device = device;
        this.window = window;
        this.keepCacheSize = keepCacheSize;
    }

    /**
     * Sends the head, then the body; the object is closed when the response ends or breaks. Called
     * on the disk thread that opened the object, which also starts reading the first window.
     */
    void start(HttpResponse head) {
        Segment first = segments.stream().filter(s -> s.bytes == null).findFirst().orElse(null);
        if (first != null && obj.contentLength() > window) {
            Natives.fadvise(obj.dataFile(), first.position, Math.min(window, first.remaining),
                    Natives.POSIX_FADV_WILLNEED);
        }
        ex.channel().closeFuture().addListener(onConnectionClosed);
        ex.writeHead(head);
        ex.eventLoop().execute(this::pump);
    }

    private void pump() {
        while (true) {
            if (!ex.isOpen()) {
                close();
                return;
            }
            Segment s = segments.peek();
            if (s == null) {
                ex.end().addListener(f -> close());
                return;
            }
            if (!ex.isWritable()) {
                ex.onWritable(this::pump);
                return;
            }
            if (s.bytes != null) {
                segments.poll();
                ex.write(s.bytes);
                continue;
            }
            long n = Math.min(window, s.remaining);
            ex.writeFile(obj.channel(), s.position, n).addListener(f -> {
                if (!f.isSuccess()) {
                    ex.abort();
                }
            });
            SENDFILE_BYTES.increment(n);
            s.position += n;
            s.remaining -= n;
            if (s.remaining == 0) {
                segments.poll();
            }
            Segment next = segments.stream().filter(x -> x.bytes == null).findFirst().orElse(null);
            if (next != null) {
                readAhead(next.position, Math.min(window, next.remaining));
            }
        }
    }

    private void readAhead(long position, long length) {
        if (obj.contentLength() <= window) {
            return; // small objects: one read by sendfile itself is cheaper than a hint
        }
        executors.continueWith(device, () -> {
            Natives.fadvise(obj.dataFile(), position, length, Natives.POSIX_FADV_WILLNEED);
            return null;
        });
    }

    private void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // keep-alive connections serve many GETs: do not let listeners pile up on them
        ex.channel().closeFuture().removeListener(onConnectionClosed);
        for (Segment s : segments) {
            if (s.bytes != null) {
                s.bytes.release();
            }
        }
        segments.clear();
        executors.continueWith(device, () -> {
            if (obj.contentLength() > keepCacheSize) {
                Natives.fadvise(obj.dataFile(), 0, 0, Natives.POSIX_FADV_DONTNEED);
            }
            obj.close();
            return null;
        }).whenComplete((v, e) -> {
            if (e != null) {
                obj.close(); // the server is shutting down
            }
        });
    }
}
