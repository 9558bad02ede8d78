package io.zerostore.proxy.backend;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.zerostore.common.http.client.ClientExchange;
import io.zerostore.common.ring.Device;
import io.zerostore.common.swift.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Swift's GET/HEAD against replicas: nodes are asked one at a time (primaries shuffled, then
 * handoffs) until one gives a good answer (2xx, 3xx, or 416 for objects); connection errors,
 * timeouts and 5xx move on to the next node before any body byte reached the client. A copy older
 * than a tombstone already seen is not good. 404s and 5xx from handoffs count only when the handoff
 * knows the object was deleted. With {@code newest}, every node is asked and the newest good copy
 * wins ({@code X-Newest}).
 */
public final class NodeFetcher {
    /** A good answer whose body is still to be read (or aborted). */
    public record Source(ClientExchange exchange, HttpResponse head, Device node) {
        public int status() {
            return head.status().code();
        }

        public BodyStream body() {
            return BodyStream.ofBackend(exchange);
        }

        Timestamp timestamp() {
            for (String h : List.of("X-Backend-Data-Timestamp", "X-Backend-Timestamp", "X-Timestamp")) {
                Timestamp t = Timestamp.parseOrNull(head.headers().get(h));
                if (t != null) {
                    return t;
                }
            }
            return Timestamp.ZERO;
        }
    }

    /**
     * The chosen source, or (when none was good) the bad answers to pick the client's answer from;
     * {@code body} is the source's body, resumable from the other replicas for an object.
     */
    public record Result(Source source, List<BackendResponse> failures, BodyStream body) {
        Result(Source source, List<BackendResponse> failures) {
            this(source, failures, source == null ? null : source.body());
        }
    }

    private final BackendClient client;
    private final NodeIterator nodes;
    private final Function<Device, HttpRequest> head;
    private final boolean object;
    private final boolean newest;
    private final EventLoop loop;
    private final List<BackendResponse> failures = new ArrayList<>();
    private final List<Source> sources = new ArrayList<>();
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private Timestamp latest404;

    private NodeFetcher(BackendClient client, NodeIterator nodes, Function<Device, HttpRequest> head,
                        boolean object, boolean newest, EventLoop loop) {
        this.client = client;
        this.nodes = nodes;
        this.head = head;
        this.object = object;
        this.newest = newest;
        this.loop = loop;
    }

    public static CompletableFuture<Result> fetch(BackendClient client, NodeIterator nodes,
            Function<Device, HttpRequest> head, boolean object, boolean newest, EventLoop loop) {
        NodeFetcher f = new NodeFetcher(client, nodes, head, object, newest, loop);
        loop.execute(f::next);
        return f.result;
    }

    private void next() {
        Device node = nodes.next();
        if (node == null) {
            finish();
            return;
        }
        HttpRequest req;
        try {
            req = head.apply(node);
        } catch (RuntimeException e) {
            abortSources();
            result.completeExceptionally(e);
            return;
        }
        client.open(node, req)
                .thenCompose(ex -> ex.response().thenApply(res -> new Source(ex, res, node)))
                .whenCompleteAsync((src, err) -> {
                    if (err != null) {
                        client.errors().errorOccurred(node);
                        next();
                    } else {
                        answered(src);
                    }
                }, loop);
    }

    private boolean isGood(int status) {
        return (status >= 200 && status < 400) || (object && status == 416);
    }

    private void answered(Source src) {
        int status = src.status();
        if (isGood(status)) {
            if (latest404 != null && src.timestamp().compareTo(latest404) < 0) {
                // an older copy than a deletion some other replica has seen
                src.exchange().abort();
                failures.add(BackendResponse.of(404));
                next();
                return;
            }
            if (!newest) {
                result.complete(chosen(src));
                return;
            }
            sources.add(src);
            next();
            return;
        }
        BackendClient.readSmall(src.exchange()).whenCompleteAsync((body, err) -> {
            BackendResponse r = new BackendResponse(status, src.head().headers(),
                    body == null ? new byte[0] : body, src.node());
            if (status == 507) {
                client.errors().limit(src.node());
            } else if (status >= 500) {
                client.errors().errorOccurred(src.node());
            }
            boolean ignorable = nodes.isHandoff(src.node()) && (status >= 500 || status == 404)
                    && r.backendTimestamp() == null;
            if (!ignorable) {
                failures.add(r);
                Timestamp ts = r.backendTimestamp();
                if (status == 404 && ts != null && (latest404 == null || ts.isAfter(latest404))) {
                    latest404 = ts;
                }
            }
            next();
        }, loop);
    }

    private void finish() {
        if (sources.isEmpty()) {
            result.complete(new Result(null, List.copyOf(failures)));
            return;
        }
        Source best = sources.stream().max(Comparator.comparing(Source::timestamp)).orElseThrow();
        for (Source s : sources) {
            if (s != best) {
                s.exchange().abort();
            }
        }
        if (latest404 != null && best.timestamp().compareTo(latest404) < 0) {
            best.exchange().abort();
            failures.add(BackendResponse.of(404));
            result.complete(new Result(null, List.copyOf(failures)));
            return;
        }
        result.complete(chosen(best));
    }

    private Result chosen(Source src) {
        BodyStream body = object ? ResumingGet.body(client, nodes, head, loop, src) : src.body();
        return new Result(src, List.copyOf(failures), body);
    }

    private void abortSources() {
        sources.forEach(s -> s.exchange().abort());
    }
}
