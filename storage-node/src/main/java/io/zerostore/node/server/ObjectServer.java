package io.zerostore.node.server;

import io.zerostore.common.http.HttpServer;
import io.zerostore.common.pipeline.Pipeline;
import io.zerostore.common.pipeline.PipelineBuilder;
import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.common.pipeline.Services;
import io.zerostore.node.audit.AuditorConfig;
import io.zerostore.node.audit.ObjectAuditor;
import io.zerostore.node.diskfile.DeviceExecutors;
import io.zerostore.node.diskfile.DiskFileManager;
import io.zerostore.node.diskfile.LocalDiskFileManager;
import io.zerostore.node.diskfile.TmpReaper;
import io.zerostore.node.expirer.QueueUpdates;
import io.zerostore.node.replication.ObjectReplicator;
import io.zerostore.node.replication.ReplicationServer;
import io.zerostore.node.replication.ReplicatorConfig;
import io.zerostore.node.replication.db.LazyRing;
import io.zerostore.node.updater.AsyncPendingSweeper;
import io.zerostore.node.updater.ContainerUpdater;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The object server: Swift's backend object API (BACKEND.md) on its own port, behind a pipeline
 * built for {@link ServerRole#OBJECT} so plug-ins (the ZeroCloud executor) can join it. Plug-ins
 * find the {@link DiskFileManager} (object → file) and the {@link DeviceExecutors} (where disk work
 * runs) among the pipeline's services. Also runs the node's async-pending sweeper, and the object
 * replicator and auditor of its devices (their REPLICATE/SSYNC endpoints are on this port).
 */
public final class ObjectServer implements NodeServer {
    private final HttpServer http;
    private final DeviceExecutors executors;
    private final AsyncPendingSweeper sweeper;
    private final DiskFileManager files;
    private final Pipeline pipeline;
    private final ScheduledExecutorService housekeeping;
    private final ObjectReplicator replicator;
    private final ObjectAuditor auditor;

    private ObjectServer(HttpServer http, DeviceExecutors executors, AsyncPendingSweeper sweeper,
                         DiskFileManager files, Pipeline pipeline, ScheduledExecutorService housekeeping,
                         ObjectReplicator replicator, ObjectAuditor auditor) {
        this.http = http;
        this.executors = executors;
        this.sweeper = sweeper;
        this.files = files;
        this.pipeline = pipeline;
        this.housekeeping = housekeeping;
        this.replicator = replicator;
        this.auditor = auditor;
    }

    /**
     * Temporary files of writers that died (kill -9, power loss) are removed soon after start and
     * then hourly; "stale" means well past client_timeout, so no live upload is touched.
     */
    private static ScheduledExecutorService startHousekeeping(DiskFileManager files, ObjectServerConfig cfg) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "object-housekeeping");
            t.setDaemon(true);
            return t;
        });
        Duration stale = cfg.clientTimeout().multipliedBy(2).plusSeconds(60);
        s.schedule(() -> TmpReaper.reap(files, stale), 0, TimeUnit.SECONDS);
        s.scheduleWithFixedDelay(() -> TmpReaper.reap(files, Duration.ofHours(1)), 1, 1, TimeUnit.HOURS);
        return s;
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
        QueueUpdates queue = new QueueUpdates(node.hashPath(),
                LazyRing.in(node.conf().section(ObjectServerConfig.SECTION), "container.ring.gz"));
        ObjectContext ctx = new ObjectContext(cfg, files, executors, updater, clock, queue);
        ReplicatorConfig replication = ReplicatorConfig.from(node.conf(), cfg.disk().reclaimAge());
        ReplicationServer replicationEndpoints = new ReplicationServer(files, executors, cfg.disk(),
                replication.reclaimAge(), cfg.clientTimeout(), cfg.maxFileSize(), clock);
        HttpServer http = null;
        try {
            Pipeline pipeline = new PipelineBuilder(ServerRole.OBJECT)
                    .builtin(NodeFilters.healthcheck())
                    .builtin(NodeFilters.recon())
                    .build(cfg.pipeline(), node.conf(), services, new ObjectApp(ctx, replicationEndpoints));
            http = HttpServer.start(cfg.bindIp(), cfg.bindPort(), node.eventLoops(), false, pipeline);
            if (!cfg.sweepInterval().isZero()) {
                sweeper.start();
            }
            // the daemons of Swift's object-server.conf: they serve the devices this server serves
            ObjectReplicator replicator = ObjectReplicator.start(replication, files, http.address(),
                    node.eventLoops(), clock);
            ObjectAuditor auditor = ObjectAuditor.start(AuditorConfig.from(node.conf()), files,
                    replication.reclaimAge());
            return new ObjectServer(http, executors, sweeper, files, pipeline, startHousekeeping(files, cfg),
                    replicator, auditor);
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

    /** Where the disk work of each device runs (also a pipeline service). */
    public DeviceExecutors executors() {
        return executors;
    }

    public AsyncPendingSweeper sweeper() {
        return sweeper;
    }

    /** Names of the filters in front of the object app, for logs. */
    public List<String> pipelineNames() {
        return pipeline.names();
    }

    /** The object replicator of this server's devices ({@code [object-replicator]}). */
    public ObjectReplicator replicator() {
        return replicator;
    }

    /** The object auditor of this server's devices ({@code [object-auditor]}). */
    public ObjectAuditor auditor() {
        return auditor;
    }

    @Override
    public void close() {
        replicator.close();
        auditor.close();
        http.close();
        housekeeping.shutdownNow();
        sweeper.close();
        executors.close();
    }
}
