package io.zerostore.proxy.auth;

import io.zerostore.common.http.Attr;

/** Per-request state the auth filter leaves for the controllers and the access log. */
public final class AuthAttrs {
    /** Swift's {@code swift.authorize}: absent when no auth filter runs. */
    public static final Attr<Authorizer> AUTHORIZER = Attr.of("swift.authorize");
    /** Swift's {@code REMOTE_USER}: the token's groups, for the access log. */
    public static final Attr<String> REMOTE_USER = Attr.of("REMOTE_USER");

    private AuthAttrs() {}
}
