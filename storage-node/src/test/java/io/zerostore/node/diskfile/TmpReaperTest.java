package io.zerostore.node.diskfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.node.testkit.TestDirs;
import io.zerostore.node.testkit.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TmpReaperTest {
    @Test
    void removesOnlyStaleTemporaryFiles() throws Exception {
        Path root = TestDirs.create("reaper");
        try {
            Path tmp = Files.createDirectories(root.resolve("sda/tmp"));
            Path stale = Files.createFile(tmp.resolve("tmpdead"));
            Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            Path live = Files.createFile(tmp.resolve("tmplive"));
            Files.createDirectories(root.resolve("sdb")); // a device without tmp
            LocalDiskFileManager files = new LocalDiskFileManager(DiskFileConfig.defaults(root), TestNode.HASH_PATH);
            assertThat(TmpReaper.reap(files, Duration.ofHours(1))).isEqualTo(1);
            assertThat(stale).doesNotExist();
            assertThat(live).exists();
        } finally {
            TestDirs.delete(root);
        }
    }
}
