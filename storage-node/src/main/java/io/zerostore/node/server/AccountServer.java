package io.zerostore.node.server;

import io.zerostore.common.http.HttpServer;
import io.zerostore.common.pipeline.Pipeline;
import io.zerostore.common.pipeline.PipelineBuilder;
import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.common.pipeline.Services;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.server.db.DbServerConfig;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The account server of a storage node: {@link AccountApp} on its own port behind a pipeline for
 * {@link ServerRole#ACCOUNT}, on the node's shared index DBs.
 */
public final class AccountServer implements NodeServer {
    private final HttpServer http;
    private final IndexDevices devices;
    private final Pipeline pipeline;

    private AccountServer(HttpServer http, IndexDevices devices, Pipeline pipeline) {
        this.http = http;
        this.devices = devices;
        this.pipeline = pipeline;
    }

    public static AccountServer start(NodeContext node) throws Exception {
        DbServerConfig cfg = DbServerConfig.from(node.conf(), DbServerConfig.ACCOUNT_SECTION, 6202);
        IndexDevices devices = IndexDevices.shared(cfg.devices(), node.hashPath(), cfg.index());
        try {
            Pipeline pipeline = new PipelineBuilder(ServerRole.ACCOUNT)
                    .builtin(NodeFilters.healthcheck())
                    .builtin(NodeFilters.recon())
                    .build(cfg.pipeline(), node.conf(), new Services().register(IndexDevices.class, devices),
                            new AccountApp(devices));
            HttpServer http = HttpServer.start(cfg.bindIp(), cfg.bindPort(), node.eventLoops(), false, pipeline);
            return new AccountServer(http, devices, pipeline);
        } catch (Exception | Error e) {
            devices.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return DbServerConfig.ACCOUNT_SECTION;
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

    public List<String> pipelineNames() {
        return pipeline.names();
    }

    @Override
    public void close() {
        http.close();
        devices.close();
    }
}
