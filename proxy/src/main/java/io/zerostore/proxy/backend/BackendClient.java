package io.zerostore.proxy.backend;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.zerostore.common.http.BodySubscriber;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.http.client.ClientExchange;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.ring.Device;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Requests to storage servers in Swift's backend protocol: {@code /<device>/<partition>/<a>[/<c>[/<o>]]}
 * over the pooled keep-alive client. Failures feed the {@link ErrorLimiter}; choosing nodes and
 * retrying is the caller's business.
 */
public final class BackendClient {
    /** Error pages and 2xx bodies of writes are small; anything longer is not read into memory. */
    public static final int MAX_SMALL_BODY = 64 * 1024;

    private final HttpClient http;
    private final ErrorLimiter errors;
    private final String userAgent;

    public BackendClient(HttpClient http, ErrorLimiter errors) {
        this.http = http;
        this.errors = errors;
        this.userAgent = "proxy-server " + ProcessHandle.current().pid();
    }

    public ErrorLimiter errors() {
        return errors;
    }

    /** How long a storage server may take to answer, or to accept the next chunk of a body. */
    public java.time.Duration nodeTimeout() {
        return http.options().nodeTimeout();
    }

    /**
     * A request head for {@code node}. The headers are copied; {@code Host} and
     * {@code User-Agent} are set here.
     *
     * @param entityPath {@code /a[/c[/o]]}, unquoted
     * @param rawQuery   already encoded query string, or null/empty
     */
    public HttpRequest head(HttpMethod method, Device node, int partition, String entityPath, String rawQuery,
                            HttpHeaders headers, boolean withBody) {
        String uri = Quoting.quote("/" + node.device() + "/" + partition + entityPath)
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        HttpRequest req = withBody
                ? new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri, SwiftHeaders.HEADERS)
                : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, Unpooled.EMPTY_BUFFER,
                        SwiftHeaders.HEADERS, SwiftHeaders.TRAILERS);
        req.headers().set(headers);
        req.headers().set("Host", node.hostPort());
        req.headers().set("User-Agent", userAgent);
        return req;
    }

    public static InetSocketAddress address(Device node) {
        return new InetSocketAddress(node.ip(), node.port());
    }

    /** Opens an exchange whose body the caller streams (or that is already complete). */
    public CompletableFuture<ClientExchange> open(Device node, HttpRequest head) {
        return http.open(address(node), head);
    }

    /** Sends a bodyless request and reads the (small) answer whole. */
    public CompletableFuture<BackendResponse> request(Device node, HttpRequest head) {
        return open(node, head).thenCompose(ex -> ex.response().thenCompose(res ->
                readSmall(ex).thenApply(body -> new BackendResponse(res.status().code(), res.headers(), body, node))));
    }

    /** Reads a response body of at most {@link #MAX_SMALL_BODY} bytes; a longer one is cut off. */
    public static CompletableFuture<byte[]> readSmall(ClientExchange ex) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        ex.body().subscribe(new BodySubscriber() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onChunk(ByteBuf chunk) {
                try {
                    if (out.size() + chunk.readableBytes() > MAX_SMALL_BODY) {
                        ex.abort();
                        result.complete(out.toByteArray());
                        return;
                    }
                    chunk.readBytes(out, chunk.readableBytes());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    chunk.release();
                }
                ex.body().request();
            }

            @Override
            public void onEnd() {
                result.complete(out.toByteArray());
            }

            @Override
            public void onError(Throwable cause) {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }
}
