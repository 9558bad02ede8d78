package io.zerostore.proxy.handler;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.pipeline.Filter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Swift's gatekeeper: system metadata and backend headers are the cluster's own, so clients can
 * neither set them nor see them. A client's {@code X-Timestamp} is dropped too: the proxy alone
 * decides the time of a write.
 */
public final class GatekeeperFilter implements Filter {
    static final List<String> PREFIXES = List.of("x-account-sysmeta-", "x-container-sysmeta-", "x-object-sysmeta-",
            "x-object-transient-sysmeta-", "x-backend");

    @Override
    public void handle(HttpExchange ex, Chain next) throws Exception {
        strip(ex.headers());
        ex.headers().remove("X-Timestamp");
        ex.onHead(head -> strip(head.headers()));
        next.proceed(ex);
    }

    static void strip(HttpHeaders h) {
        List<String> doomed = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            for (String p : PREFIXES) {
                if (k.startsWith(p)) {
                    doomed.add(e.getKey());
                    break;
                }
            }
        }
        doomed.forEach(h::remove);
    }
}
