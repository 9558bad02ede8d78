package io.zerostore.node.server;

import io.zerostore.common.pipeline.ServerRole;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.server.db.DbServerConfig;

/**
 * The account server of a storage node: {@link AccountApp} on its own port behind a pipeline for
 * {@link ServerRole#ACCOUNT}, on the node's shared index DBs.
 */
public final class AccountServer extends DbServer {
    private AccountServer(Listening listening, IndexDevices devices) {
        super(DbServerConfig.ACCOUNT_SECTION, listening, devices);
    }

    public static AccountServer start(NodeContext node) throws Exception {
        DbServerConfig cfg = DbServerConfig.from(node.conf(), DbServerConfig.ACCOUNT_SECTION, 6202);
        IndexDevices devices = IndexDevices.shared(cfg.devices(), node.hashPath(), cfg.index());
        try {
            return new AccountServer(listen(node, ServerRole.ACCOUNT, cfg, devices, new AccountApp(devices)), devices);
        } catch (Exception | Error e) {
            devices.close();
            throw e;
        }
    }
}
