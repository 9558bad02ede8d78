package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zerostore.proxy.testkit.TestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real {@code swift} CLI (python-swiftclient) against the proxy and a real cluster: stat, post,
 * upload of a file and a tree, list with prefix and delimiter, download and compare, copy, object
 * metadata, delete. Skipped where python-swiftclient is not installed.
 */
@Timeout(180)
class SwiftCliInteropTest {
    private static final Path SWIFT = Path.of("/usr/bin/swift");

    private static String swift(TestCluster c, Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SWIFT.toString(), "-A", c.url() + "/auth/v1.0", "-U",
                "test:tester", "-K", "testing"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("swift %s: %s", String.join(" ", args), out).isZero();
        return out;
    }

    @Test
    void swiftClientWorksUnchanged() throws Exception {
        assumeTrue(Files.isExecutable(SWIFT), "python-swiftclient not installed");
        try (TestCluster c = TestCluster.start(3)) {
            Path work = Files.createDirectories(c.root().resolve("work"));
            byte[] data = new byte[300_000];
            new Random(3).nextBytes(data);
            Files.write(work.resolve("file.bin"), data);
            Files.createDirectories(work.resolve("tree/a/b"));
            Files.writeString(work.resolve("tree/a/one.txt"), "one");
            Files.writeString(work.resolve("tree/a/b/two.txt"), "two");
            Files.writeString(work.resolve("tree/three.txt"), "three");

            assertThat(swift(c, work, "stat")).contains("Account: AUTH_test");
            swift(c, work, "post", "-m", "color:red", "cont");
            assertThat(swift(c, work, "stat", "cont")).contains("Meta Color: red");
            swift(c, work, "upload", "cont", "file.bin");
            swift(c, work, "upload", "cont", "tree");
            assertThat(swift(c, work, "list", "cont").lines().toList())
                    .containsExactly("file.bin", "tree/a/b/two.txt", "tree/a/one.txt", "tree/three.txt");
            assertThat(swift(c, work, "list", "cont", "--prefix", "tree/", "--delimiter", "/").lines().toList())
                    .containsExactly("tree/a/", "tree/three.txt");

            Path down = Files.createDirectories(work.resolve("down"));
            swift(c, down, "download", "cont", "file.bin");
            assertThat(Files.readAllBytes(down.resolve("file.bin"))).isEqualTo(data);
            swift(c, down, "download", "cont", "--prefix", "tree/");
            assertThat(Files.readString(down.resolve("tree/a/b/two.txt"))).isEqualTo("two");

            swift(c, work, "copy", "--destination", "/cont/copied.bin", "cont", "file.bin");
            swift(c, work, "post", "-m", "Kind:copy", "cont", "copied.bin");
            String stat = swift(c, work, "stat", "cont", "copied.bin");
            assertThat(stat).contains("Meta Kind: copy").contains("Content Length: 300000");

            swift(c, work, "delete", "cont", "file.bin");
            assertThat(swift(c, work, "list", "cont")).doesNotContain("file.bin");
            swift(c, work, "delete", "cont");
            assertThat(swift(c, work, "list")).doesNotContain("cont");
        }
    }
}
