package io.zerostore.node.server;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.Conditionals;
import io.zerostore.common.swift.HttpDate;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DiskFile;
import io.zerostore.node.diskfile.DiskFileWriter;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.updater.ContainerUpdate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Streams one PUT body to its {@link DiskFileWriter}: each chunk is written on the device's disk
 * thread, and the next chunk is requested only after that write returned, so a slow disk slows
 * the socket instead of filling memory. The end verifies the ETag (422), commits, sends the
 * container update and answers 201. A broken connection (499), a stalled client (408) or a disk
 * error removes the temporary file: nothing becomes visible.
 */
final class ObjectUpload implements BodySubscriber {
    private final ObjectContext ctx;
    private final HttpExchange ex;
    private final ObjectRequest req;
    private final DiskFile file;
    private final DiskFileWriter writer;
    private final Timestamp ts;
    private final long expectedLength;
    private final AtomicBoolean finished = new AtomicBoolean();
    private Supplier<CompletableFuture<Void>> onCommitted = () -> CompletableFuture.completedFuture(null);
    private volatile long waitingSince = -1;
    private long received;
    private ScheduledFuture<?> timer;

    ObjectUpload(ObjectContext ctx, HttpExchange ex, ObjectRequest req, DiskFile file, DiskFileWriter writer,
                 Timestamp ts, long expectedLength) {
        this.ctx = ctx;
        this.ex = ex;
        this.req = req;
        this.file = file;
        this.writer = writer;
        this.ts = ts;
        this.expectedLength = expectedLength;
    }

    /** Subscribing asks for the first chunk, which sends {@code 100 Continue} if it was expected. */
    /**
     * More updates to send once the object is durable (the expiring-queue changes); the answer
     * waits for them as for the container update.
     */
    ObjectUpload onCommitted(Supplier<CompletableFuture<Void>> updates) {
        this.onCommitted = updates;
        return this;
    }

    void start() {
        waitingSince = System.nanoTime();
        armTimer(ctx.config().clientTimeout().toNanos());
        ex.body().subscribe(this);
    }

    private void armTimer(long delayNanos) {
        timer = ex.eventLoop().schedule(this::checkStalled, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkStalled() {
        if (finished.get()) {
            return;
        }
        long since = waitingSince;
        long limit = ctx.config().clientTimeout().toNanos();
        long waited = since < 0 ? 0 : System.nanoTime() - since;
        if (since >= 0 && waited >= limit) {
            fail(new SwiftException(408));
        } else {
            armTimer(limit - waited);
        }
    }

    @Override
    public void onChunk(ByteBuf chunk) {
        waitingSince = -1;
        received += chunk.readableBytes();
        if (finished.get()) {
            chunk.release();
            return;
        }
        if (received > ctx.config().maxFileSize()) {
            chunk.release();
            fail(SwiftException.plain(413, "Your request is too large."));
            return;
        }
        ctx.executors().continueWith(req.device(), () -> {
            try {
                if (!finished.get()) {
                    writer.write(chunk);
                }
            } finally {
                chunk.release();
            }
            return null;
        }).whenComplete((v, err) -> {
            if (err != null) {
                fail(err);
            } else if (!finished.get()) {
                waitingSince = System.nanoTime();
                ex.body().request();
            }
        });
    }

    @Override
    public void onEnd() {
        waitingSince = -1;
        ctx.executors().continueWith(req.device(), this::commit).whenComplete((update, err) -> {
            if (err != null) {
                fail(err);
                return;
            }
            if (update == null || !finished.compareAndSet(false, true)) {
                return;
            }
            cancelTimer();
            CompletableFuture<Void> more = onCommitted.get();
            HttpHeaders h = SwiftHeaders.create();
            h.set("Etag", writer.etag());
            h.set("Last-Modified", HttpDate.format(ts.ceilSeconds()));
            h.set("Content-Type", SwiftException.HTML);
            // wait on a new future: completing the update's own future early would skip its async pending
            CompletableFuture.allOf(ctx.updater().update(req.device(), update.device(), file.hash(), ts,
                            update.update()), more)
                    .completeOnTimeout(null, ctx.config().containerUpdateTimeout().toNanos(), TimeUnit.NANOSECONDS)
                    .whenComplete((x, e) -> ex.respond(201, h, ""));
        });
    }

    private record Committed(Path device, ContainerUpdate update) {}

    /** On the disk thread: ETag check, metadata, durable commit. */
    private Committed commit() throws Exception {
        if (finished.get()) {
            return null;
        }
        String etag = writer.etag();
        if (expectedLength >= 0 && writer.bytesWritten() != expectedLength) {
            throw new SwiftException(499);
        }
        String given = req.headers().get("ETag");
        // Swift compares exactly: an upper-case hex digest is a mismatch
        if (given != null && !Conditionals.normalize(given.strip()).equals(etag)) {
            throw new SwiftException(422);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ObjectMetadata.TIMESTAMP, ts.internal());
        meta.put(ObjectMetadata.CONTENT_TYPE, req.headers().get("Content-Type"));
        meta.put(ObjectMetadata.CONTENT_LENGTH, Long.toString(writer.bytesWritten()));
        meta.put(ObjectMetadata.ETAG, etag);
        MetadataRules.collect(req.headers(), true, meta);
        writer.commit(ObjectMetadata.of(meta));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Timestamp", ts.internal());
        headers.put("X-Size", Long.toString(writer.bytesWritten()));
        headers.put("X-Content-Type", req.headers().get("Content-Type"));
        headers.put("X-Etag", etag);
        copyTransId(headers);
        ContainerUpdate u = new ContainerUpdate("PUT", req.account(), req.container(), req.object(), headers,
                ContainerUpdate.targetsOf(req.headers()));
        return new Committed(ctx.files().device(req.device()), u);
    }

    private void copyTransId(Map<String, String> headers) {
        String tx = req.headers().get("X-Trans-Id");
        if (tx != null) {
            headers.put("X-Trans-Id", tx);
        }
        headers.put("X-Backend-Storage-Policy-Index", "0");
    }

    @Override
    public void onError(Throwable cause) {
        fail(new SwiftException(499));
    }

    /** Ends the upload once: the temporary file goes, the client hears why (if it still listens). */
    private void fail(Throwable cause) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        cancelTimer();
        ctx.executors().continueWith(req.device(), () -> {
            writer.abort();
            return null;
        }).whenComplete((v, e) -> {
            if (ex.isOpen()) {
                Responses.fail(ex, req.device(), cause);
            }
        });
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
