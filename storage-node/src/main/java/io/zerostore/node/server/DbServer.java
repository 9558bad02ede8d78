package io.zerostore.node.server;

import io.zerostore.common.http.HttpHandler;
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
 * What the account and container servers share: the node's index DBs ({@link IndexDevices}, also
 * a service for plug-ins) and their app behind a pipeline ({@code healthcheck}, {@code recon}
 * built in) on the port of their config section.
 */
public abstract sealed class DbServer implements NodeServer permits AccountServer, ContainerServer {
    private final String name;
    private final HttpServer http;
    private final IndexDevices devices;
    private final Pipeline pipeline;

    DbServer(String name, Listening listening, IndexDevices devices) {
        this.name = name;
        this.http = listening.http();
        this.pipeline = listening.pipeline();
        this.devices = devices;
    }

    /** A started server and the pipeline it serves. */
    record Listening(HttpServer http, Pipeline pipeline) {}

    /** Builds the pipeline for {@code role} in front of {@code app} and listens on the section's address. */
    static Listening listen(NodeContext node, ServerRole role, DbServerConfig cfg, IndexDevices devices,
                            HttpHandler app) throws Exception {
        Pipeline pipeline = new PipelineBuilder(role)
                .builtin(NodeFilters.healthcheck())
                .builtin(NodeFilters.recon())
                .build(cfg.pipeline(), node.conf(), new Services().register(IndexDevices.class, devices), app);
        HttpServer http = HttpServer.start(cfg.bindIp(), cfg.bindPort(), node.eventLoops(), false, pipeline);
        return new Listening(http, pipeline);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final InetSocketAddress address() {
        return http.address();
    }

    public final int port() {
        return http.port();
    }

    public final IndexDevices devices() {
        return devices;
    }

    public final List<String> pipelineNames() {
        return pipeline.names();
    }

    /** Stops the server's own background work on the DBs: after the port closed, before the DBs do. */
    void stopBackgroundWork() {
    }

    @Override
    public final void close() {
        http.close();
        stopBackgroundWork();
        devices.close();
    }
}
