package io.zerostore.sandbox.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledCacheTest {
    private static final String KEY = CompiledCache.key(new byte[] {1, 2, 3});

    @Test
    void classesRoundTripAndMissesAreNull(@TempDir Path dir) {
        CompiledCache cache = new CompiledCache(dir);
        assertThat(cache.read(KEY)).isNull();
        var classes = new ModuleCompiler.Classes("a.Main", Map.of("a.Main", new byte[] {9, 8}, "a.Other", new byte[] {7}));
        cache.write(KEY, classes);
        var back = cache.read(KEY);
        assertThat(back.mainClass()).isEqualTo("a.Main");
        assertThat(back.classes()).containsOnlyKeys("a.Main", "a.Other");
        assertThat(back.classes().get("a.Main")).containsExactly(9, 8);
        assertThat(dir.resolve(KEY + ".classes")).exists();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void truncatedOrForeignEntriesAreMisses(@TempDir Path dir) throws Exception {
        CompiledCache cache = new CompiledCache(dir);
        cache.write(KEY, new ModuleCompiler.Classes("a.Main", Map.of("a.Main", new byte[100])));
        Path f = dir.resolve(KEY + ".classes");
        byte[] whole = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length - 10));
        assertThat(cache.read(KEY)).isNull();
        whole[10] ^= 1; // inside the code generator's fingerprint: written by another version
        Files.write(f, whole);
        assertThat(cache.read(KEY)).isNull();
        Files.writeString(f, "not a cache entry");
        assertThat(cache.read(KEY)).isNull();
    }

    @Test
    void keysAreSha256OfTheBytes(@TempDir Path dir) {
        assertThat(CompiledCache.key(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThatThrownBy(() -> new CompiledCache(dir).read("../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
