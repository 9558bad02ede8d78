package io.zerostore.proxy.backend;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.ring.Device;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An object PUT streamed to every replica at once (Swift's {@code _store_object}).
 *
 * <p>Connect ({@link PutConnector}): each replica's slot sends its head with {@code Expect: 100-continue}; a node that is
 * down, full (507) or failing (5xx) before {@code 100 Continue} is replaced by the next handoff.
 * Fewer than a quorum of continuing nodes is a 503; a 409 (a newer copy exists) makes the PUT a 202;
 * with {@code If-None-Match: *} a 412 from any node ends it.
 *
 * <p>Stream: one chunk of the source at a time is written to every live node, and the next chunk
 * is requested only when every node's connection can take more, so neither side is ever buffered
 * beyond the socket high-water marks. A node that fails mid-stream is dropped; below quorum the
 * upload is abandoned (the storage servers commit only complete bodies, so nothing partial shows).
 *
 * <p>All state lives on the request's event loop.
 */
public final class PutFanout {
    /** Settings of one upload. */
    public record Options(long maxBytes, Duration clientTimeout, Duration nodeTimeout, Duration postQuorumTimeout,
                          boolean ifNoneMatchStar, boolean sourceIsClient) {}

    private final BackendClient client;
    private final NodeIterator nodes;
    private final EventLoop loop;
    private final BodyStream source;
    private final Options options;
    private final List<PutSlot> slots = new ArrayList<>();
    private final List<PutSlot> live = new ArrayList<>();
    private final CompletableFuture<PutOutcome> result = new CompletableFuture<>();
    private final int quorum;
    private long bytes;
    /** When the source was asked for a chunk it has not delivered yet (0: not waiting for it). */
    private long waitingSourceSince;
    private boolean ended;
    private int generation;
    private int requestedFor = -1;
    private int awaitingAnswers;
    private boolean postQuorumTimerSet;

    private PutFanout(BackendClient client, NodeIterator nodes, List<Function<Device, HttpRequest>> heads,
                      EventLoop loop, BodyStream source, Options options) {
        this.client = client;
        this.nodes = nodes;
        this.loop = loop;
        this.source = source;
        this.options = options;
        heads.forEach(h -> slots.add(new PutSlot(h)));
        this.quorum = Quorum.size(heads.size());
    }

    /**
     * Runs the upload.
     *
     * @param heads one head factory per replica; each head must carry {@code Expect: 100-continue}
     * @return how the upload ended; fails only on a bug (the connect phase never fails: a node it
     *         cannot use is replaced, and running out of nodes is a 503)
     */
    public static CompletableFuture<PutOutcome> run(BackendClient client, NodeIterator nodes,
            List<Function<Device, HttpRequest>> heads, EventLoop loop, BodyStream source, Options options) {
        PutFanout f = new PutFanout(client, nodes, heads, loop, source, options);
        PutConnector.connect(client, nodes, loop, f.slots).whenComplete((slots, err) -> {
            if (err != null) {
                f.result.completeExceptionally(err);
            } else {
                f.connected();
            }
        });
        return f.result;
    }

    /** Decides, once every slot connected or gave up, whether to stream. */
    private void connected() {
        for (PutSlot s : slots) {
            if (s.live) {
                live.add(s);
            }
        }
        List<BackendResponse> early = new ArrayList<>();
        for (PutSlot s : slots) {
            if (s.answer != null) {
                early.add(s.answer);
            }
        }
        if (options.ifNoneMatchStar() && early.stream().anyMatch(r -> r.status() == 412)) {
            fail(412);
        } else if (early.stream().anyMatch(r -> r.status() == 409)) {
            fail(202);
        } else if (live.size() < quorum) {
            abortLive();
            // refusals from enough nodes (say three 400s) are the answer; otherwise 503
            List<BackendResponse> padded = new ArrayList<>(early);
            while (padded.size() < slots.size()) {
                padded.add(BackendResponse.unavailable());
            }
            if (Quorum.best(padded, null) != null) {
                result.complete(new PutOutcome.Answered(padded));
            } else {
                fail(503);
            }
        } else {
            stream();
        }
    }

    // ---- stream ----

    private void stream() {
        waitingSourceSince = System.nanoTime();
        watchdog();
        source.body().subscribe(new BodySubscriber() {
            @Override
            public void onChunk(ByteBuf chunk) {
                onLoop(() -> chunk(chunk));
            }

            @Override
            public void onEnd() {
                onLoop(PutFanout.this::sourceEnded);
            }

            @Override
            public void onError(Throwable cause) {
                onLoop(() -> {
                    if (!result.isDone()) {
                        fail(options.sourceIsClient() ? 499 : 503);
                    }
                });
            }
        });
    }

    private void chunk(ByteBuf chunk) {
        if (result.isDone()) {
            chunk.release();
            return;
        }
        bytes += chunk.readableBytes();
        waitingSourceSince = 0;
        if (bytes > options.maxBytes()) {
            chunk.release();
            fail(413);
            return;
        }
        for (PutSlot s : List.copyOf(live)) {
            s.exchange.write(chunk.retainedDuplicate()).addListener(f -> {
                if (!f.isSuccess()) {
                    onLoop(() -> drop(s));
                }
            });
        }
        chunk.release();
        maybeRequest(++generation);
    }

    /**
     * Asks the source for the next chunk once every live node can take it. Each node that cannot
     * gets a wake-up of its own: writability can flip back and forth while a write is being queued,
     * so each check that stops arms one, and none can be lost. A node's {@code stuckSince} says since
     * when it has not taken data; the watchdog drops only a node stuck that long, never one that
     * merely has the chunk just written still in its buffer.
     */
    private void maybeRequest(int gen) {
        if (gen != generation || requestedFor == gen || result.isDone() || ended) {
            return;
        }
        boolean blocked = false;
        long now = System.nanoTime();
        for (PutSlot s : List.copyOf(live)) {
            if (!s.exchange.channel().isActive()) {
                drop(s);
                if (result.isDone()) {
                    return;
                }
            } else if (!s.exchange.isWritable()) {
                if (s.stuckSince == 0) {
                    s.stuckSince = now;
                }
                blocked = true;
                s.exchange.onWritable(() -> onLoop(() -> maybeRequest(gen)));
            } else {
                s.stuckSince = 0;
            }
        }
        if (blocked) {
            return;
        }
        requestedFor = gen;
        waitingSourceSince = now;
        source.body().request();
    }

    private void drop(PutSlot s) {
        if (!s.live || s.settled) {
            return;
        }
        s.exchange.abort();
        client.errors().errorOccurred(s.node);
        if (ended) {
            settle(s, BackendResponse.unavailable());
            return;
        }
        s.live = false;
        live.remove(s);
        if (live.size() < quorum) {
            fail(503);
        } else {
            maybeRequest(generation);
        }
    }

    /** Records a live node's final answer (after the body was sent). */
    private void settle(PutSlot s, BackendResponse answer) {
        if (s.settled) {
            return;
        }
        s.settled = true;
        s.live = false;
        s.answer = answer;
        answered();
    }

    private void sourceEnded() {
        if (result.isDone()) {
            return;
        }
        ended = true;
        awaitingAnswers = live.size();
        if (awaitingAnswers == 0) {
            finish();
            return;
        }
        for (PutSlot s : List.copyOf(live)) {
            s.exchange.end();
            s.exchange.response().whenCompleteAsync((res, err) -> {
                if (err != null) {
                    drop(s);
                    return;
                }
                BackendClient.readSmall(s.exchange).whenCompleteAsync((body, e2) -> {
                    int status = res.status().code();
                    if (status == 507) {
                        client.errors().limit(s.node);
                    } else if (status >= 500) {
                        client.errors().errorOccurred(s.node);
                    }
                    settle(s, new BackendResponse(status, res.headers(), body == null ? new byte[0] : body, s.node));
                }, loop);
            }, loop);
        }
    }

    private void answered() {
        awaitingAnswers--;
        if (awaitingAnswers <= 0) {
            finish();
            return;
        }
        List<Integer> statuses = new ArrayList<>();
        for (PutSlot s : slots) {
            if (s.answer != null && s.answer.node() != null) {
                statuses.add(s.answer.status());
            }
        }
        if (!postQuorumTimerSet && Quorum.reached(statuses, slots.size())) {
            postQuorumTimerSet = true;
            loop.schedule(this::finish, options.postQuorumTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void finish() {
        if (result.isDone()) {
            return;
        }
        List<BackendResponse> all = new ArrayList<>();
        for (PutSlot s : slots) {
            all.add(s.answer != null ? s.answer : BackendResponse.unavailable());
        }
        result.complete(new PutOutcome.Answered(all));
    }

    // ---- helpers ----

    /**
     * Checks the two ways an upload can stall: the client pausing longer than client_timeout
     * (408; a storage server as the source: 503), and a node not taking the next chunk within
     * node_timeout (dropped, like Swift's ChunkWriteTimeout, so one stuck disk cannot hold the
     * others). Time spent waiting on the nodes is never the client's fault, and the reverse.
     */
    private void watchdog() {
        long period = Math.max(50_000_000L, Math.min(1_000_000_000L,
                Math.min(options.clientTimeout().toNanos(), options.nodeTimeout().toNanos()) / 4));
        loop.schedule(() -> {
            if (result.isDone() || ended) {
                return;
            }
            long now = System.nanoTime();
            long sourceLimit = (options.sourceIsClient() ? options.clientTimeout() : options.nodeTimeout()).toNanos();
            if (waitingSourceSince != 0 && now - waitingSourceSince > sourceLimit) {
                fail(options.sourceIsClient() ? 408 : 503);
                return;
            }
            boolean dropped = false;
            for (PutSlot s : List.copyOf(live)) {
                if (s.stuckSince != 0 && now - s.stuckSince > options.nodeTimeout().toNanos()
                        && !s.exchange.isWritable() && !result.isDone()) {
                    drop(s);
                    dropped = true;
                }
            }
            if (dropped) {
                maybeRequest(generation);
            }
            watchdog();
        }, period, TimeUnit.NANOSECONDS);
    }

    private void abortLive() {
        for (PutSlot s : live) {
            if (!s.settled) {
                s.live = false;
                s.exchange.abort();
            }
        }
        live.clear();
    }

    /** Ends the upload early with the client's status; the nodes' connections are cut. */
    private void fail(int status) {
        abortLive();
        result.complete(new PutOutcome.Ended(status));
    }

    private void onLoop(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
        } else {
            try {
                loop.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the server is shutting down: nobody is left to answer
            }
        }
    }

    /** Bytes streamed so far (for logs). */
    public long bytes() {
        return bytes;
    }
}
