package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.ExpiringObjects;
import java.util.List;

/**
 * Swift's expiring-objects headers on object PUT/POST: when the request sets X-Delete-At (after
 * X-Delete-After became one), each object replica is told the queue container
 * ({@code X-Delete-At-Container}) and one of its replicas ({@code X-Delete-At-Host}, {@code -Partition},
 * {@code -Device}), spread like the container updates; the object server writes the queue row.
 */
final class DeleteAtHeaders {
    private DeleteAtHeaders() {}

    static void add(List<HttpHeaders> perReplica, Rings rings, SwiftPath p) {
        if (perReplica.isEmpty()) {
            return;
        }
        long deleteAt = ExpiringObjects.parseDeleteAt(perReplica.get(0).get("X-Delete-At"));
        if (deleteAt < 0) {
            return;
        }
        String container = ExpiringObjects.container(deleteAt, rings.hashPath(), p.account(), p.container(), p.object());
        int part = rings.containerPartition(ExpiringObjects.ACCOUNT, container);
        Ring ring = rings.container().get();
        List<Device> nodes = ring.primaries(part);
        for (int i = 0; i < perReplica.size(); i++) {
            HttpHeaders h = perReplica.get(i);
            h.set("X-Delete-At-Container", container);
            BackendHeaders.setUpdateTarget(h, "Delete-At", i, perReplica.size(), part, nodes);
        }
    }
}
