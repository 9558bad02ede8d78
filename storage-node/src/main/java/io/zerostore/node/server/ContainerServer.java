package io.zerostore.node.server;

import io.zerostore.common.http.HttpServer;
import io.zerostore.common.pipeline.Pipeline;
import io.zerostore.common.pipeline.PipelineBuilder;
import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.common.pipeline.Services;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.server.db.DbServerConfig;
import io.zerostore.node.updater.AccountUpdater;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The container server of a storage node: {@link ContainerApp} on its own port behind a pipeline
 * for {@link ServerRole#CONTAINER}, the node's shared index DBs ({@link IndexDevices}, also a
 * service for plug-ins) and the {@link AccountUpdater} that keeps accounts told.
 */
public final class ContainerServer implements NodeServer {
    private final HttpServer http;
    private final IndexDevices devices;
    private final AccountUpdater updater;
    private final Pipeline pipeline;

    private ContainerServer(HttpServer http, IndexDevices devices, AccountUpdater updater, Pipeline pipeline) {
        this.http = http;
        this.devices = devices;
        this.updater = updater;
        this.pipeline = pipeline;
    }

    public static ContainerServer start(NodeContext node) throws Exception {
        DbServerConfig cfg = DbServerConfig.from(node.conf(), DbServerConfig.CONTAINER_SECTION, 6201);
        IndexDevices devices = IndexDevices.shared(cfg.devices(), node.hashPath(), cfg.index());
        AccountUpdater updater = new AccountUpdater(devices, node.client(), cfg.accountUpdateInterval());
        try {
            Pipeline pipeline = new PipelineBuilder(ServerRole.CONTAINER)
                    .builtin(NodeFilters.healthcheck())
                    .builtin(NodeFilters.recon())
                    .build(cfg.pipeline(), node.conf(), new Services().register(IndexDevices.class, devices),
                            new ContainerApp(devices, updater));
            HttpServer http = HttpServer.start(cfg.bindIp(), cfg.bindPort(), node.eventLoops(), false, pipeline);
            if (!cfg.accountUpdateInterval().isZero()) {
                updater.start();
            }
            return new ContainerServer(http, devices, updater, pipeline);
        } catch (Exception | Error e) {
            updater.close();
            devices.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return DbServerConfig.CONTAINER_SECTION;
    }

    @Override
    public InetSocketAddress address() {
        return http.address();
    }

    public int port() {
        return http.port();
    }

    public IndexDevices devices() {
        return devices;
    }

    public AccountUpdater updater() {
        return updater;
    }

    public List<String> pipelineNames() {
        return pipeline.names();
    }

    @Override
    public void close() {
        http.close();
        updater.close();
        devices.close();
    }
}
