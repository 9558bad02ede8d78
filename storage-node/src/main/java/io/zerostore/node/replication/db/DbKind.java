package io.zerostore.node.replication.db;

import io.zerostore.node.index.ContainerRow;
import io.zerostore.node.index.IndexDevices;
import io.zerostore.node.index.ObjectRow;
import io.zerostore.node.index.ReplicaDb;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * What differs between replicating containers and accounts: the ring, the config section, the
 * DBs of a device and how their rows travel.
 *
 * @param name    {@code container} or {@code account} (metric tag, log text)
 * @param section the replicator's config section, as Swift's {@code [container-replicator]}
 * @param ring    the ring file in {@code swift_dir}
 */
public record DbKind<R>(String name, String section, String ring, WireFormat.RowCodec<R> rows,
                        BiFunction<IndexDevices, String, CompletableFuture<ReplicaDb<R>>> dbs) {
    public static final DbKind<ObjectRow> CONTAINER = new DbKind<>("container", "container-replicator",
            "container.ring.gz", WireFormat.OBJECT_ROWS, IndexDevices::containerReplicas);
    public static final DbKind<ContainerRow> ACCOUNT = new DbKind<>("account", "account-replicator",
            "account.ring.gz", WireFormat.CONTAINER_ROWS, IndexDevices::accountReplicas);

    CompletableFuture<ReplicaDb<R>> db(IndexDevices devices, String device) {
        return dbs.apply(devices, device);
    }
}
