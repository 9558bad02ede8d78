package io.zerostore.node.index;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class RocksDbAccountIndexTest extends AccountIndexContract {
    @TempDir
    Path tmp;
    IndexDevice device;

    @Override
    AccountIndex index() {
        device = IndexDevice.open("d1", tmp.resolve("db"), IndexOptions.DEFAULTS);
        return new RocksDbAccountIndex(device, RocksDbContainerIndexTest.HASH);
    }

    @Override
    AccountIndex reopen() {
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
