package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/** Swift's {@code swift_owner_headers}: shown to and settable by an account's owners only. */
final class OwnerHeaders {
    static final List<String> NAMES = List.of("x-container-read", "x-container-write", "x-container-sync-key",
            "x-container-sync-to", "x-account-meta-temp-url-key", "x-account-meta-temp-url-key-2",
            "x-container-meta-temp-url-key", "x-container-meta-temp-url-key-2", "x-account-access-control");

    private OwnerHeaders() {}

    static void strip(HttpHeaders h) {
        NAMES.forEach(h::remove);
    }
}
