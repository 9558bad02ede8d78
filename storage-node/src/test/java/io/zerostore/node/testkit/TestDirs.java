package io.zerostore.node.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary directories under the module's {@code target/}, i.e. on the file system that holds the
 * project (ext4 here), not on /tmp, which may be a tmpfs with other xattr and fallocate rules.
 */
public final class TestDirs {
    private TestDirs() {}

    public static Path create(String prefix) throws IOException {
        Path base = Path.of("target", "test-dirs").toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, prefix);
    }

    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
