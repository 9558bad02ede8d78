package io.zerostore.bench;

/** Told, on the connection's event loop, how each exchange ended; exactly one call per exchange. */
interface ExchangeListener {

    void completed(Exchange exchange);

    void failed(Exchange exchange, Throwable cause);
}
