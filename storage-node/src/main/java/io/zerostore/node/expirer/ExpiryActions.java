package io.zerostore.node.expirer;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.ExpiringObjects;
import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.server.db.DbPath;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the expirer sends to the storage servers, as Swift's expirer does through its internal
 * client: the object DELETE (timestamped at the delete-at, guarded by {@code X-If-Delete-At}, with
 * the container replicas to update so the object leaves the listing) and the removal of the queue
 * row. Waits for the answers; runs on the expirer's worker threads.
 */
final class ExpiryActions {
    private static final String USER_AGENT = "object-expirer " + ProcessHandle.current().pid();

    private final HttpClient client;
    private final HashPath hashPath;

    ExpiryActions(HttpClient client, HashPath hashPath) {
        this.client = client;
        this.hashPath = hashPath;
    }

    /** How an object DELETE for a queue row went. */
    enum Outcome {
        /** A quorum is done with it: deleted now, or gone (an expired object answers 404 as it is deleted). */
        DELETED,
        /** A quorum is done with it, mostly because it changed: overwritten, or its X-Delete-At moved. */
        STALE,
        /** No quorum: try again next pass. */
        FAILED
    }

    /**
     * Deletes an expired object on its primaries. A replica is done with it when it answers 2xx or
     * 404 (deleted; an expired object is already 404, and the tombstone is still written), 409
     * (overwritten by something newer) or 412 (its X-Delete-At changed, so this queue row is
     * stale). A primary that missed it gets the tombstone from object replication.
     */
    Outcome deleteObject(ExpiringObjects.Entry e, Ring objects, Ring containers, String transId) {
        int part = objects.partition(hashPath.digest(e.account(), e.container(), e.object()));
        List<Device> nodes = objects.primaries(part);
        int containerPart = containers.partition(hashPath.digest(e.account(), e.container(), null));
        List<Device> containerNodes = containers.primaries(containerPart);
        String at = ExpiringObjects.normalize(e.deleteAt());
        Timestamp ts = new Timestamp(e.deleteAt() * Timestamp.TICKS_PER_SECOND, 0);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Map<String, String> h = new java.util.LinkedHashMap<>();
            h.put("X-Timestamp", ts.internal());
            h.put("X-If-Delete-At", at);
            h.put("X-Backend-Clean-Expiring-Object-Queue", "no");
            h.put("X-Trans-Id", transId);
            addContainerTarget(h, i, nodes.size(), containerPart, containerNodes);
            answers.add(send(HttpMethod.DELETE, nodes.get(i), part, path(e.account(), e.container(), e.object()), h));
        }
        int deleted = 0;
        int changed = 0;
        for (CompletableFuture<Integer> a : answers) {
            int s = a.join();
            if ((s >= 200 && s < 300) || s == 404) {
                deleted++;
            } else if (s == 409 || s == 412) {
                changed++;
            }
        }
        if (deleted + changed < nodes.size() / 2 + 1) {
            return Outcome.FAILED;
        }
        return changed > deleted ? Outcome.STALE : Outcome.DELETED;
    }

    /** Removes a queue row from its container's replicas; true when one took the tombstone (replication spreads it). */
    boolean pop(String queueContainer, String row, Ring containers, String transId) {
        int part = containers.partition(hashPath.digest(ExpiringObjects.ACCOUNT, queueContainer, null));
        Map<String, String> h = Map.of("X-Timestamp", Timestamp.now().internal(), "X-Trans-Id", transId);
        return anyOk(containers.primaries(part), d -> send(HttpMethod.DELETE, d, part,
                path(ExpiringObjects.ACCOUNT, queueContainer, row), h));
    }

    /** Deletes an emptied queue container on its replicas (409 where rows remain: retried next pass). */
    boolean deleteContainer(String queueContainer, Ring containers, String transId) {
        int part = containers.partition(hashPath.digest(ExpiringObjects.ACCOUNT, queueContainer, null));
        Map<String, String> h = Map.of("X-Timestamp", Timestamp.now().internal(), "X-Trans-Id", transId);
        return anyOk(containers.primaries(part), d -> send(HttpMethod.DELETE, d, part,
                path(ExpiringObjects.ACCOUNT, queueContainer, null), h));
    }

    private static boolean anyOk(List<Device> nodes, java.util.function.Function<Device, CompletableFuture<Integer>> f) {
        List<CompletableFuture<Integer>> answers = nodes.stream().map(f).toList();
        boolean ok = false;
        for (CompletableFuture<Integer> a : answers) {
            int s = a.join();
            ok |= s >= 200 && s < 300;
        }
        return ok;
    }

    /** Replica i of n updates the container replicas j with j % n == i (as the proxy spreads them). */
    private static void addContainerTarget(Map<String, String> h, int i, int n, int part, List<Device> containers) {
        List<String> hosts = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        for (int j = 0; j < containers.size(); j++) {
            if (j % n == i) {
                hosts.add(containers.get(j).hostPort());
                devices.add(containers.get(j).device());
            }
        }
        if (!hosts.isEmpty()) {
            h.put("X-Container-Host", String.join(",", hosts));
            h.put("X-Container-Partition", Integer.toString(part));
            h.put("X-Container-Device", String.join(",", devices));
        }
    }

    private static String path(String a, String c, String o) {
        return DbPath.quote(a) + "/" + DbPath.quote(c) + (o == null ? "" : "/" + DbPath.quote(o));
    }

    /** One request; its status, or 0 when the server could not be reached. Never fails. */
    private CompletableFuture<Integer> send(HttpMethod method, Device d, int part, String path, Map<String, String> h) {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method,
                "/" + DbPath.quote(d.device()) + "/" + part + "/" + path, Unpooled.EMPTY_BUFFER);
        h.forEach((k, v) -> req.headers().set(k, v));
        req.headers().set("Host", d.hostPort()).set("Content-Length", 0).set("User-Agent", USER_AGENT);
        return client.send(new InetSocketAddress(d.ip(), d.port()), req)
                .handle((res, err) -> err != null ? 0 : res.status());
    }
}
