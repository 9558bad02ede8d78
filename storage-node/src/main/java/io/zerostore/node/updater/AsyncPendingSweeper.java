package io.zerostore.node.updater;

import io.zerostore.node.diskfile.DiskFileManager;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Swift's object-updater for one node: every {@code interval} it walks each device's
 * {@code async_pending} directory, resends each saved container update to the replicas that
 * missed it, deletes the file once all have acknowledged (rewrites it with the rest when only some
 * did), and drops updates made obsolete by a newer one for the same object. Runs on its own
 * thread; a pass never overlaps the next.
 */
public final class AsyncPendingSweeper implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AsyncPendingSweeper.class.getName());

    private final DiskFileManager files;
    private final ContainerUpdater updater;
    private final Duration interval;
    private final Duration requestTimeout;
    private ScheduledExecutorService thread;

    /** Counts of one pass. */
    public record Pass(int delivered, int failed, int obsolete) {}

    public AsyncPendingSweeper(DiskFileManager files, ContainerUpdater updater, Duration interval,
                               Duration requestTimeout) {
        this.files = files;
        this.updater = updater;
        this.interval = interval;
        this.requestTimeout = requestTimeout;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "async-pending-sweeper");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "async pending sweep failed", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** One pass over every device (also callable directly, e.g. from tests). */
    public Pass sweep() {
        int delivered = 0;
        int failed = 0;
        int obsolete = 0;
        List<String> devices;
        try {
            devices = files.devices();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list devices", e);
            return new Pass(0, 0, 0);
        }
        for (String name : devices) {
            Path device;
            List<Path> pending;
            try {
                device = files.device(name);
                pending = new ArrayList<>(AsyncPendingStore.list(device));
            } catch (IOException e) {
                continue; // unmounted or unreadable device: its updates wait for it
            }
            // newest first, so an older update for an object already handled is obsolete
            String lastHash = null;
            for (int i = pending.size() - 1; i >= 0; i--) {
                Path f = pending.get(i);
                String hash = AsyncPendingStore.hashOf(f);
                if (hash.equals(lastHash)) {
                    delete(f);
                    obsolete++;
                    continue;
                }
                lastHash = hash;
                if (deliver(device, f)) {
                    delivered++;
                } else {
                    failed++;
                }
            }
        }
        return new Pass(delivered, failed, obsolete);
    }

    /** True when every replica has the update now. */
    private boolean deliver(Path device, Path file) {
        ContainerUpdate u;
        try {
            u = AsyncPendingStore.read(file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable async pending " + file + ", quarantining", e);
            quarantine(device, file);
            return false;
        }
        List<CompletableFuture<Boolean>> sends = new ArrayList<>();
        for (ContainerUpdate.Target t : u.targets()) {
            sends.add(updater.send(t, u));
        }
        List<ContainerUpdate.Target> remaining = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            boolean ok;
            try {
                ok = sends.get(i).get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                ok = false;
            }
            if (!ok) {
                remaining.add(u.targets().get(i));
            }
        }
        try {
            if (remaining.isEmpty()) {
                delete(file);
                return true;
            }
            if (remaining.size() < u.targets().size()) {
                AsyncPendingStore.write(file, device.resolve("tmp"), u.withTargets(remaining));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot update async pending " + file, e);
        }
        return false;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (DirectoryNotEmptyException e) {
            // other updates of the same suffix remain
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + file, e);
        }
    }

    private static void quarantine(Path device, Path file) {
        try {
            Path q = device.resolve("quarantined").resolve(AsyncPendingStore.DIR);
            Files.createDirectories(q);
            Files.move(file, q.resolve(file.getFileName()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot quarantine " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }
}
