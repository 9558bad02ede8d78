package io.zerostore.node.server;

import io.netty.handler.codec.http.HttpMethod;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.HttpHandler;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.node.replication.db.ReplicateHandler;
import io.zerostore.node.server.db.DbPath;
import io.zerostore.node.server.db.DbResponses;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What Swift's account and container servers share: {@code REPLICATE} goes to DB replication, any
 * other body is dropped, the verbs go to the server's own handling, and index work runs on the
 * device's executors with failures answered the way Swift answers them.
 *
 * @param <I> the device index the server works on ({@link io.zerostore.node.index.AccountIndex} or
 *            {@link io.zerostore.node.index.ContainerIndex})
 */
abstract sealed class DbApp<I> implements HttpHandler permits AccountApp, ContainerApp {
    private final ReplicateHandler<?> replicate;
    private final Function<String, CompletableFuture<I>> index;

    /** @param index the device's index by device name, completed on the device's executors */
    DbApp(ReplicateHandler<?> replicate, Function<String, CompletableFuture<I>> index) {
        this.replicate = replicate;
        this.index = index;
    }

    @Override
    public final void handle(HttpExchange ex) {
        if (ReplicateHandler.isReplicate(ex)) {
            replicate.handle(ex);
            return;
        }
        ex.body().discard();
        HttpMethod m = ex.method();
        if (m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD)) {
            get(ex, m.equals(HttpMethod.HEAD));
        } else if (m.equals(HttpMethod.PUT)) {
            put(ex);
        } else if (m.equals(HttpMethod.POST)) {
            post(ex);
        } else if (m.equals(HttpMethod.DELETE)) {
            delete(ex);
        } else {
            throw new SwiftException(405);
        }
    }

    abstract void get(HttpExchange ex, boolean head);

    abstract void put(HttpExchange ex);

    abstract void post(HttpExchange ex);

    abstract void delete(HttpExchange ex);

    /** Runs work against the device's index; any failure becomes Swift's answer (507 for the device). */
    final void withIndex(HttpExchange ex, DbPath p, Function<I, CompletableFuture<?>> work) {
        index.apply(p.device())
                .thenCompose(work::apply)
                .whenComplete((x, e) -> {
                    if (e != null) {
                        DbResponses.fail(ex, e, p.device());
                    }
                });
    }
}
