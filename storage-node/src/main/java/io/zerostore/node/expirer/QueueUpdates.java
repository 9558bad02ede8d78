package io.zerostore.node.expirer;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.ExpiringObjects;
import io.zerostore.common.swift.HashPath;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.replication.db.LazyRing;
import io.zerostore.node.updater.ContainerUpdate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The object server's side of the expiring-objects queue (Swift's {@code delete_at_update}): when
 * a PUT or POST sets, changes or drops an object's X-Delete-At, or a DELETE removes an object that
 * had one, the queue rows change with it. The new row goes to the queue container replicas the
 * proxy named ({@code X-Delete-At-Container}, {@code -Host}, {@code -Partition}, {@code -Device});
 * the old row's container is found in the container ring (the proxy cannot know the old value).
 * The updates travel like object rows ({@link io.zerostore.node.updater.ContainerUpdater}), so a
 * queue replica that is down gets them from the async pendings.
 */
public final class QueueUpdates {
    private static final String EMPTY_ETAG = "d41d8cd98f00b204e9800998ecf8427e";
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "0", "off");

    private final HashPath hashPath;
    private final LazyRing containerRing;

    public QueueUpdates(HashPath hashPath, LazyRing containerRing) {
        this.hashPath = hashPath;
        this.containerRing = containerRing;
    }

    /** One queue change and the path hash that names its async pending. */
    public record Change(String hash, ContainerUpdate update) {}

    /**
     * The changes of a PUT or POST that stored {@code newDeleteAt} (0: none) over an object that
     * had {@code oldDeleteAt} (0: none or no object).
     */
    public List<Change> forWrite(HttpHeaders req, String a, String c, String o, long oldDeleteAt, long newDeleteAt,
                                 Timestamp ts) {
        List<Change> out = new ArrayList<>();
        if (newDeleteAt == oldDeleteAt) {
            return out;
        }
        String newContainer = null;
        List<ContainerUpdate.Target> newTargets = List.of();
        if (newDeleteAt > 0 && req.contains("X-Delete-At-Host")) {
            newContainer = req.get("X-Delete-At-Container");
            if (newContainer == null || newContainer.isBlank()) {
                newContainer = ExpiringObjects.container(newDeleteAt, hashPath, a, c, o);
            }
            newTargets = ContainerUpdate.targetsOf(req, "Delete-At");
            Map<String, String> h = headers(req, ts);
            h.put("X-Size", "0");
            h.put("X-Content-Type", "text/plain");
            h.put("X-Etag", EMPTY_ETAG);
            out.add(change("PUT", newContainer, ExpiringObjects.name(newDeleteAt, a, c, o), h, newTargets));
        }
        if (oldDeleteAt > 0) {
            out.addAll(removal(req, a, c, o, oldDeleteAt, ts, newContainer, newTargets));
        }
        return out;
    }

    /**
     * The change of a DELETE that removed an object with {@code oldDeleteAt}; none when the
     * request says the queue is taken care of ({@code X-Backend-Clean-Expiring-Object-Queue: no},
     * the expirer's own DELETEs).
     */
    public List<Change> forDelete(HttpHeaders req, String a, String c, String o, long oldDeleteAt, Timestamp ts) {
        String clean = req.get("X-Backend-Clean-Expiring-Object-Queue");
        if (oldDeleteAt <= 0 || (clean != null && FALSE.contains(clean.strip().toLowerCase(java.util.Locale.ROOT)))) {
            return List.of();
        }
        return removal(req, a, c, o, oldDeleteAt, ts, null, List.of());
    }

    private List<Change> removal(HttpHeaders req, String a, String c, String o, long oldDeleteAt, Timestamp ts,
                                 String newContainer, List<ContainerUpdate.Target> newTargets) {
        String container = ExpiringObjects.container(oldDeleteAt, hashPath, a, c, o);
        List<ContainerUpdate.Target> targets = targetsFromRing(container)
                .orElse(container.equals(newContainer) ? newTargets : List.of());
        if (targets.isEmpty()) {
            return List.of(); // no ring here: the stale row is dropped by the expirer (its X-If-Delete-At fails)
        }
        return List.of(change("DELETE", container, ExpiringObjects.name(oldDeleteAt, a, c, o), headers(req, ts), targets));
    }

    private Optional<List<ContainerUpdate.Target>> targetsFromRing(String container) {
        Optional<Ring> ring = containerRing.get();
        if (ring.isEmpty()) {
            return Optional.empty();
        }
        int part = ring.get().partition(hashPath.digest(ExpiringObjects.ACCOUNT, container, null));
        List<ContainerUpdate.Target> out = new ArrayList<>();
        for (Device d : ring.get().primaries(part)) {
            out.add(new ContainerUpdate.Target(d.hostPort(), part, d.device()));
        }
        return Optional.of(out);
    }

    private Change change(String op, String container, String row, Map<String, String> headers,
                          List<ContainerUpdate.Target> targets) {
        ContainerUpdate u = new ContainerUpdate(op, ExpiringObjects.ACCOUNT, container, row, headers, targets);
        return new Change(hashPath.hex(ExpiringObjects.ACCOUNT, container, row), u);
    }

    private static Map<String, String> headers(HttpHeaders req, Timestamp ts) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Timestamp", ts.internal());
        String tx = req.get("X-Trans-Id");
        if (tx != null) {
            h.put("X-Trans-Id", tx);
        }
        h.put("X-Backend-Storage-Policy-Index", "0");
        return h;
    }
}
