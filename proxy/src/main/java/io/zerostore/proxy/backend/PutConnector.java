package io.zerostore.proxy.backend;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponse;
import io.zerostore.common.http.client.ClientExchange;
import io.zerostore.common.ring.Device;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The connect phase of an object PUT: every replica's slot sends its head with
 * {@code Expect: 100-continue}. A node that cannot be reached, times out, is full (507) or fails
 * (5xx) before {@code 100 Continue} is error-counted and replaced by the next node of the shared
 * iterator (a handoff); any other early answer (409, 412, 4xx) is kept as that slot's answer.
 */
final class PutConnector {
    private final BackendClient client;
    private final NodeIterator nodes;
    private final EventLoop loop;
    private final List<PutSlot> slots;
    private final CompletableFuture<List<PutSlot>> done = new CompletableFuture<>();
    private int unresolved;

    private PutConnector(BackendClient client, NodeIterator nodes, EventLoop loop, List<PutSlot> slots) {
        this.client = client;
        this.nodes = nodes;
        this.loop = loop;
        this.slots = slots;
        this.unresolved = slots.size();
    }

    /** Completes on the loop once each slot is live, has an early answer, or ran out of nodes. */
    static CompletableFuture<List<PutSlot>> connect(BackendClient client, NodeIterator nodes, EventLoop loop,
                                                    List<PutSlot> slots) {
        PutConnector c = new PutConnector(client, nodes, loop, slots);
        loop.execute(() -> {
            if (slots.isEmpty()) {
                c.done.complete(slots);
            }
            slots.forEach(c::next);
        });
        return c.done;
    }

    private void next(PutSlot s) {
        Device node = nodes.next();
        if (node == null) {
            resolved();
            return;
        }
        client.open(node, s.head.apply(node)).whenCompleteAsync((ex, err) -> {
            if (err != null) {
                client.errors().errorOccurred(node);
                next(s);
                return;
            }
            ex.continued().whenCompleteAsync((cont, err2) -> continued(s, node, ex, cont, err2), loop);
        }, loop);
    }

    private void continued(PutSlot s, Device node, ClientExchange ex, Boolean cont, Throwable err) {
        if (err != null) {
            client.errors().errorOccurred(node);
            ex.abort();
            next(s);
        } else if (cont) {
            s.node = node;
            s.exchange = ex;
            s.live = true;
            resolved();
        } else {
            ex.response().whenCompleteAsync((res, err2) -> refused(s, node, ex, res, err2), loop);
        }
    }

    /** The node answered before {@code 100 Continue}: a refusal to keep, or a failure to replace. */
    private void refused(PutSlot s, Device node, ClientExchange ex, HttpResponse res, Throwable err) {
        int status = err != null ? 0 : res.status().code();
        if (err != null || status == 507 || status >= 500) {
            if (status == 507) {
                client.errors().limit(node);
            } else {
                client.errors().errorOccurred(node);
            }
            ex.abort();
            next(s);
            return;
        }
        BackendClient.readSmall(ex).whenCompleteAsync((body, e3) -> {
            // the body was refused: this connection cannot be reused
            ex.abort();
            s.node = node;
            s.answer = new BackendResponse(status, res.headers(), body == null ? new byte[0] : body, node);
            resolved();
        }, loop);
    }

    private void resolved() {
        if (--unresolved == 0) {
            done.complete(slots);
        }
    }
}
