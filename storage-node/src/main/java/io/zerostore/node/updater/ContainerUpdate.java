package io.zerostore.node.updater;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One object's change to report to its container replicas (Swift's async_update payload):
 * {@code op} PUT or DELETE of {@code /account/container/object}, the headers the container server
 * reads ({@code X-Timestamp}, and for PUT {@code X-Size}, {@code X-Content-Type}, {@code X-Etag}),
 * and the container replicas still to be told.
 */
public record ContainerUpdate(String op, String account, String container, String obj,
                              Map<String, String> headers, List<Target> targets) {

    /** A container replica: its server {@code ip:port}, partition and device. */
    public record Target(String host, int partition, String device) {}

    public ContainerUpdate {
        headers = Map.copyOf(headers);
        targets = List.copyOf(targets);
    }

    public ContainerUpdate withTargets(List<Target> remaining) {
        return new ContainerUpdate(op, account, container, obj, headers, remaining);
    }

    /**
     * The replicas named by a request's {@code X-Container-Host} / {@code -Partition} / {@code -Device}
     * (host and device may be comma-separated lists of equal length). Empty when absent; a
     * mismatched or unparseable set is ignored, as Swift logs and skips it.
     */
    public static List<Target> targetsOf(HttpHeaders h) {
        return targetsOf(h, "Container");
    }

    /** As {@link #targetsOf(HttpHeaders)} for another set, e.g. {@code X-Delete-At-Host/-Partition/-Device}. */
    public static List<Target> targetsOf(HttpHeaders h, String kind) {
        String hosts = h.get("X-" + kind + "-Host");
        String part = h.get("X-" + kind + "-Partition");
        String devices = h.get("X-" + kind + "-Device");
        if (hosts == null || part == null || devices == null) {
            return List.of();
        }
        String[] hs = hosts.split(",");
        String[] ds = devices.split(",");
        if (hs.length != ds.length) {
            return List.of();
        }
        int p;
        try {
            p = Integer.parseInt(part.strip());
        } catch (NumberFormatException e) {
            return List.of();
        }
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < hs.length; i++) {
            if (!hs[i].isBlank() && !ds[i].isBlank()) {
                out.add(new Target(hs[i].strip(), p, ds[i].strip()));
            }
        }
        return out;
    }
}
