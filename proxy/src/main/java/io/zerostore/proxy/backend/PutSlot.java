package io.zerostore.proxy.backend;

import io.netty.handler.codec.http.HttpRequest;
import io.zerostore.common.http.client.ClientExchange;
import io.zerostore.common.ring.Device;
import java.util.function.Function;

/**
 * One replica of an object PUT: the node that took it (a primary or the handoff that replaced
 * it), its connection while the body streams, and its final answer. Touched only on the request's
 * event loop.
 */
final class PutSlot {
    final Function<Device, HttpRequest> head;
    Device node;
    ClientExchange exchange;
    /** Streaming to this node (it sent 100 Continue and has not failed or answered). */
    boolean live;
    /** Its answer is in. */
    boolean settled;
    BackendResponse answer;
    /** Since when this node has held up the next chunk by not taking more (0: it takes data). */
    long stuckSince;

    PutSlot(Function<Device, HttpRequest> head) {
        this.head = head;
    }
}
