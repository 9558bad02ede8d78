package io.zerostore.node.server;

import io.zerostore.common.http.HttpServer;
import io.zerostore.common.pipeline.Pipeline;
import io.zerostore.common.pipeline.PipelineBuilder;
import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.common.pipeline.Services;
import io.zerostore.node.diskfile.DeviceExecutors;
import io.zerostore.node.diskfile.DiskFileManager;
import io.zerostore.node.diskfile.LocalDiskFileManager;
import io.zerostore.node.updater.AsyncPendingSweeper;
import io.zerostore.node.updater.ContainerUpdater;
import java.net.InetSocketAddress;
import java.util.function.DoubleSupplier;

/**
 * The object server: Swift's backend object API (BACKEND.md) on its own port, behind a pipeline
 * built for {@link ServerRole#OBJECT} so plug-ins (the ZeroCloud executor) can join it. Plug-ins
 * find the {@link DiskFileManager} (object → file) and the {@link DeviceExecutors} (where disk work
 * runs) among the pipeline's services. Also runs the node's async-pending sweeper.
 */
public final class ObjectServer implements NodeServer {
    private final HttpServer http;
    private final DeviceExecutors executors;
    private final AsyncPendingSweeper sweeper;
    private final DiskFileManager files;
    private final Pipeline pipeline;

    private ObjectServer(HttpServer http, DeviceExecutors executors, AsyncPendingSweeper sweeper,
                         DiskFileManager files, Pipeline pipeline) {
        this.http = http;
        this.executors = executors;
        this.sweeper = sweeper;
        this.files = files;
        this.pipeline = pipeline;
    }

    public static ObjectServer start(NodeContext node) throws Exception {
        return start(node, () -> System.currentTimeMillis() / 1000.0);
    }

    /** With a clock (seconds since the epoch) for X-Delete-At, so tests can move time. */
    public static ObjectServer start(NodeContext node, DoubleSupplier clock) throws Exception {
        ObjectServerConfig cfg = ObjectServerConfig.from(node.conf());
        LocalDiskFileManager files = new LocalDiskFileManager(cfg.disk(), node.hashPath());
        DeviceExecutors executors = new DeviceExecutors(cfg.threadsPerDevice(), cfg.deviceQueueSize());
        ContainerUpdater updater = new ContainerUpdater(node.client(), executors);
        AsyncPendingSweeper sweeper = new AsyncPendingSweeper(files, updater, cfg.sweepInterval(),
                node.client().options().nodeTimeout().plusSeconds(1));
        Services services = new Services()
                .register(DiskFileManager.class, files)
                .register(DeviceExecutors.class, executors);
        ObjectContext ctx = new ObjectContext(cfg, files, executors, updater, clock);
        HttpServer http = null;
        try {
            Pipeline pipeline = new PipelineBuilder(ServerRole.OBJECT)
                    .builtin(NodeFilters.healthcheck())
                    .builtin(NodeFilters.recon())
                    .build(cfg.pipeline(), node.conf(), services, new ObjectApp(ctx));
            http = HttpServer.start(cfg.bindIp(), cfg.bindPort(), node.eventLoops(), false, pipeline);
            if (!cfg.sweepInterval().isZero()) {
                sweeper.start();
            }
            return new ObjectServer(http, executors, sweeper, files, pipeline);
        } catch (Exception | Error e) {
            if (http != null) {
                http.close();
            }
            executors.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return ObjectServerConfig.SECTION;
    }

    @Override
    public InetSocketAddress address() {
        return http.address();
    }

    public int port() {
        return http.port();
    }

    public DiskFileManager files() {
        return files;
    }

    public AsyncPendingSweeper sweeper() {
        return sweeper;
    }

    /** Names of the filters in front of the object app, for logs. */
    public java.util.List<String> pipelineNames() {
        return pipeline.names();
    }

    @Override
    public void close() {
        http.close();
        sweeper.close();
        executors.close();
    }
}
