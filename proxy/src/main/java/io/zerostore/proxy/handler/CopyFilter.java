package io.zerostore.proxy.handler;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.RequestPath;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.pipeline.Filter;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.auth.AuthAttrs;
import io.zerostore.proxy.backend.Quoting;
import io.zerostore.proxy.controller.Constraints;
import io.zerostore.proxy.controller.Headers;
import io.zerostore.proxy.controller.ProxyApp;
import io.zerostore.proxy.controller.ProxyAttrs;
import io.zerostore.proxy.controller.ProxyRequest;
import io.zerostore.proxy.controller.ProxyResponse;
import io.zerostore.proxy.controller.ResponseWriter;
import io.zerostore.proxy.controller.SwiftPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Swift's copy middleware (server-side copy). {@code COPY} with {@code Destination} becomes a PUT of
 * the destination with {@code X-Copy-From}; such a PUT reads the source with a GET sub-request
 * (authorized like the client's own GET), and streams it into the destination through the rest of
 * the pipeline, with the source's metadata merged under the request's (or dropped with
 * {@code X-Fresh-Metadata}). Successful OPTIONS on objects list COPY.
 */
public final class CopyFilter implements Filter {
    /** Headers besides metadata that a copy keeps from its source (the object server's allowed_headers). */
    private static final Set<String> KEPT = Set.of("content-encoding", "content-disposition", "cache-control",
            "content-language", "expires", "x-delete-at", "x-robots-tag");

    private final ProxyApp app;

    public CopyFilter(ProxyApp app) {
        this.app = app;
    }

    @Override
    public void handle(HttpExchange ex, Chain next) throws Exception {
        RequestPath rp = ex.path();
        if (!rp.isPathValid() || !isObjectPath(rp.path())) {
            next.proceed(ex);
            return;
        }
        String method = ex.method().name();
        if (method.equals("COPY")) {
            toPut(ex);
            copy(ex, next);
        } else if (method.equals("PUT") && ex.headers().contains("X-Copy-From")) {
            copy(ex, next);
        } else if (method.equals("OPTIONS")) {
            ex.onHead(head -> {
                int s = head.status().code();
                if (s >= 200 && s < 300) {
                    appendCopy(head.headers(), "Allow");
                    appendCopy(head.headers(), "Access-Control-Allow-Methods");
                }
            });
            next.proceed(ex);
        } else {
            next.proceed(ex);
        }
    }

    private static boolean isObjectPath(String path) {
        return SwiftPath.splitOrNull(path, 4, 4, true) != null;
    }

    private static void appendCopy(HttpHeaders h, String name) {
        String v = h.get(name);
        if (v != null && !v.contains("COPY")) {
            h.set(name, v + ", COPY");
        }
    }

    /** Rewrites {@code COPY /v/a/c/o} + {@code Destination: c2/o2} as {@code PUT /v/a2/c2/o2} + {@code X-Copy-From: /c/o}. */
    private static void toPut(HttpExchange ex) {
        HttpHeaders h = ex.headers();
        String dest = h.get("Destination");
        if (dest == null || dest.isEmpty()) {
            throw SwiftException.html(412, "Destination header required");
        }
        String[] p = SwiftPath.split(ex.path().path(), 4, 4, true);
        String account = p[1];
        String destAccount = account;
        if (h.contains("Destination-Account")) {
            destAccount = checkAccount(unquote(h.get("Destination-Account")));
            h.set("X-Copy-From-Account", Quoting.quote(account));
            h.remove("Destination-Account");
        }
        String[] d = checkPath(dest, "Destination header must be of the form <container name>/<object name>");
        h.set("Content-Length", "0");
        h.set("X-Copy-From", Quoting.quote("/" + p[2] + "/" + p[3]));
        h.remove("Destination");
        ex.rewrite(HttpMethod.PUT, Quoting.quote("/" + p[0] + "/" + destAccount + "/" + d[0] + "/" + d[1]));
    }

    private void copy(HttpExchange ex, Chain next) {
        HttpHeaders h = ex.headers();
        String cl = h.get("Content-Length");
        if (cl != null && !cl.strip().equals("0")) {
            throw SwiftException.plain(400, "Copy requests require a zero byte body");
        }
        SwiftPath dest = SwiftPath.parse(ex.path().path());
        String srcAccount = h.contains("X-Copy-From-Account")
                ? checkAccount(unquote(h.get("X-Copy-From-Account"))) : dest.account();
        String[] src = checkPath(h.get("X-Copy-From"),
                "X-Copy-From header must be of the form <container name>/<object name>");
        SwiftPath source = new SwiftPath(dest.version(), srcAccount, src[0], src[1]);
        HttpHeaders getHeaders = h.copy();
        for (String n : List.of("Content-Length", "Transfer-Encoding", "X-Copy-From", "X-Copy-From-Account")) {
            getHeaders.remove(n);
        }
        // the newest copy, not whichever replica answers first
        getHeaders.set("X-Newest", "true");
        ProxyRequest get = ProxyRequest.builder().method(HttpMethod.GET).path(source)
                .query(ex.path().rawQuery(), ex.path().params()).headers(getHeaders)
                .authorizer(ex.attr(AuthAttrs.AUTHORIZER)).transId(ex.attr(ProxyAttrs.TRANS_ID))
                .loop(ex.eventLoop()).build();
        app.handle(get).whenCompleteAsync((resp, err) -> {
            try {
                if (err != null) {
                    ResponseWriter.writeError(ex, err);
                } else if (resp.status() >= 300) {
                    ResponseWriter.write(ex, resp);
                } else {
                    putSource(ex, source, resp);
                    next.proceed(ex);
                }
            } catch (Exception e) {
                if (resp != null) {
                    resp.discard();
                }
                ResponseWriter.writeError(ex, e);
            }
        }, ex.eventLoop());
    }

    /** Turns the request into the PUT of the source's bytes, with the merged metadata. */
    private static void putSource(HttpExchange ex, SwiftPath source, ProxyResponse src) {
        String length = src.header("Content-Length");
        if (length == null || src.stream() == null || Long.parseLong(length.strip()) > Constraints.MAX_FILE_SIZE) {
            throw new SwiftException(413);
        }
        HttpHeaders req = ex.headers();
        // Swift's config_true_value: true, 1, yes, on, t, y
        boolean fresh = TRUE_VALUES.contains(String.valueOf(req.get("X-Fresh-Metadata")).strip()
                .toLowerCase(Locale.ROOT));
        for (Map.Entry<String, String> e : src.headers()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            boolean sys = Headers.isSysMeta("object", k) || k.startsWith("x-object-transient-sysmeta-");
            boolean wanted = sys || (!fresh && (Headers.isUserMeta("object", k) || KEPT.contains(k)));
            if (wanted && !req.contains(e.getKey())) {
                req.set(e.getKey(), e.getValue());
            }
        }
        if (src.status() == 200 && !src.headers().contains("X-Static-Large-Object")
                && !src.headers().contains("X-Object-Manifest") && src.header("Etag") != null) {
            // the object servers verify that the copy has the source's bytes
            req.set("Etag", Headers.unquote(src.header("Etag")));
        }
        req.remove("X-Copy-From");
        req.remove("X-Copy-From-Account");
        req.remove("Transfer-Encoding");
        String ctype = req.get("Content-Type");
        if ((ctype == null || ctype.isEmpty()) && src.header("Content-Type") != null) {
            req.set("Content-Type", src.header("Content-Type"));
        }
        req.set("Content-Length", length.strip());

        HttpHeaders copied = SwiftHeaders.create();
        copied.set("X-Copied-From-Account", Quoting.quote(source.account()));
        copied.set("X-Copied-From", Quoting.quote(source.container() + "/" + source.object()));
        if (src.header("Last-Modified") != null) {
            copied.set("X-Copied-From-Last-Modified", src.header("Last-Modified"));
        }
        for (Map.Entry<String, String> e : req) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (Headers.isUserMeta("object", k) || k.equals("x-delete-at")) {
                copied.set(e.getKey(), e.getValue());
            }
        }
        ex.onHead(head -> {
            int s = head.status().code();
            if (s >= 200 && s < 300) {
                head.headers().add(copied);
            }
        });
        ex.attr(ProxyAttrs.BODY, src.stream());
    }

    private static final java.util.Set<String> TRUE_VALUES = java.util.Set.of("true", "1", "yes", "on", "t", "y");

    private static String checkAccount(String account) {
        if (account == null || account.isEmpty()) {
            throw SwiftException.html(412, "Account name cannot be empty");
        }
        if (account.contains("/")) {
            throw SwiftException.html(412, "Account name cannot contain slashes");
        }
        return account;
    }

    /** Swift's check_path_header: {@code [/]container/object}, percent-decoded. */
    private static String[] checkPath(String value, String error) {
        String v = unquote(value);
        if (v == null) {
            throw SwiftException.html(412, error);
        }
        if (!v.startsWith("/")) {
            v = "/" + v;
        }
        String[] parts = SwiftPath.splitOrNull(v, 2, 2, true);
        if (parts == null) {
            throw SwiftException.html(412, error);
        }
        return parts;
    }

    /** Percent-decodes a header value (whose chars are its bytes, ISO-8859-1). */
    private static String unquote(String v) {
        if (v == null) {
            return null;
        }
        return RequestPath.decode(v, false);
    }
}
