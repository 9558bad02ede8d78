package io.zerostore.proxy.controller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.swift.SwiftException;
import java.util.List;
import java.util.Map;

/** {@code /info}: the cluster's capabilities as JSON, for anybody (no auth), like Swift's InfoController. */
final class InfoController {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ALLOW = "HEAD, GET, OPTIONS";

    private final Capabilities capabilities;
    private final boolean expose;
    private final List<String> disallowed;

    InfoController(Capabilities capabilities, boolean expose, List<String> disallowed) {
        this.capabilities = capabilities;
        this.expose = expose;
        this.disallowed = disallowed;
    }

    /**
     * @param adminQuery true when {@code swiftinfo_sig} or {@code swiftinfo_expires} is given: an
     *                   admin view, which needs an admin key that we never have (Swift: 403)
     */
    ProxyResponse handle(String method, String origin, boolean adminQuery) {
        HttpHeaders h = SwiftHeaders.create();
        switch (method) {
            case "OPTIONS" -> {
                h.set("Allow", ALLOW);
                return ProxyResponse.of(200, h, new byte[0]);
            }
            case "GET", "HEAD" -> {
                if (!expose || adminQuery) {
                    return ProxyResponse.status(403);
                }
                if (origin != null) {
                    h.set("Access-Control-Allow-Origin", origin);
                    h.set("Access-Control-Expose-Headers", "x-trans-id");
                }
                Map<String, Map<String, Object>> info = capabilities.snapshot();
                disallowed.forEach(info::remove);
                h.set("Content-Type", "application/json; charset=UTF-8");
                try {
                    byte[] body = JSON.writeValueAsBytes(info);
                    // a HEAD says how long the GET's body is
                    h.set("Content-Length", body.length);
                    return ProxyResponse.of(200, h, body);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> {
                return ProxyResponse.error(new SwiftException(405, null, SwiftException.HTML, Map.of("Allow", ALLOW)));
            }
        }
    }
}
