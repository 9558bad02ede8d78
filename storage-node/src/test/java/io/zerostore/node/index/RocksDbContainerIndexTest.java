package io.zerostore.node.index;

import io.zerostore.common.swift.HashPath;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class RocksDbContainerIndexTest extends ContainerIndexContract {
    static final HashPath HASH = new HashPath("test-prefix", "test-suffix");
    @TempDir
    Path tmp;
    IndexDevice device;

    @Override
    ContainerIndex index() {
        device = IndexDevice.open("d1", tmp.resolve("db"), IndexOptions.DEFAULTS);
        return new RocksDbContainerIndex(device, HASH);
    }

    @Override
    ContainerIndex reopen() {
        device.close();
        return index();
    }

    @AfterEach
    void close() {
        if (device != null) {
            device.close();
        }
    }
}
