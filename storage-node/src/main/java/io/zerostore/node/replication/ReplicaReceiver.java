package io.zerostore.node.replication;

import io.netty.buffer.ByteBuf;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.node.diskfile.HashDir;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams one pushed file into its {@link ReplicaFileWriter}: each chunk is written on the
 * device's disk thread and the next one is read only after that, so a slow disk slows the sender.
 * At the end the copy is verified, made durable and linked in if it is still wanted (201); a newer
 * version that arrived meanwhile makes it unwanted (409); a bad copy is dropped (422). A stalled or
 * broken transfer leaves nothing behind.
 */
final class ReplicaReceiver implements BodySubscriber {
    private final ReplicationServer server;
    private final HttpExchange ex;
    private final String device;
    private final Path hashDir;
    private final HashDir.Entry name;
    private final ReplicaFileWriter writer;
    private final long length;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile long waitingSince = -1;
    private ScheduledFuture<?> timer;

    ReplicaReceiver(ReplicationServer server, HttpExchange ex, String device, Path hashDir, HashDir.Entry name,
                    ReplicaFileWriter writer, long length) {
        this.server = server;
        this.ex = ex;
        this.device = device;
        this.hashDir = hashDir;
        this.name = name;
        this.writer = writer;
        this.length = length;
    }

    void start() {
        waitingSince = System.nanoTime();
        armTimer(server.clientTimeout().toNanos());
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
        long limit = server.clientTimeout().toNanos();
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
        if (finished.get()) {
            chunk.release();
            return;
        }
        if (writer.written() + chunk.readableBytes() > length) {
            chunk.release();
            fail(SwiftException.plain(400, "more bytes than Content-Length"));
            return;
        }
        server.executors().continueWith(device, () -> {
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
        server.executors().continueWith(device, this::commit).whenComplete((status, err) -> {
            if (err != null) {
                fail(err);
                return;
            }
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            cancelTimer();
            if (status == 201) {
                server.metrics().received(device, length);
            }
            ReplicationServer.respond(ex, status, "");
        });
    }

    /** On the disk thread: verify, sync, and link the copy if it is still wanted. */
    private int commit() throws Exception {
        if (finished.get()) {
            return 499;
        }
        if (writer.written() != length) {
            throw new SwiftException(499);
        }
        try {
            writer.verifyAndSync(name);
        } catch (ReplicaFileWriter.BadReplicaException e) {
            throw SwiftException.plain(422, e.getMessage());
        }
        String file = name.path().getFileName().toString();
        if (MissingCheck.wanted(hashDir, List.of(file)).isEmpty() || !writer.publish(hashDir, file)) {
            writer.abort();
            return 409;
        }
        HashDir.cleanup(hashDir, server.reclaimAge(), server.now());
        return 201;
    }

    @Override
    public void onError(Throwable cause) {
        fail(new SwiftException(499));
    }

    private void fail(Throwable cause) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        cancelTimer();
        server.executors().continueWith(device, () -> {
            writer.abort();
            return null;
        }).whenComplete((v, e) -> {
            if (ex.isOpen()) {
                ReplicationServer.fail(ex, device, cause);
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
