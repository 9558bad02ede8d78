package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.ring.Device;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the proxy needs to know about a container to serve its objects (Swift's container_info):
 * whether it exists, its ACLs, CORS metadata, and where its replicas are for object updates.
 *
 * @param meta user metadata by lower-case name without the {@code x-container-meta-} prefix
 */
public record ContainerInfo(int status, String readAcl, String writeAcl, long objectCount, long bytesUsed,
                            Map<String, String> meta, int partition, List<Device> nodes) {

    public boolean exists() {
        return status >= 200 && status < 300;
    }

    static ContainerInfo from(int status, HttpHeaders h, int partition, List<Device> nodes) {
        Map<String, String> meta = new HashMap<>();
        if (h != null) {
            for (Map.Entry<String, String> e : h) {
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (k.startsWith("x-container-meta-")) {
                    meta.put(k.substring("x-container-meta-".length()), e.getValue());
                }
            }
        }
        return new ContainerInfo(status, h == null ? null : h.get("X-Container-Read"),
                h == null ? null : h.get("X-Container-Write"), longOf(h, "X-Container-Object-Count"),
                longOf(h, "X-Container-Bytes-Used"), Map.copyOf(meta), partition, nodes);
    }

    static long longOf(HttpHeaders h, String name) {
        if (h == null) {
            return 0;
        }
        try {
            String v = h.get(name);
            return v == null ? 0 : Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
