package io.zerostore.common.pipeline;

import io.zerostore.common.http.HttpExchange;

/**
 * One stage of a server's request pipeline, like a Swift WSGI middleware: it either answers the
 * exchange itself or passes it on with {@code next.proceed(exchange)} (possibly later, from
 * another thread, after asynchronous work). A {@link io.zerostore.common.swift.SwiftException}
 * thrown here becomes Swift's error response.
 */
@FunctionalInterface
public interface Filter {
    void handle(HttpExchange exchange, Chain next) throws Exception;

    /** The rest of the pipeline after a filter. */
    @FunctionalInterface
    interface Chain {
        void proceed(HttpExchange exchange) throws Exception;
    }
}
