package io.zerostore.node.index;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The index DB of one device ({@code <device>/index.rocksdb}) and the two bounded executors that
 * touch it, so RocksDB's blocking calls never run on a network thread and a slow disk stalls only
 * its own requests.
 *
 * <p>Writes are read-modify-write merges (newest timestamp wins), so they run one at a time on the
 * device's writer thread, which makes them race-free without locks. The writer takes everything
 * queued, applies each op against the DB plus the not-yet-committed changes of the ops before it,
 * and commits the whole group with one WAL fsync before completing any op: a hot container's rows
 * share fsyncs instead of paying one each. An op that fails (a 4xx outcome thrown as an exception)
 * contributes nothing to the group.
 *
 * <p>Reads run on a small pool against a snapshot, so a listing sees one consistent state.
 */
public final class IndexDevice implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IndexDevice.class.getName());

    static {
        RocksDB.loadLibrary();
    }

    /** A merge that runs on the writer thread; it must not block on anything but the DB. */
    @FunctionalInterface
    public interface WriteOp<T> {
        T apply(WriteView view) throws Exception;
    }

    /** A read against one snapshot. */
    @FunctionalInterface
    public interface ReadOp<T> {
        T apply(ReadView view) throws Exception;
    }

    /** Point reads that see the DB plus the uncommitted writes before; writes go into the group. */
    public interface WriteView {
        byte[] get(byte[] key);

        void put(byte[] key, byte[] value);

        void delete(byte[] key);
    }

    /** Point reads and ordered iteration over one snapshot. */
    public interface ReadView {
        byte[] get(byte[] key);

        /** An iterator over the snapshot; closed with the view. */
        RocksIterator iterator();
    }

    private final String name;
    private final IndexOptions options;
    private final Options dbOptions;
    private final RocksDB db;
    private final WriteOptions writeOptions;
    private final ArrayBlockingQueue<Pending<?>> queue;
    private final ThreadPoolExecutor readers;
    private final Thread writer;
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong committedOps = new java.util.concurrent.atomic.AtomicLong();

    private IndexDevice(String name, IndexOptions options, Options dbOptions, RocksDB db) {
        this.name = name;
        this.options = options;
        this.dbOptions = dbOptions;
        this.db = db;
        this.writeOptions = new WriteOptions().setSync(options.syncWrites());
        this.queue = new ArrayBlockingQueue<>(options.writeQueue());
        this.readers = new ThreadPoolExecutor(options.readThreads(), options.readThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.readQueue()), r -> {
                    Thread t = new Thread(r, "index-read-" + name);
                    t.setDaemon(true);
                    return t;
                });
        this.writer = new Thread(this::writeLoop, "index-write-" + name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Opens (creating if needed) the index DB in {@code dir}. Blocking: call off the network threads. */
    public static IndexDevice open(String name, Path dir, IndexOptions options) {
        Options o = new Options()
                .setCreateIfMissing(true)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(2)
                .setMaxLogFileSize(1 << 20)
                .setMaxBackgroundJobs(2)
                .setWriteBufferSize(16L << 20)
                .setMaxTotalWalSize(64L << 20);
        try {
            Files.createDirectories(dir);
            return new IndexDevice(name, options, o, RocksDB.open(o, dir.toString()));
        } catch (Exception e) {
            o.close();
            throw new IndexException(name, "cannot open index DB " + dir, e);
        }
    }

    public String name() {
        return name;
    }

    /** Group commits so far (one WAL write, and fsync when syncing, each). */
    public long commits() {
        return commits.get();
    }

    /** Write ops in those commits: {@code committedOps / commits} is the mean group size. */
    public long committedOps() {
        return committedOps.get();
    }

    /** Queues a write; completes after the group holding it is durable. */
    public <T> CompletableFuture<T> write(WriteOp<T> op) {
        Pending<T> p = new Pending<>(op);
        if (closing || !queue.offer(p)) {
            p.future.completeExceptionally(new IndexBusyException(name));
        }
        return p.future;
    }

    /** Runs a read on the device's read pool against a fresh snapshot. */
    public <T> CompletableFuture<T> read(ReadOp<T> op) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (closing) {
            f.completeExceptionally(new IndexBusyException(name));
            return f;
        }
        try {
            readers.execute(() -> {
                try (SnapshotView view = new SnapshotView()) {
                    f.complete(op.apply(view));
                } catch (Throwable t) {
                    f.completeExceptionally(wrap(t));
                }
            });
        } catch (RejectedExecutionException e) {
            f.completeExceptionally(new IndexBusyException(name));
        }
        return f;
    }

    private Throwable wrap(Throwable t) {
        return t instanceof RocksDBException ? new IndexException(name, "index read failed", t) : t;
    }

    // ---- the writer ----

    private void writeLoop() {
        List<Pending<?>> group = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, options.maxGroup() - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.ERROR, "index writer of " + name + " failed a group", t);
                group.forEach(p -> p.fail(new IndexException(name, "index write failed", t)));
            } finally {
                group.clear();
            }
        }
        Pending<?> p;
        while ((p = queue.poll()) != null) {
            p.fail(new IndexBusyException(name));
        }
    }

    private void commit(List<Pending<?>> group) {
        try (GroupView view = new GroupView()) {
            for (Pending<?> p : group) {
                p.apply(view);
            }
            if (view.batch.count() > 0) {
                try {
                    db.write(writeOptions, view.batch);
                    commits.incrementAndGet();
                    committedOps.addAndGet(group.size());
                } catch (RocksDBException e) {
                    IndexException failure = new IndexException(name, "index write failed: " + e.getMessage(), e);
                    group.forEach(x -> x.fail(failure));
                    return;
                }
            }
        }
        group.forEach(Pending::complete);
    }

    /** One queued write and, once applied, its result until the group is durable. */
    private static final class Pending<T> {
        final WriteOp<T> op;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;
        Throwable failure;

        Pending(WriteOp<T> op) {
            this.op = op;
        }

        void apply(GroupView group) {
            OpView view = new OpView(group);
            try {
                result = op.apply(view);
                view.mergeInto(group);
            } catch (Throwable t) {
                failure = t;
            }
        }

        void complete() {
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(result);
            }
        }

        void fail(Throwable t) {
            future.completeExceptionally(t);
        }
    }

    /** Marks a deletion in an overlay. */
    private static final byte[] DELETED = new byte[0];

    /** The group's uncommitted writes over the DB. */
    private final class GroupView implements AutoCloseable {
        final WriteBatch batch = new WriteBatch();
        final Map<ByteBuffer, byte[]> overlay = new HashMap<>();

        byte[] get(byte[] key) {
            byte[] v = overlay.get(ByteBuffer.wrap(key));
            if (v != null) {
                return v == DELETED ? null : v;
            }
            try {
                return db.get(key);
            } catch (RocksDBException e) {
                throw new IndexException(name, "index read failed", e);
            }
        }

        void put(byte[] key, byte[] value) throws RocksDBException {
            batch.put(key, value);
            overlay.put(ByteBuffer.wrap(key), value);
        }

        void delete(byte[] key) throws RocksDBException {
            batch.delete(key);
            overlay.put(ByteBuffer.wrap(key), DELETED);
        }

        @Override
        public void close() {
            batch.close();
        }
    }

    /** One op's writes, kept apart until the op succeeds. */
    private static final class OpView implements WriteView {
        private final GroupView group;
        private final Map<ByteBuffer, byte[]> writes = new java.util.LinkedHashMap<>();

        OpView(GroupView group) {
            this.group = group;
        }

        @Override
        public byte[] get(byte[] key) {
            byte[] v = writes.get(ByteBuffer.wrap(key));
            if (v != null) {
                return v == DELETED ? null : v;
            }
            return group.get(key);
        }

        @Override
        public void put(byte[] key, byte[] value) {
            writes.put(ByteBuffer.wrap(key.clone()), value);
        }

        @Override
        public void delete(byte[] key) {
            writes.put(ByteBuffer.wrap(key.clone()), DELETED);
        }

        void mergeInto(GroupView g) throws RocksDBException {
            for (Map.Entry<ByteBuffer, byte[]> e : writes.entrySet()) {
                byte[] key = e.getKey().array();
                if (e.getValue() == DELETED) {
                    g.delete(key);
                } else {
                    g.put(key, e.getValue());
                }
            }
        }
    }

    private final class SnapshotView implements ReadView, AutoCloseable {
        private final Snapshot snapshot = db.getSnapshot();
        private final ReadOptions readOptions = new ReadOptions().setSnapshot(snapshot);
        private final List<RocksIterator> iterators = new ArrayList<>(1);

        @Override
        public byte[] get(byte[] key) {
            try {
                return db.get(readOptions, key);
            } catch (RocksDBException e) {
                throw new IndexException(name, "index read failed", e);
            }
        }

        @Override
        public RocksIterator iterator() {
            RocksIterator it = db.newIterator(readOptions);
            iterators.add(it);
            return it;
        }

        @Override
        public void close() {
            iterators.forEach(RocksIterator::close);
            readOptions.close();
            db.releaseSnapshot(snapshot);
        }
    }

    /** Stops taking work, commits what is queued, and closes the DB. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(30_000);
            Pending<?> p;
            while ((p = queue.poll()) != null) {
                p.fail(new IndexBusyException(name));
            }
            readers.shutdown();
            readers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            db.syncWal();
        } catch (RocksDBException e) {
            LOG.log(System.Logger.Level.WARNING, "WAL sync on close of " + name + " failed", e);
        }
        db.close();
        writeOptions.close();
        dbOptions.close();
    }
}
