package io.zerostore.common.http;

/**
 * Handles one request. Called on the connection's event loop when the request head arrives; the
 * body (if any) streams through {@link HttpExchange#body()}. The handler must eventually answer
 * through the exchange, from any thread; blocking work belongs on an executor, never here.
 */
@FunctionalInterface
public interface HttpHandler {
    void handle(HttpExchange exchange) throws Exception;
}
