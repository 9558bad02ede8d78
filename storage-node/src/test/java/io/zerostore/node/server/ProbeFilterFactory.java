package io.zerostore.node.server;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.zerostore.common.pipeline.Filter;
import io.zerostore.common.pipeline.FilterContext;
import io.zerostore.common.pipeline.FilterFactory;
import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.node.diskfile.DeviceExecutors;
import io.zerostore.node.diskfile.DiskFileManager;
import io.zerostore.node.diskfile.ObjectState;
import io.zerostore.node.diskfile.StoredObject;
import java.util.Set;

/**
 * A test plug-in found through ServiceLoader, as the ZeroCloud executor will be: {@code GET
 * /probe/<dev>/<part>/<a>/<c>/<o>} maps the object to its file via the pipeline's services and
 * answers {@code <data file> <content length>}.
 */
public final class ProbeFilterFactory implements FilterFactory {
    @Override
    public String name() {
        return "probe";
    }

    @Override
    public Set<ServerRole> roles() {
        return Set.of(ServerRole.OBJECT);
    }

    @Override
    public Filter create(FilterContext context) {
        DiskFileManager files = context.service(DiskFileManager.class).orElseThrow();
        DeviceExecutors executors = context.service(DeviceExecutors.class).orElseThrow();
        return (ex, next) -> {
            String path = ex.path().path();
            if (!path.startsWith("/probe/")) {
                next.proceed(ex);
                return;
            }
            String[] p = path.substring("/probe/".length()).split("/", 5);
            executors.submit(p[0], () -> {
                ObjectState s = files.get(p[0], Integer.parseInt(p[1]), p[2], p[3], p[4]).read(0);
                try (StoredObject o = ((ObjectState.Present) s).object()) {
                    return o.dataFile() + " " + o.contentLength();
                }
            }).whenComplete((text, err) -> ex.respond(err == null ? 200 : 500, new DefaultHttpHeaders(),
                    err == null ? text : err.toString()));
        };
    }
}
