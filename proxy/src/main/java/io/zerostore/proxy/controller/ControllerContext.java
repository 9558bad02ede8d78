package io.zerostore.proxy.controller;

import io.zerostore.proxy.backend.BackendClient;

/** What every controller works with. */
public record ControllerContext(Rings rings, BackendClient client, ProxySettings settings, InfoCache infoCache) {}
