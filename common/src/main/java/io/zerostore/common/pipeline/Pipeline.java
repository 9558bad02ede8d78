package io.zerostore.common.pipeline;

import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.HttpHandler;
import java.util.List;

/** Filters in order, then the app (the controllers or the storage server). */
public final class Pipeline implements HttpHandler {
    private final List<Filter> filters;
    private final HttpHandler app;
    private final List<String> names;

    public Pipeline(List<String> names, List<Filter> filters, HttpHandler app) {
        this.names = List.copyOf(names);
        this.filters = List.copyOf(filters);
        this.app = app;
    }

    /** The filter names in order, for logs and /info. */
    public List<String> names() {
        return names;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        proceed(0, exchange);
    }

    private void proceed(int index, HttpExchange exchange) throws Exception {
        if (index == filters.size()) {
            app.handle(exchange);
        } else {
            filters.get(index).handle(exchange, ex -> proceed(index + 1, ex));
        }
    }
}
