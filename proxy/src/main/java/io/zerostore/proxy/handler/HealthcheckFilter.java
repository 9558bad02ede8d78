package io.zerostore.proxy.handler;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.pipeline.Filter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Swift's healthcheck: {@code /healthcheck} answers {@code 200 OK} to any method without auth, or
 * {@code 503 DISABLED BY FILE} while the configured {@code disable_path} exists (so a load
 * balancer drains the proxy before maintenance).
 */
public final class HealthcheckFilter implements Filter {
    private final Path disablePath;

    public HealthcheckFilter(Path disablePath) {
        this.disablePath = disablePath;
    }

    @Override
    public void handle(HttpExchange ex, Chain next) throws Exception {
        if (!ex.path().path().equals("/healthcheck")) {
            next.proceed(ex);
            return;
        }
        HttpHeaders h = SwiftHeaders.create();
        h.set("Content-Type", "text/plain");
        if (disablePath != null && Files.exists(disablePath)) {
            ex.respond(503, h, "DISABLED BY FILE");
        } else {
            ex.respond(200, h, "OK");
        }
    }
}
