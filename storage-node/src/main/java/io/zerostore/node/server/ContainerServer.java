package io.zerostore.node.server;

import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.server.db.DbServerConfig;
import io.zerostore.node.updater.AccountUpdater;

/**
 * The container server of a storage node: {@link ContainerApp} on its own port behind a pipeline
 * for {@link ServerRole#CONTAINER}, the node's shared index DBs ({@link IndexDevices}, also a
 * service for plug-ins) and the {@link AccountUpdater} that keeps accounts told.
 */
public final class ContainerServer extends DbServer {
    private final AccountUpdater updater;

    private ContainerServer(Listening listening, IndexDevices devices, AccountUpdater updater) {
        super(DbServerConfig.CONTAINER_SECTION, listening, devices);
        this.updater = updater;
    }

    public static ContainerServer start(NodeContext node) throws Exception {
        DbServerConfig cfg = DbServerConfig.from(node.conf(), DbServerConfig.CONTAINER_SECTION, 6201);
        IndexDevices devices = IndexDevices.shared(cfg.devices(), node.hashPath(), cfg.index());
        AccountUpdater updater = new AccountUpdater(devices, node.client(), cfg.accountUpdateInterval());
        Listening listening = null;
        try {
            listening = listen(node, ServerRole.CONTAINER, cfg, devices, new ContainerApp(devices, updater));
            if (!cfg.accountUpdateInterval().isZero()) {
                updater.start();
            }
            return new ContainerServer(listening, devices, updater);
        } catch (Exception | Error e) {
            if (listening != null) {
                listening.http().close(); // the port opened before the updater failed
            }
            updater.close();
            devices.close();
            throw e;
        }
    }

    public AccountUpdater updater() {
        return updater;
    }

    @Override
    void stopBackgroundWork() {
        updater.close();
    }
}
