package io.zerostore.proxy.controller;

import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.ring.Device;
import java.util.List;

/** Headers the proxy adds to backend requests (Swift's generate_request_headers and friends). */
final class BackendHeaders {
    private BackendHeaders() {}

    /** The minimum: the transaction id, so server logs line up with the proxy's. */
    static HttpHeaders base(String transId) {
        HttpHeaders h = SwiftHeaders.create();
        h.set("X-Trans-Id", transId);
        return h;
    }

    /**
     * The replica i of n updates replica i of the container (or account) listing: one
     * {@code X-<kind>-Host/-Partition/-Device} set per node, spread round-robin.
     *
     * @param kind {@code Container} or {@code Account}
     */
    static void setUpdateTarget(HttpHeaders h, String kind, int replicaIndex, int replicas, int partition,
                                List<Device> targets) {
        StringBuilder hosts = new StringBuilder();
        StringBuilder devices = new StringBuilder();
        for (int i = 0; i < targets.size(); i++) {
            if (i % replicas != replicaIndex) {
                continue;
            }
            Device d = targets.get(i);
            if (hosts.length() > 0) {
                hosts.append(',');
                devices.append(',');
            }
            hosts.append(d.hostPort());
            devices.append(d.device());
        }
        if (hosts.length() > 0) {
            h.set("X-" + kind + "-Host", hosts.toString());
            h.set("X-" + kind + "-Partition", Integer.toString(partition));
            h.set("X-" + kind + "-Device", devices.toString());
        }
    }
}
