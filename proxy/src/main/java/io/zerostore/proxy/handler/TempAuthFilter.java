package io.zerostore.proxy.handler;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.HttpExchange;
import io.zerostore.common.http.RequestPath;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.pipeline.Filter;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.proxy.auth.AuthAttrs;
import io.zerostore.proxy.auth.Authorizer;
import io.zerostore.proxy.auth.TempAuthAuthorizer;
import io.zerostore.proxy.auth.TempAuthConfig;
import io.zerostore.proxy.auth.TokenEndpoint;
import io.zerostore.proxy.auth.TokenStore;
import io.zerostore.proxy.controller.ProxyResponse;
import io.zerostore.proxy.controller.ResponseWriter;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Swift's TempAuth as a pipeline stage: answers token requests under {@code /auth/}, and for every
 * other request establishes who is asking. A token of ours that is unknown or expired is refused
 * at once (401); a valid one, or an anonymous request to one of our accounts, gets an
 * {@link Authorizer} the controllers consult (possibly after reading a container's ACL).
 */
public final class TempAuthFilter implements Filter {
    private final TempAuthConfig config;
    private final TokenStore tokens;
    private final TokenEndpoint endpoint;

    public TempAuthFilter(TempAuthConfig config, TokenStore tokens) {
        this.config = config;
        this.tokens = tokens;
        this.endpoint = new TokenEndpoint(config, tokens);
    }

    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public void handle(HttpExchange ex, Chain next) throws Exception {
        if (ex.path().path().startsWith(config.authPrefix())) {
            handleToken(ex);
            return;
        }
        String token = ex.headers().get("X-Auth-Token", ex.headers().get("X-Storage-Token"));
        if (token != null && token.startsWith(config.resellerPrefix())) {
            String groups = tokens.groups(token);
            if (groups == null) {
                // our token, but not (any longer) valid: no need to look further
                throw new SwiftException(401, null, SwiftException.HTML,
                        Map.of("Www-Authenticate", "Swift realm=\"" + realmOf(ex.path().path()) + "\""));
            }
            ex.attr(AuthAttrs.REMOTE_USER, groups);
            ex.attr(AuthAttrs.AUTHORIZER, new TempAuthAuthorizer(config.resellerPrefix(), groups));
        } else if (isDefinitive(ex.path().path())) {
            ex.attr(AuthAttrs.AUTHORIZER, new TempAuthAuthorizer(config.resellerPrefix(), null));
        } else if (ex.attr(AuthAttrs.AUTHORIZER) == null) {
            ex.attr(AuthAttrs.AUTHORIZER, Authorizer.DENY_ALL);
        }
        next.proceed(ex);
    }

    private void handleToken(HttpExchange ex) {
        RequestPath rp = ex.path();
        if (!rp.isPathValid()) {
            throw SwiftException.html(412, "Invalid UTF8 or contains NULL");
        }
        String sub = rp.path().substring(config.authPrefix().length() - 1);
        Map<String, String> result = endpoint.handle(ex.method().name(), sub, ex.headers(), hostUrl(ex));
        HttpHeaders h = SwiftHeaders.create();
        result.forEach(h::set);
        ResponseWriter.write(ex, ProxyResponse.of(200, h, new byte[0]));
    }

    /** {@code http://<Host header>}, or the local address when the client sent no Host. */
    private static String hostUrl(HttpExchange ex) {
        String host = ex.headers().get("Host");
        if (host == null || host.isEmpty()) {
            InetSocketAddress local = (InetSocketAddress) ex.channel().localAddress();
            host = local.getHostString() + ":" + local.getPort();
        }
        return "http://" + host;
    }

    /** TempAuth vouches for requests to accounts under its reseller prefix. */
    private boolean isDefinitive(String path) {
        String[] segs = path.split("/", 4);
        return segs.length >= 3 && segs[0].isEmpty() && !segs[1].isEmpty() && !segs[2].isEmpty()
                && segs[2].startsWith(config.resellerPrefix());
    }

    private static String realmOf(String path) {
        String[] segs = path.split("/", 4);
        if (segs.length < 3 || !segs[0].isEmpty() || segs[1].isEmpty() || segs[2].isEmpty()) {
            return "unknown";
        }
        return segs[2];
    }
}
