package io.zerostore.proxy.handler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.pipeline.Filter;
import io.zerostore.proxy.backend.Quoting;
import io.zerostore.proxy.controller.ProxyAttrs;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Swift's proxy-logging: one access-log line per request, written when the response is done (or
 * the client went away: status 499), and request counts/latencies for {@code /metrics}.
 */
public final class ProxyLoggingFilter implements Filter {
    private final Consumer<String> sink;
    private final MeterRegistry registry;

    public ProxyLoggingFilter(Consumer<String> sink, MeterRegistry registry) {
        this.sink = sink;
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange ex, Chain next) throws Exception {
        long startEpochNanos = epochNanos();
        long start = System.nanoTime();
        String method = ex.method().name();
        String uri = ex.request().uri();
        String authToken = ex.headers().get("X-Auth-Token", ex.headers().get("X-Storage-Token"));
        String referer = ex.headers().get("Referer");
        String agent = ex.headers().get("User-Agent");
        String etag = ex.headers().get("Etag");
        String forwarded = ex.headers().get("X-Forwarded-For");
        String clusterIp = ex.headers().get("X-Cluster-Client-Ip");
        String protocol = ex.request().protocolVersion().text();
        ex.onComplete(done -> {
            long elapsed = System.nanoTime() - start;
            // no response head means the client left before we could answer
            int status = done.status() == 0 ? 499 : done.status();
            String remote = remoteIp(done);
            String client = forwarded != null ? forwarded.split(",")[0].strip() : clusterIp != null ? clusterIp : remote;
            sink.accept(new AccessLogLine(client, remote, method, loggedPath(uri), protocol, status, referer, agent,
                    authToken, done.body().receivedBytes(), done.bytesSent(), etag, done.attr(ProxyAttrs.TRANS_ID),
                    done.attr(ProxyAttrs.SOURCE), startEpochNanos, startEpochNanos + elapsed).format());
            Timer.builder("zerostore_proxy_requests").tag("method", method).tag("status", Integer.toString(status))
                    .register(registry).record(elapsed, TimeUnit.NANOSECONDS);
        });
        next.proceed(ex);
    }

    /** Swift logs the path re-quoted, then the query as sent. */
    private static String loggedPath(String uri) {
        int q = uri.indexOf('?');
        String raw = q < 0 ? uri : uri.substring(0, q);
        String decoded = io.zerostore.common.http.RequestPath.decode(raw, false);
        String path = decoded == null ? raw : Quoting.quote(decoded, "/:");
        return q < 0 ? path : path + uri.substring(q);
    }

    private static String remoteIp(HttpExchange ex) {
        if (ex.channel().remoteAddress() instanceof InetSocketAddress a) {
            return a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        }
        return null;
    }

    private static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
