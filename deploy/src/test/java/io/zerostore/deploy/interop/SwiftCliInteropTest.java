package io.zerostore.deploy.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.deploy.interop.Tool.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one cluster driven by python-swiftclient's real {@code swift} command, as a user
 * would: exit codes and printed output are asserted exactly as OpenStack Swift 2.30 produces them.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SwiftCliInteropTest {
    @TempDir
    static Path tmp;

    private static Cluster cluster;
    private static SwiftCli swift;
    private static Path work;
    /** Container names carry this so the suite can also run against a shared, long-lived Swift. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startCluster() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        cluster = Cluster.start(tmp.resolve("data"));
        swift = new SwiftCli(cluster.authUrl(), "test:tester", "testing", work);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String container(String name) {
        return name + "-" + RUN;
    }

    @Test
    void statShowsTheAccount() throws Exception {
        Map<String, String> stat = SwiftCli.statFields(swift.run("stat").ok().stdout());
        assertThat(stat).containsEntry("Account", "AUTH_test");
        assertThat(stat.get("Containers")).matches("\\d+");
        assertThat(stat.get("Objects")).matches("\\d+");
        assertThat(stat.get("Bytes")).matches("\\d+");
    }

    @Test
    void containerMetadataIsPostedAndReadBack() throws Exception {
        String c = container("meta");
        Result post = swift.run("post", "-m", "color:blue", "-m", "Size:Large", c).ok();
        assertThat(post.stdout()).isEmpty();

        Map<String, String> stat = SwiftCli.statFields(swift.run("stat", c).ok().stdout());
        assertThat(stat)
                .containsEntry("Account", "AUTH_test")
                .containsEntry("Container", c)
                .containsEntry("Objects", "0")
                .containsEntry("Bytes", "0")
                .containsEntry("Meta Color", "blue")
                .containsEntry("Meta Size", "Large");

        swift.run("post", "-m", "color:red", c).ok();
        assertThat(SwiftCli.statFields(swift.run("stat", c).ok().stdout()))
                .containsEntry("Meta Color", "red")
                .containsEntry("Meta Size", "Large");
    }

    @Test
    void uploadedFileDownloadsByteForByte() throws Exception {
        String c = container("files");
        byte[] data = randomBytes(300_000, 1);
        Files.write(work.resolve("blob.bin"), data);

        assertThat(swift.run("upload", c, "blob.bin").ok().lines()).containsExactly("blob.bin");
        Map<String, String> stat = SwiftCli.statFields(swift.run("stat", c, "blob.bin").ok().stdout());
        assertThat(stat)
                .containsEntry("Container", c)
                .containsEntry("Object", "blob.bin")
                .containsEntry("Content Type", "application/octet-stream")
                .containsEntry("Content Length", "300000")
                .containsEntry("ETag", md5(data))
                .containsKey("Meta Mtime");
        assertThat(SwiftCli.statFields(swift.run("stat", c).ok().stdout()))
                .containsEntry("Objects", "1")
                .containsEntry("Bytes", "300000");

        Result down = swift.run("download", c, "blob.bin", "-o", "blob.out").ok();
        assertThat(down.stdout()).startsWith("blob.bin [auth ");
        assertThat(Files.readAllBytes(work.resolve("blob.out"))).isEqualTo(data);
    }

    @Test
    void directoryTreeUploadsAndListsByPrefixAndDelimiter() throws Exception {
        String c = container("tree");
        Path tree = work.resolve("tree");
        Files.createDirectories(tree.resolve("sub/deeper"));
        Files.writeString(tree.resolve("a.txt"), "alpha\n");
        Files.writeString(tree.resolve("b.txt"), "bravo\n");
        Files.writeString(tree.resolve("sub/c.txt"), "charlie\n");
        Files.write(tree.resolve("sub/deeper/d.bin"), randomBytes(70_000, 2));

        assertThat(swift.run("upload", c, "tree").ok().lines()).containsExactlyInAnyOrder(
                "tree/a.txt", "tree/b.txt", "tree/sub/c.txt", "tree/sub/deeper/d.bin");

        assertThat(swift.run("list", c).ok().lines()).containsExactly(
                "tree/a.txt", "tree/b.txt", "tree/sub/c.txt", "tree/sub/deeper/d.bin");
        assertThat(swift.run("list", c, "--prefix", "tree/", "--delimiter", "/").ok().lines())
                .containsExactly("tree/a.txt", "tree/b.txt", "tree/sub/");
        assertThat(swift.run("list", c, "--prefix", "tree/sub/", "--delimiter", "/").ok().lines())
                .containsExactly("tree/sub/c.txt", "tree/sub/deeper/");
        assertThat(swift.run("list", c, "--prefix", "tree/s").ok().lines())
                .containsExactly("tree/sub/c.txt", "tree/sub/deeper/d.bin");
        assertThat(swift.run("list", c, "--prefix", "nothing/").ok().lines()).isEmpty();

        // the whole container back into another directory: every file identical
        swift.run("download", c, "-D", "back").ok();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path back = work.resolve("back").resolve(work.relativize(f));
                assertThat(back).exists();
                assertThat(Files.readAllBytes(back)).as(back.toString()).isEqualTo(Files.readAllBytes(f));
            }
        }
    }

    @Test
    void copyMakesAnIdenticalObjectInAnotherContainer() throws Exception {
        String src = container("copy-src");
        String dst = container("copy-dst");
        byte[] data = randomBytes(12_345, 3);
        Files.write(work.resolve("orig.dat"), data);
        swift.run("upload", src, "orig.dat", "-H", "X-Object-Meta-Origin:test").ok();

        Result copy = swift.run("copy", src, "orig.dat", "--destination", "/" + dst + "/copied.dat").ok();
        assertThat(copy.lines()).containsExactly(
                "created container " + dst,
                src + "/orig.dat copied to /" + dst + "/copied.dat");

        swift.run("download", dst, "copied.dat", "-o", "copied.out").ok();
        assertThat(Files.readAllBytes(work.resolve("copied.out"))).isEqualTo(data);
        assertThat(SwiftCli.statFields(swift.run("stat", dst, "copied.dat").ok().stdout()))
                .containsEntry("ETag", md5(data))
                .containsEntry("Content Length", "12345")
                .containsEntry("Meta Origin", "test");
        // the source is untouched
        assertThat(swift.run("list", src).ok().lines()).containsExactly("orig.dat");
    }

    @Test
    void objectMetadataIsPostedAndReadBackWithStat() throws Exception {
        String c = container("objmeta");
        Files.writeString(work.resolve("note.txt"), "a note\n");
        swift.run("upload", c, "note.txt").ok();

        assertThat(swift.run("post", c, "note.txt", "-m", "Owner:alice", "-m", "Flavor:vanilla").ok().stdout()).isEmpty();
        Map<String, String> stat = SwiftCli.statFields(swift.run("stat", c, "note.txt").ok().stdout());
        assertThat(stat)
                .containsEntry("Meta Owner", "alice")
                .containsEntry("Meta Flavor", "vanilla")
                .containsEntry("Content Type", "text/plain")
                .containsEntry("Content Length", "7")
                // a POST replaces all user metadata: the Mtime set by upload is gone
                .doesNotContainKey("Meta Mtime");

        swift.run("post", c, "note.txt", "-m", "Owner:bob").ok();
        assertThat(SwiftCli.statFields(swift.run("stat", c, "note.txt").ok().stdout()))
                .containsEntry("Meta Owner", "bob")
                .doesNotContainKey("Meta Flavor");
    }

    @Test
    void deleteRemovesObjectsThenTheContainer() throws Exception {
        String c = container("del");
        Files.writeString(work.resolve("one.txt"), "1");
        Files.writeString(work.resolve("two.txt"), "2");
        swift.run("upload", c, "one.txt", "two.txt").ok();

        assertThat(swift.run("delete", c, "one.txt").ok().lines()).containsExactly("one.txt");
        Result gone = swift.run("stat", c, "one.txt");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.stderr()).contains("Object HEAD failed: ").contains("/v1/AUTH_test/" + c + "/one.txt 404 Not Found");
        assertThat(swift.run("list", c).ok().lines()).containsExactly("two.txt");

        assertThat(swift.run("delete", c).ok().lines()).containsExactly("two.txt", c);
        Result noContainer = swift.run("stat", c);
        assertThat(noContainer.exitCode()).isEqualTo(1);
        assertThat(noContainer.stderr()).contains("Container '" + c + "' not found");
        assertThat(swift.run("list").ok().lines()).doesNotContain(c);
    }

    @Test
    void wrongKeyIsRefused() throws Exception {
        Result r = new SwiftCli(cluster.authUrl(), "test:tester", "wrong", work).run("stat");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("401 Unauthorized");
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String md5(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    }
}
