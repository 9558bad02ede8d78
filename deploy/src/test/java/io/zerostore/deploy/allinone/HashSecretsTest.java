package io.zerostore.deploy.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.common.config.Conf;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashSecretsTest {
    @TempDir
    Path dir;

    @Test
    void generatedOnceThenKept() throws Exception {
        Path conf = dir.resolve("etc/swift.conf");
        HashSecrets first = HashSecrets.loadOrCreate(conf);
        HashSecrets again = HashSecrets.loadOrCreate(conf);

        assertThat(again).isEqualTo(first);
        assertThat(first.prefix()).matches("[0-9a-f]{32}");
        assertThat(first.suffix()).matches("[0-9a-f]{32}").isNotEqualTo(first.prefix());
        var section = Conf.load(conf).section(HashSecrets.SECTION);
        assertThat(section.get(HashSecrets.PREFIX_KEY, "")).isEqualTo(first.prefix());
        assertThat(section.get(HashSecrets.SUFFIX_KEY, "")).isEqualTo(first.suffix());
    }

    @Test
    void eachClusterGetsItsOwnSecrets() throws Exception {
        HashSecrets a = HashSecrets.loadOrCreate(dir.resolve("a/swift.conf"));
        HashSecrets b = HashSecrets.loadOrCreate(dir.resolve("b/swift.conf"));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void keepsSecretsAnOperatorWrote() throws Exception {
        Path conf = dir.resolve("swift.conf");
        Files.writeString(conf, "[swift-hash]\nswift_hash_path_prefix = \nswift_hash_path_suffix = changeme\n");
        assertThat(HashSecrets.loadOrCreate(conf)).isEqualTo(new HashSecrets("", "changeme"));
    }

    @Test
    void refusesAFileWithoutSecrets() throws Exception {
        Path conf = dir.resolve("swift.conf");
        Files.writeString(conf, "[swift-hash]\n");
        assertThatThrownBy(() -> HashSecrets.loadOrCreate(conf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("swift_hash_path_prefix");
    }
}
