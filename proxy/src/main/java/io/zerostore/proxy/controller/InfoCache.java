package io.zerostore.proxy.controller;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpMethod;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.proxy.backend.BackendClient;
import io.zerostore.proxy.backend.BackendResponse;
import io.zerostore.proxy.backend.NodeFetcher;
import io.zerostore.proxy.backend.NodeIterator;
import io.zerostore.proxy.backend.Quorum;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Container and account info looked up with a HEAD to the replicas and kept for
 * {@code recheck_*_existence} (Swift keeps it in memcached; OURS: in this proxy's memory).
 * Concurrent requests for the same container share one lookup; only existing entities are cached,
 * and writes through this proxy drop the entry so its own clients never see stale ACLs.
 */
public final class InfoCache {
    private record Entry(CompletableFuture<?> info, long expiresNanos) {}

    private final Rings rings;
    private final BackendClient client;
    private final ProxySettings settings;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public InfoCache(Rings rings, BackendClient client, ProxySettings settings) {
        this.rings = rings;
        this.client = client;
        this.settings = settings;
    }

    @SuppressWarnings("unchecked")
    public CompletableFuture<ContainerInfo> container(String a, String c, EventLoop loop, String transId) {
        String key = "c/" + a + "/" + c;
        return (CompletableFuture<ContainerInfo>) cached(key, settings.recheckContainerExistence(), () -> {
            Ring ring = rings.container().get();
            int part = rings.containerPartition(a, c);
            List<Device> nodes = ring.primaries(part);
            return head(ring, part, "/" + a + "/" + c, loop, transId)
                    .thenApply(r -> ContainerInfo.from(r.status(), r.headers(), part, nodes));
        }, i -> ((ContainerInfo) i).exists());
    }

    @SuppressWarnings("unchecked")
    public CompletableFuture<AccountInfo> account(String a, EventLoop loop, String transId) {
        String key = "a/" + a;
        return (CompletableFuture<AccountInfo>) cached(key, settings.recheckAccountExistence(), () -> {
            Ring ring = rings.account().get();
            int part = rings.accountPartition(a);
            List<Device> nodes = ring.primaries(part);
            return head(ring, part, "/" + a, loop, transId).thenApply(r -> new AccountInfo(r.status(),
                    ContainerInfo.longOf(r.headers(), "X-Account-Container-Count"), part, nodes));
        }, i -> ((AccountInfo) i).exists());
    }

    public void invalidateContainer(String a, String c) {
        entries.remove("c/" + a + "/" + c);
    }

    public void invalidateAccount(String a) {
        entries.remove("a/" + a);
    }

    private CompletableFuture<?> cached(String key, Duration ttl,
                                        java.util.function.Supplier<CompletableFuture<?>> lookup,
                                        java.util.function.Predicate<Object> cacheable) {
        long now = System.nanoTime();
        Entry e = entries.compute(key, (k, old) -> {
            if (old != null && now - old.expiresNanos < 0
                    && (!old.info.isDone() || !old.info.isCompletedExceptionally())) {
                return old;
            }
            return new Entry(lookup.get(), now + ttl.toNanos());
        });
        CompletableFuture<?> f = e.info;
        f.whenComplete((info, err) -> {
            if (err != null || !cacheable.test(info)) {
                entries.remove(key, e);
            }
        });
        return f;
    }

    /** One HEAD over the replicas (then handoffs), reduced to one status and its headers. */
    private CompletableFuture<BackendResponse> head(Ring ring, int part, String path, EventLoop loop, String transId) {
        NodeIterator nodes = NodeIterator.forRead(ring, part, client.errors(),
                settings.requestNodeCount(ring.replicaCount()));
        return NodeFetcher.fetch(client, nodes,
                node -> client.head(HttpMethod.HEAD, node, part, path, null, BackendHeaders.base(transId), false),
                false, false, loop).thenApply(result -> {
                    if (result.source() != null) {
                        NodeFetcher.Source s = result.source();
                        s.exchange().body().discard();
                        return new BackendResponse(s.status(), s.head().headers(), new byte[0], s.node());
                    }
                    BackendResponse best = result.failures().isEmpty() ? null : Quorum.best(result.failures(), null);
                    return best == null ? BackendResponse.unavailable() : best;
                });
    }
}
