package io.zerostore.node.updater;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DeviceExecutors;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Tells the container replicas about an object PUT or DELETE ({@code PUT|DELETE
 * /<device>/<partition>/<a>/<c>/<o>} on each container server). Replicas that fail (connection
 * error, timeout, 5xx or any non-2xx) are kept as one async pending file on the object's device
 * for the {@link AsyncPendingSweeper} to retry.
 */
public final class ContainerUpdater {
    private static final System.Logger LOG = System.getLogger(ContainerUpdater.class.getName());
    private final HttpClient client;
    private final DeviceExecutors executors;

    public ContainerUpdater(HttpClient client, DeviceExecutors executors) {
        this.client = client;
        this.executors = executors;
    }

    /**
     * Sends the update to all its targets at once. Completes when every target has acknowledged or
     * the failed ones are saved as an async pending (never exceptionally).
     */
    public CompletableFuture<Void> update(String deviceName, Path device, String hash, Timestamp ts,
                                          ContainerUpdate update) {
        List<ContainerUpdate.Target> targets = update.targets();
        if (targets.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Boolean>> sends = new ArrayList<>();
        for (ContainerUpdate.Target t : targets) {
            sends.add(send(t, update));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).thenCompose(x -> {
            List<ContainerUpdate.Target> failed = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                if (!sends.get(i).join()) {
                    failed.add(targets.get(i));
                }
            }
            if (failed.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return executors.continueWith(deviceName, () -> {
                AsyncPendingStore.write(device, hash, ts, update.withTargets(failed));
                return null;
            }).<Void>thenApply(v -> null).exceptionally(e -> {
                LOG.log(System.Logger.Level.ERROR, "cannot save async pending for " + update.account() + "/"
                        + update.container() + "/" + update.obj(), e);
                return null;
            });
        });
    }

    /** One attempt at one replica; true when it answered 2xx. Never completes exceptionally. */
    public CompletableFuture<Boolean> send(ContainerUpdate.Target target, ContainerUpdate update) {
        InetSocketAddress addr;
        try {
            addr = address(target.host());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "bad container host " + target.host());
            return CompletableFuture.completedFuture(false);
        }
        String uri = "/" + quote(target.device()) + "/" + target.partition() + "/" + quote(update.account()) + "/"
                + quote(update.container()) + "/" + quote(update.obj());
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(update.op()), uri,
                Unpooled.EMPTY_BUFFER);
        update.headers().forEach((k, v) -> req.headers().set(k, v));
        req.headers().set("Host", target.host());
        req.headers().set("Content-Length", 0);
        req.headers().set("User-Agent", "object-server " + ProcessHandle.current().pid());
        return client.send(addr, req).handle((res, err) -> {
            if (err != null) {
                LOG.log(System.Logger.Level.DEBUG, "container update to " + target + " failed: " + err);
                return false;
            }
            return res.is2xx();
        });
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(hostPort);
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** Percent-encodes a path segment's UTF-8 bytes, keeping unreserved characters and '/'. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
