package io.zerostore.proxy.controller;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.auth.AuthRequest;
import io.zerostore.proxy.auth.Authorizer;
import io.zerostore.proxy.auth.Decision;
import io.zerostore.proxy.backend.BodyStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to the Swift API as the controllers see it: a client's request or a sub-request a
 * filter makes (the source GET of a COPY). Carries the requester's {@link Authorizer} and whether
 * it has already been authorized (Swift removes {@code swift.authorize} once a request passed).
 */
public final class ProxyRequest {
    private final HttpMethod method;
    private final SwiftPath path;
    private final String rawQuery;
    private final Map<String, List<String>> params;
    private final HttpHeaders headers;
    private final BodyStream body;
    private final Authorizer authorizer;
    private final String transId;
    private final EventLoop loop;
    private final boolean bodyFromClient;
    private boolean authorized;
    private boolean owner;

    private ProxyRequest(Builder b) {
        this.method = Objects.requireNonNull(b.method);
        this.path = Objects.requireNonNull(b.path);
        this.rawQuery = b.rawQuery == null ? "" : b.rawQuery;
        this.params = b.params == null ? Map.of() : b.params;
        this.headers = b.headers == null ? SwiftHeaders.create() : b.headers;
        this.body = b.body;
        this.authorizer = b.authorizer;
        this.transId = b.transId == null ? "-" : b.transId;
        this.loop = Objects.requireNonNull(b.loop);
        this.bodyFromClient = b.bodyFromClient;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this request (same requester, trans id and loop), not yet authorized. */
    public Builder derive() {
        Builder b = new Builder();
        b.method = method;
        b.path = path;
        b.rawQuery = rawQuery;
        b.params = params;
        b.headers = headers.copy();
        b.authorizer = authorizer;
        b.transId = transId;
        b.loop = loop;
        return b;
    }

    public HttpMethod method() {
        return method;
    }

    public String methodName() {
        return method.name();
    }

    public SwiftPath path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public String param(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The request body, or null for none. */
    public BodyStream body() {
        return body;
    }

    /** True when the body is the client's upload (a timeout is the client's fault: 408, a break 499). */
    public boolean bodyFromClient() {
        return bodyFromClient;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public String transId() {
        return transId;
    }

    public EventLoop loop() {
        return loop;
    }

    /** True when the requester owns the account (may see and set ACLs). */
    /** True once the request passed authorization. */
    public boolean isAuthorized() {
        return authorized;
    }

    public boolean isOwner() {
        return owner;
    }

    /**
     * Asks the authorizer, with the container ACL that applies ({@code null} when none is known
     * yet). Once a request passed, later checks pass too.
     *
     * @return null when allowed, else the 401/403 to answer
     */
    public SwiftException authorize(String acl) {
        if (authorized) {
            return null;
        }
        if (authorizer == null) {
            // no auth filter in the pipeline: nothing to enforce
            authorized = true;
            owner = true;
            return null;
        }
        Decision d = authorizer.authorize(new AuthRequest(method.name(), path.account(), path.container(),
                path.object(), acl, headers.get("Referer")));
        if (!d.allowed()) {
            return new SwiftException(d.denialStatus());
        }
        authorized = true;
        owner = owner || d.owner();
        return null;
    }

    public static final class Builder {
        private HttpMethod method;
        private SwiftPath path;
        private String rawQuery;
        private Map<String, List<String>> params;
        private HttpHeaders headers;
        private BodyStream body;
        private Authorizer authorizer;
        private String transId;
        private EventLoop loop;
        private boolean bodyFromClient;

        public Builder method(HttpMethod m) {
            this.method = m;
            return this;
        }

        public Builder path(SwiftPath p) {
            this.path = p;
            return this;
        }

        public Builder query(String raw, Map<String, List<String>> parsed) {
            this.rawQuery = raw;
            this.params = parsed;
            return this;
        }

        public Builder headers(HttpHeaders h) {
            this.headers = h;
            return this;
        }

        public Builder body(BodyStream b, boolean fromClient) {
            this.body = b;
            this.bodyFromClient = fromClient;
            return this;
        }

        public Builder authorizer(Authorizer a) {
            this.authorizer = a;
            return this;
        }

        public Builder transId(String t) {
            this.transId = t;
            return this;
        }

        public Builder loop(EventLoop l) {
            this.loop = l;
            return this;
        }

        public ProxyRequest build() {
            return new ProxyRequest(this);
        }
    }
}
