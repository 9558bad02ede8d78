package io.zerostore.node.index;

import io.zerostore.common.swift.HashPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The index DBs of the devices under a devices root, opened on first use and shared by the
 * container and account servers of one node process (RocksDB allows one opener per DB). A device
 * that is not a directory under the root is unusable: callers answer 507 for it.
 */
public final class IndexDevices implements AutoCloseable {
    /** The DB's directory inside a device. */
    public static final String DB_DIR = "index.rocksdb";

    /** A device that is missing (not a directory) or whose DB cannot be opened. */
    public static final class DeviceUnavailableException extends RuntimeException {
        private final String device;

        public DeviceUnavailableException(String device, Throwable cause) {
            super("device " + device + " unavailable", cause, false, false);
            this.device = device;
        }

        public String device() {
            return device;
        }
    }

    private final Path root;
    private final HashPath hashPath;
    private final IndexOptions options;
    private final Map<String, CompletableFuture<Entry>> open = new ConcurrentHashMap<>();
    private final ExecutorService opener = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-open");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    private int users = 1;

    /** Open registries by devices root, for {@link #shared}. */
    private static final Map<Path, IndexDevices> SHARED = new java.util.HashMap<>();

    private record Entry(IndexDevice device, ContainerIndex containers, AccountIndex accounts,
                         ReplicaDb<ObjectRow> containerReplicas, ReplicaDb<ContainerRow> accountReplicas) {}

    public IndexDevices(Path root, HashPath hashPath, IndexOptions options) {
        this.root = root;
        this.hashPath = hashPath;
        this.options = options;
    }

    /**
     * The process's registry for a devices root: the container and account servers of one node
     * must share it, since a RocksDB directory has one opener. Each caller closes it once; the
     * last close closes the DBs. The options of the first caller apply.
     */
    public static IndexDevices shared(Path root, HashPath hashPath, IndexOptions options) {
        Path key = root.toAbsolutePath().normalize();
        synchronized (SHARED) {
            IndexDevices d = SHARED.get(key);
            if (d != null) {
                synchronized (d) {
                    d.users++;
                }
                return d;
            }
            d = new IndexDevices(key, hashPath, options);
            SHARED.put(key, d);
            return d;
        }
    }

    public Path root() {
        return root;
    }

    public CompletableFuture<ContainerIndex> containers(String device) {
        return entry(device).thenApply(Entry::containers);
    }

    public CompletableFuture<AccountIndex> accounts(String device) {
        return entry(device).thenApply(Entry::accounts);
    }

    /** The device's containers as the DB replicator sees them. */
    public CompletableFuture<ReplicaDb<ObjectRow>> containerReplicas(String device) {
        return entry(device).thenApply(Entry::containerReplicas);
    }

    /** The device's accounts as the DB replicator sees them. */
    public CompletableFuture<ReplicaDb<ContainerRow>> accountReplicas(String device) {
        return entry(device).thenApply(Entry::accountReplicas);
    }

    /** The devices whose DB is open now (for background sweeps). */
    public List<String> openDevices() {
        return open.entrySet().stream()
                .filter(e -> e.getValue().isDone() && !e.getValue().isCompletedExceptionally())
                .map(Map.Entry::getKey).sorted().toList();
    }

    private CompletableFuture<Entry> entry(String device) {
        if (closed) {
            return CompletableFuture.failedFuture(new IndexBusyException(device));
        }
        Path dir = root.resolve(device);
        // A stat per request, as Swift's check_drive: a drive that went away answers 507 at once,
        // and one that is missing now may be mounted later (no failure is cached).
        if (!Files.isDirectory(dir)) {
            return CompletableFuture.failedFuture(new DeviceUnavailableException(device, null));
        }
        CompletableFuture<Entry> f = open.get(device);
        if (f != null && !f.isCompletedExceptionally()) {
            return f;
        }
        return open.compute(device, (k, old) -> {
            if (old != null && !old.isCompletedExceptionally()) {
                return old;
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    IndexDevice d = IndexDevice.open(device, dir.resolve(DB_DIR), options);
                    return new Entry(d, new RocksDbContainerIndex(d, hashPath), new RocksDbAccountIndex(d, hashPath),
                            new ContainerReplicas(d, hashPath), new AccountReplicas(d, hashPath));
                } catch (IndexException e) {
                    throw new DeviceUnavailableException(device, e);
                }
            }, opener);
        });
    }

    /** Closes the DBs (after the last user of a {@linkplain #shared shared} registry closes it). */
    @Override
    public void close() {
        synchronized (SHARED) {
            synchronized (this) {
                if (--users > 0) {
                    return;
                }
            }
            SHARED.remove(root, this);
        }
        closed = true;
        opener.shutdown();
        for (CompletableFuture<Entry> f : open.values()) {
            try {
                f.join().device().close();
            } catch (RuntimeException e) {
                // never opened
            }
        }
        open.clear();
    }
}
