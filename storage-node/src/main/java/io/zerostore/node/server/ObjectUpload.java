package io.zerostore.node.server;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.StallWatch;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.Conditionals;
import io.zerostore.common.swift.HttpDate;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DiskFile;
import io.zerostore.node.diskfile.DiskFileWriter;
import io.zerostore.node.diskfile.ObjectMetadata;
import io.zerostore.node.updater.ContainerUpdate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Streams one PUT body to its {@link DiskFileWriter}. The chunks that arrive while the device's
 * disk thread writes the previous ones are gathered and written together by its next task, and
 * the socket is read ahead by at most {@link #READ_AHEAD} bytes: a slow disk still slows the
 * socket instead of filling memory, but a fast one is not held to one thread hop per socket read.
 * A body that is complete on the wire (a small object) is written and committed by one disk task.
 * The end verifies the ETag (422), commits, sends the container update and answers 201. A broken
 * connection (499), a stalled client (408) or a disk error removes the temporary file: nothing
 * becomes visible.
 *
 * <p>The batching state is confined to the connection's event loop; the writer is used by one
 * disk task at a time, in order.
 */
final class ObjectUpload implements BodySubscriber {
    /** Body bytes read from the socket but not yet handed to the disk, at most (plus one socket read). */
    static final int READ_AHEAD = 512 * 1024;

    private final ObjectContext ctx;
    private final HttpExchange ex;
    private final ObjectRequest req;
    private final DiskFile file;
    private final DiskFileWriter writer;
    private final Timestamp ts;
    private final long expectedLength;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final StallWatch stall;
    private long received;
    private Supplier<CompletableFuture<Void>> onCommitted = () -> CompletableFuture.completedFuture(null);
    // event loop only
    private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private long pendingBytes;
    private boolean writing;
    private boolean ended;
    private boolean requested;

    ObjectUpload(ObjectContext ctx, HttpExchange ex, ObjectRequest req, DiskFile file, DiskFileWriter writer,
                 Timestamp ts, long expectedLength) {
        this.ctx = ctx;
        this.ex = ex;
        this.req = req;
        this.file = file;
        this.writer = writer;
        this.ts = ts;
        this.expectedLength = expectedLength;
        this.stall = new StallWatch(ex.eventLoop(), ctx.config().clientTimeout(), () -> fail(new SwiftException(408)));
    }

    /**
     * More updates to send once the object is durable (the expiring-queue changes); the answer
     * waits for them as for the container update.
     */
    ObjectUpload onCommitted(Supplier<CompletableFuture<Void>> updates) {
        this.onCommitted = updates;
        return this;
    }

    /** Subscribing asks for the first chunk, which sends {@code 100 Continue} if it was expected. */
    void start() {
        ex.eventLoop().execute(() -> {
            requested = true;
            stall.start();
            ex.body().subscribe(this);
        });
    }

    @Override
    public void onChunk(ByteBuf chunk) {
        requested = false;
        stall.received();
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
        pending.add(chunk);
        pendingBytes += chunk.readableBytes();
        if (ex.body().isComplete()) {
            requestMore(); // only the end is left: it comes at once, and one disk task writes and commits
            return;
        }
        if (!writing) {
            writeBatch(false);
        }
        if (pendingBytes < READ_AHEAD) {
            requestMore();
        }
    }

    @Override
    public void onEnd() {
        requested = false;
        stall.received();
        ended = true;
        if (!writing && !finished.get()) {
            writeBatch(true);
        }
    }

    private void requestMore() {
        requested = true;
        stall.waiting();
        ex.body().request();
    }

    /** Hands every pending chunk to one disk task; the last one also commits. */
    private void writeBatch(boolean last) {
        ByteBuf[] batch = pending.toArray(ByteBuf[]::new);
        pending.clear();
        pendingBytes = 0;
        writing = true;
        ctx.executors().continueWith(req.device(), () -> {
            try {
                for (ByteBuf b : batch) {
                    if (!finished.get()) {
                        writer.write(b);
                    }
                }
            } finally {
                for (ByteBuf b : batch) {
                    b.release();
                }
            }
            return last ? commit() : null;
        }).whenComplete((committed, err) -> ex.eventLoop().execute(() -> written(last, committed, err)));
    }

    /** On the event loop, after a disk task. */
    private void written(boolean last, Commit commit, Throwable err) {
        writing = false;
        if (err != null) {
            fail(err);
        } else if (finished.get()) {
            releasePending();
        } else if (commit instanceof Rejected r) {
            fail(new SwiftException(r.status()));
        } else if (last) {
            committed((Committed) commit);
        } else if (ended) {
            writeBatch(true);
        } else {
            if (!pending.isEmpty()) {
                writeBatch(false);
            }
            if (!requested) {
                requestMore();
            }
        }
    }

    /** Answers 201 once the container replicas were told (or the update timed out into an async pending). */
    private void committed(Committed c) {
        if (c == null || !finished.compareAndSet(false, true)) {
            return;
        }
        stall.stop();
        HttpHeaders h = SwiftHeaders.create();
        h.set("Etag", writer.etag());
        h.set("Last-Modified", HttpDate.format(ts.ceilSeconds()));
        h.set("Content-Type", SwiftException.HTML);
        CompletableFuture<Void> more = onCommitted.get();
        // the updates go on (into an async pending if need be) after the timeout answered the client;
        // the timer is the event loop's own, not a wake-up of another thread per PUT
        AtomicBoolean answered = new AtomicBoolean();
        Runnable answer = () -> {
            if (answered.compareAndSet(false, true)) {
                ex.respond(201, h, "");
            }
        };
        ScheduledFuture<?> deadline = ex.eventLoop().schedule(answer,
                ctx.config().containerUpdateTimeout().toNanos(), TimeUnit.NANOSECONDS);
        CompletableFuture.allOf(ctx.updater().update(req.device(), c.device(), file.hash(), ts, c.update()), more)
                .whenComplete((x, e) -> {
                    deadline.cancel(false);
                    answer.run();
                });
    }

    private void releasePending() {
        ByteBuf b;
        while ((b = pending.poll()) != null) {
            b.release();
        }
        pendingBytes = 0;
    }

    /** How the last disk task ended an upload that was still going (null: it had ended meanwhile). */
    private sealed interface Commit permits Committed, Rejected {}

    /** Durable; the container update to send. */
    private record Committed(Path device, ContainerUpdate update) implements Commit {}

    /**
     * The body is not the one the client announced, an ordinary end of an upload rather than a
     * failure: 499 (shorter than its Content-Length), 422 (not its ETag).
     */
    private record Rejected(int status) implements Commit {}

    /** On the disk thread: length and ETag check, metadata, durable commit. */
    private Commit commit() throws IOException {
        if (finished.get()) {
            return null;
        }
        String etag = writer.etag();
        if (expectedLength >= 0 && writer.bytesWritten() != expectedLength) {
            return new Rejected(499);
        }
        String given = req.headers().get("ETag");
        // Swift compares exactly: an upper-case hex digest is a mismatch
        if (given != null && !Conditionals.normalize(given.strip()).equals(etag)) {
            return new Rejected(422);
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
        stall.stop();
        releasePending();
        ctx.executors().continueWith(req.device(), () -> {
            writer.abort();
            return null;
        }).whenComplete((v, e) -> {
            if (ex.isOpen()) {
                Responses.fail(ex, req.device(), cause);
            }
        });
    }
}
