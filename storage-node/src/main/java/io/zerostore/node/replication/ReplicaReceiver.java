package io.zerostore.node.replication;

import io.netty.buffer.ByteBuf;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.StallWatch;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.node.diskfile.HashDir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
    private final StallWatch stall;

    ReplicaReceiver(ReplicationServer server, HttpExchange ex, String device, Path hashDir, HashDir.Entry name,
                    ReplicaFileWriter writer, long length) {
        this.server = server;
        this.ex = ex;
        this.device = device;
        this.hashDir = hashDir;
        this.name = name;
        this.writer = writer;
        this.length = length;
        this.stall = new StallWatch(ex.eventLoop(), server.clientTimeout(), () -> fail(new SwiftException(408)));
    }

    void start() {
        stall.start();
        ex.body().subscribe(this);
    }

    @Override
    public void onChunk(ByteBuf chunk) {
        stall.received();
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
                stall.waiting();
                ex.body().request();
            }
        });
    }

    @Override
    public void onEnd() {
        stall.received();
        server.executors().continueWith(device, this::commit).whenComplete((outcome, err) -> {
            if (err != null) {
                fail(err);
            } else if (outcome instanceof Rejected r) {
                fail(r.answer());
            } else if (finished.compareAndSet(false, true)) {
                stall.stop();
                int status = ((Kept) outcome).status();
                if (status == 201) {
                    server.metrics().received(device, length);
                }
                ReplicationServer.respond(ex, status, "");
            }
        });
    }

    /** How a complete push ended; both are ordinary answers to the sender, not failures. */
    private sealed interface Outcome permits Kept, Rejected {}

    /** 201: linked in; 409: not wanted (a newer version is there), dropped. */
    private record Kept(int status) implements Outcome {}

    /** The bytes are not a sound copy (422) or fewer than announced (499): dropped. */
    private record Rejected(SwiftException answer) implements Outcome {}

    /** On the disk thread: verify, sync, and link the copy if it is still wanted. */
    private Outcome commit() throws IOException {
        if (finished.get()) {
            return new Kept(499);
        }
        if (writer.written() != length) {
            return new Rejected(new SwiftException(499));
        }
        String problem = writer.verifyAndSync(name);
        if (problem != null) {
            return new Rejected(SwiftException.plain(422, problem));
        }
        String file = name.path().getFileName().toString();
        if (MissingCheck.wanted(hashDir, List.of(file)).isEmpty() || !writer.publish(hashDir, file)) {
            writer.abort();
            return new Kept(409);
        }
        HashDir.cleanup(hashDir, server.reclaimAge(), server.now());
        return new Kept(201);
    }

    @Override
    public void onError(Throwable cause) {
        fail(new SwiftException(499));
    }

    private void fail(Throwable cause) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        stall.stop();
        server.executors().continueWith(device, () -> {
            writer.abort();
            return null;
        }).whenComplete((v, e) -> {
            if (ex.isOpen()) {
                ReplicationServer.fail(ex, device, cause);
            }
        });
    }
}
