package io.zerostore.proxy.controller;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Serves one kind of Swift entity (account, container, object). The proxy app checks the method
 * against {@link #allowedMethods()} and authorizes first; a controller that delays a denial for a
 * method gets the request anyway and must call {@link ProxyRequest#authorize(String)} with the
 * container ACL before doing anything for the requester.
 */
public interface Controller {
    /** In Swift's order, for the {@code Allow} header. */
    List<String> allowedMethods();

    /** True when a first denial waits for the container ACL (Swift's {@code @delay_denial}). */
    boolean delaysDenial(String method);

    /** Never throws: failures complete the future exceptionally (a SwiftException is the answer). */
    CompletableFuture<ProxyResponse> handle(ProxyRequest request);
}
