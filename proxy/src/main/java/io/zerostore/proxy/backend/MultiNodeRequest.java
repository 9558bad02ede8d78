package io.zerostore.proxy.backend;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import io.zerostore.common.ring.Device;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Swift's {@code make_requests}: one bodyless request per replica, all at once. Each replica's slot
 * takes nodes from one shared {@link NodeIterator}, so a primary that is down, full (507) or failing
 * (5xx) is replaced by the next handoff. Once the answers have a quorum, the stragglers get
 * {@code post_quorum_timeout} more, then missing answers count as 503.
 *
 * <p>All state lives on the request's event loop.
 */
public final class MultiNodeRequest {
    private final BackendClient client;
    private final NodeIterator nodes;
    private final List<Function<Device, HttpRequest>> slots;
    private final EventLoop loop;
    private final Duration postQuorumTimeout;
    private final List<BackendResponse> responses = new ArrayList<>();
    private final CompletableFuture<List<BackendResponse>> result = new CompletableFuture<>();
    private int pending;
    private boolean timerSet;

    private MultiNodeRequest(BackendClient client, NodeIterator nodes, List<Function<Device, HttpRequest>> slots,
                             EventLoop loop, Duration postQuorumTimeout) {
        this.client = client;
        this.nodes = nodes;
        this.slots = slots;
        this.loop = loop;
        this.postQuorumTimeout = postQuorumTimeout;
        this.pending = slots.size();
    }

    /**
     * @param slots one request-head factory per replica (the node decides Host and path)
     * @return one answer per replica, padded with 503s, in arrival order
     */
    public static CompletableFuture<List<BackendResponse>> run(BackendClient client, NodeIterator nodes,
            List<Function<Device, HttpRequest>> slots, EventLoop loop, Duration postQuorumTimeout) {
        MultiNodeRequest r = new MultiNodeRequest(client, nodes, slots, loop, postQuorumTimeout);
        loop.execute(r::start);
        return r.result;
    }

    private void start() {
        if (slots.isEmpty()) {
            finish();
            return;
        }
        for (Function<Device, HttpRequest> slot : slots) {
            attempt(slot);
        }
    }

    private void attempt(Function<Device, HttpRequest> slot) {
        Device node = nodes.next();
        if (node == null) {
            slotDone(null);
            return;
        }
        HttpRequest head;
        try {
            head = slot.apply(node);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        client.request(node, head).whenCompleteAsync((r, err) -> {
            if (err != null) {
                client.errors().errorOccurred(node);
                attempt(slot);
            } else if (r.status() == 507) {
                client.errors().limit(node);
                attempt(slot);
            } else if (r.status() >= 500 || r.status() < 200) {
                client.errors().errorOccurred(node);
                attempt(slot);
            } else {
                slotDone(r);
            }
        }, loop);
    }

    private void slotDone(BackendResponse r) {
        if (r != null) {
            responses.add(r);
        }
        pending--;
        if (pending == 0) {
            finish();
        } else if (!timerSet && Quorum.reached(statuses(), slots.size())) {
            timerSet = true;
            loop.schedule(this::finish, postQuorumTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private List<Integer> statuses() {
        return responses.stream().map(BackendResponse::status).toList();
    }

    private void finish() {
        if (result.isDone()) {
            return;
        }
        List<BackendResponse> all = new ArrayList<>(responses);
        while (all.size() < slots.size()) {
            all.add(BackendResponse.unavailable());
        }
        result.complete(all);
    }
}
