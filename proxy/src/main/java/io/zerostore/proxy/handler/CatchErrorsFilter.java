package io.zerostore.proxy.handler;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.pipeline.Filter;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.controller.Headers;
import io.zerostore.proxy.controller.ProxyAttrs;
import io.zerostore.proxy.controller.ResponseWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Swift's catch_errors, first in the pipeline: gives each request its transaction id, puts
 * {@code X-Trans-Id}, {@code X-Openstack-Request-Id} and {@code Date} on every response (errors and
 * {@code /auth} included), and turns anything thrown below into 500 {@code An error occurred}.
 *
 * <p>It also gives responses Swift's header spelling: every name title-cased ({@code Etag},
 * {@code X-Object-Meta-Color}), and a {@code Www-Authenticate} realm on each 401 (but a refused
 * CORS preflight's).
 */
public final class CatchErrorsFilter implements Filter {
    private static final System.Logger LOG = System.getLogger(CatchErrorsFilter.class.getName());
    private final String transIdSuffix;

    public CatchErrorsFilter(String transIdSuffix) {
        this.transIdSuffix = transIdSuffix;
    }

    @Override
    public void handle(HttpExchange ex, Chain next) {
        String transId = TransId.generate(transIdSuffix, ex.headers().get("X-Trans-Id-Extra"));
        ex.attr(ProxyAttrs.TRANS_ID, transId);
        String rawPath = ex.request().uri();
        // a CORS preflight refused by the proxy is a 401 without a realm (Swift sets its status late)
        boolean preflight = ex.method().name().equals("OPTIONS");
        ex.onHead(head -> finishHead(head, transId, rawPath, preflight));
        try {
            next.proceed(ex);
        } catch (SwiftException e) {
            ResponseWriter.writeError(ex, e);
        } catch (Exception | Error e) {
            LOG.log(System.Logger.Level.ERROR, "unhandled error for " + ex.method() + " " + rawPath, e);
            if (ex.headSent()) {
                ex.abort();
            } else {
                ResponseWriter.write(ex, io.zerostore.proxy.controller.ProxyResponse.error(
                        SwiftException.plain(500, "An error occurred")));
            }
        }
    }

    private static void finishHead(HttpResponse head, String transId, String rawUri, boolean preflight) {
        HttpHeaders h = head.headers();
        h.set("X-Trans-Id", transId);
        h.set("X-Openstack-Request-Id", transId);
        if (!h.contains("Date")) {
            h.set("Date", Headers.httpDate(System.currentTimeMillis() / 1000));
        }
        if (head.status().code() == 401 && !h.contains("Www-Authenticate") && !preflight) {
            h.set("Www-Authenticate", "Swift realm=\"" + Realm.of(rawUri) + "\"");
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(h.entries());
        h.clear();
        for (Map.Entry<String, String> e : entries) {
            h.add(Headers.title(e.getKey()), e.getValue());
        }
    }
}
