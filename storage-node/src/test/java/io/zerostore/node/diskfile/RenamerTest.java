package io.zerostore.node.diskfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.node.testkit.TestDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Giving a staged file its name: missing levels made, rename replaces, link never does. */
class RenamerTest {
    private Path root;
    private Path hashDir;

    @BeforeEach
    void setUp() throws Exception {
        root = TestDirs.create("renamer");
        Files.createDirectories(root.resolve("sda/tmp"));
        hashDir = root.resolve("sda/objects/17/abc/0123456789abcdef0123456789abcabc");
    }

    @AfterEach
    void tearDown() {
        TestDirs.delete(root);
    }

    private Path staged(String text) throws IOException {
        Path p = Files.createTempFile(root.resolve("sda/tmp"), "tmp", "");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void renameMakesEveryMissingLevelAndMarksTheSuffixChanged() throws Exception {
        Path tmp = staged("v1");
        Renamer.rename(tmp, hashDir, "1.00000.data");
        assertThat(hashDir.resolve("1.00000.data")).hasContent("v1");
        assertThat(tmp).doesNotExist();
        assertThat(Files.readString(root.resolve("sda/objects/17/hashes.invalid"), StandardCharsets.US_ASCII))
                .contains("abc");
    }

    @Test
    void renameReplacesAFileOfTheSameName() throws Exception {
        Renamer.rename(staged("old"), hashDir, "1.00000.data");
        Renamer.rename(staged("new"), hashDir, "1.00000.data");
        assertThat(hashDir.resolve("1.00000.data")).hasContent("new");
    }

    @Test
    void renameAfterTheHashDirectoryVanishedMakesItAgain() throws Exception {
        Renamer.rename(staged("v1"), hashDir, "1.00000.ts");
        // what a tombstone reclaim does between one upload's mkdir and another's rename
        Files.delete(hashDir.resolve("1.00000.ts"));
        Files.delete(hashDir);
        Files.delete(hashDir.getParent());
        Renamer.rename(staged("v2"), hashDir, "2.00000.data");
        assertThat(hashDir.resolve("2.00000.data")).hasContent("v2");
    }

    @Test
    void linkNeverReplacesAndKeepsTheStagedNameForTheCaller() throws Exception {
        Path first = staged("first");
        assertThat(Renamer.link(first, hashDir, "1.00000.data")).isTrue();
        assertThat(first).exists();
        Path second = staged("second");
        assertThat(Renamer.link(second, hashDir, "1.00000.data")).isFalse();
        assertThat(hashDir.resolve("1.00000.data")).hasContent("first");
    }

    @Test
    void aMissingStagedFileIsAnError() throws Exception {
        Path gone = root.resolve("sda/tmp/never-written");
        assertThatThrownBy(() -> Renamer.rename(gone, hashDir, "1.00000.data"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("rename");
        assertThat(hashDir.resolve("1.00000.data")).doesNotExist();
    }
}
