package io.zerostore.node.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.http.SwiftHeaders;
import io.zerostore.common.pipeline.FilterFactory;
import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.node.diskfile.DiskFileManager;
import io.zerostore.node.diskfile.DiskUsage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The storage node's built-in filters: {@code healthcheck} and {@code recon} (disk usage). */
public final class NodeFilters {
    private static final Set<ServerRole> NODE_ROLES = EnumSet.of(ServerRole.OBJECT, ServerRole.CONTAINER,
            ServerRole.ACCOUNT);

    private NodeFilters() {}

    /** {@code GET /healthcheck} → 200 {@code OK}, text/plain (any method, as Swift's middleware). */
    public static FilterFactory healthcheck() {
        return factory("healthcheck", ctx -> (ex, next) -> {
            if (ex.path().rawPath().equals("/healthcheck")) {
                HttpHeaders h = SwiftHeaders.create();
                h.set("Content-Type", "text/plain");
                ex.respond(200, h, "OK");
            } else {
                next.proceed(ex);
            }
        });
    }

    /**
     * {@code GET /recon/diskusage} → JSON list of {@code {"device","mounted","size","used","avail"}}
     * per device, from statvfs (needs the {@link DiskFileManager} service; passes through without it).
     */
    public static FilterFactory recon() {
        return factory("recon", ctx -> {
            DiskFileManager files = ctx.service(DiskFileManager.class).orElse(null);
            ObjectMapper json = new ObjectMapper();
            return (ex, next) -> {
                if (files == null || !ex.path().rawPath().equals("/recon/diskusage")) {
                    next.proceed(ex);
                    return;
                }
                CompletableFuture.supplyAsync(() -> diskUsage(files)).whenComplete((rows, err) -> {
                    HttpHeaders h = SwiftHeaders.create();
                    h.set("Content-Type", "application/json; charset=utf-8");
                    try {
                        ex.respond(err == null ? 200 : 500, h, err == null ? json.writeValueAsString(rows) : "[]");
                    } catch (Exception e) {
                        ex.respond(500, h, "[]");
                    }
                });
            };
        });
    }

    private static List<Map<String, Object>> diskUsage(DiskFileManager files) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (String d : files.devices()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("device", d);
                try {
                    DiskUsage u = files.usage(d);
                    row.put("mounted", true);
                    row.put("size", u.size());
                    row.put("used", u.used());
                    row.put("avail", u.available());
                } catch (Exception e) {
                    row.put("mounted", false);
                    row.put("size", "");
                    row.put("used", "");
                    row.put("avail", "");
                }
                rows.add(row);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static FilterFactory factory(String name, FilterFactory.Maker maker) {
        return FilterFactory.of(name, NODE_ROLES, maker);
    }
}
