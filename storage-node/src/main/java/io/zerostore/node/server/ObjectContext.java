package io.zerostore.node.server;

import io.zerostore.node.diskfile.DeviceExecutors;
import io.zerostore.node.diskfile.DiskFileManager;
import io.zerostore.node.updater.ContainerUpdater;
import java.util.function.DoubleSupplier;

/** What the object server's request handlers share. {@code clock} gives seconds since the epoch. */
record ObjectContext(ObjectServerConfig config, DiskFileManager files, DeviceExecutors executors,
                     ContainerUpdater updater, DoubleSupplier clock) {
    double now() {
        return clock.getAsDouble();
    }
}
