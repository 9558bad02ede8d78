package io.zerostore.node.server;

import io.zerostore.common.swift.Timestamp;
import io.zerostore.node.diskfile.DeviceExecutors;
import io.zerostore.node.diskfile.DiskFileManager;
import io.zerostore.node.expirer.QueueUpdates;
import io.zerostore.node.updater.ContainerUpdater;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/** What the object server's request handlers share. {@code clock} gives seconds since the epoch. */
record ObjectContext(ObjectServerConfig config, DiskFileManager files, DeviceExecutors executors,
                     ContainerUpdater updater, DoubleSupplier clock, QueueUpdates queue) {
    double now() {
        return clock.getAsDouble();
    }

    /**
     * Sends expiring-queue changes; the future completes when all are delivered or kept as async
     * pendings (never exceptionally), so a request may wait for it as for its container update.
     */
    CompletableFuture<Void> sendQueueChanges(String device, List<QueueUpdates.Change> changes, Timestamp ts) {
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        try {
            java.nio.file.Path dev = files.device(device);
            for (QueueUpdates.Change c : changes) {
                sent.add(updater.update(device, dev, c.hash(), ts, c.update()));
            }
        } catch (io.zerostore.node.diskfile.DeviceUnavailableException e) {
            // the device went away after the write; the expirer drops rows whose object changed
            System.getLogger(ObjectContext.class.getName()).log(System.Logger.Level.WARNING,
                    "expiring-queue update skipped: " + e.getMessage());
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }
}
