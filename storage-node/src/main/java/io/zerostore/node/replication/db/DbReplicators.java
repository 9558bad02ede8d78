package io.zerostore.node.replication.db;

import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.server.AccountServer;
import io.zerostore.node.server.ContainerServer;
import io.zerostore.node.server.NodeContext;
import io.zerostore.node.server.StorageNode;
import java.util.Optional;

/**
 * Starts a node's container and account replicators ({@link StorageNode#DAEMONS}): each runs when its
 * server runs in the node, on the server's DBs, knowing its devices in the ring by the server's port.
 * Rings come from {@code swift_dir}.
 */
public final class DbReplicators {
    private DbReplicators() {}

    public static Optional<AutoCloseable> container(NodeContext node, StorageNode running) {
        return running.server(ContainerServer.class)
                .map(s -> start(DbKind.CONTAINER, node, s.devices(), s.port()));
    }

    public static Optional<AutoCloseable> account(NodeContext node, StorageNode running) {
        return running.server(AccountServer.class)
                .map(s -> start(DbKind.ACCOUNT, node, s.devices(), s.port()));
    }

    private static <R> DbReplicator<R> start(DbKind<R> kind, NodeContext node, IndexDevices devices, int port) {
        ReplicatorConfig cfg = ReplicatorConfig.from(node.conf(), kind.section());
        LazyRing ring = LazyRing.in(node.conf().section(kind.section()), kind.ring());
        return new DbReplicator<>(kind, devices, node.client(), ring, LocalDevices.of(port), cfg).start();
    }

    /** The node's replicator of a kind, if it runs one. */
    @SuppressWarnings("unchecked")
    public static <R> Optional<DbReplicator<R>> of(StorageNode node, DbKind<R> kind) {
        return node.daemons().stream()
                .filter(d -> d instanceof DbReplicator<?> r && r.kind() == kind)
                .map(d -> (DbReplicator<R>) d)
                .findFirst();
    }
}
