package io.zerostore.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.common.config.Conf;
import io.zerostore.common.config.ConfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigTest {
    @TempDir
    Path dir;

    @Test
    void everyKeyHasADefaultButTheHashSecrets() throws Exception {
        ProxyConfig c = ProxyConfig.from(Conf.parse("[swift-hash]\nswift_hash_path_suffix = s\n"));
        assertThat(c.bindIp()).isEqualTo("127.0.0.1");
        assertThat(c.bindPort()).isEqualTo(8080);
        assertThat(c.nodeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.connTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.settings().requestNodeCount(3)).isEqualTo(6);
        assertThat(c.pipeline()).containsExactly("catch_errors", "gatekeeper", "healthcheck", "proxy_logging",
                "tempauth", "copy", "zerocloud?");
        assertThatThrownBy(() -> ProxyConfig.from(Conf.parse("[proxy-server]\nswift_dir = " + dir + "\n")))
                .isInstanceOf(ConfException.class).hasMessageContaining("swift-hash");
    }

    @Test
    void hashSecretsMayComeFromSwiftConf() throws Exception {
        Files.writeString(dir.resolve("swift.conf"), "[swift-hash]\nswift_hash_path_prefix = p\n");
        ProxyConfig c = ProxyConfig.from(Conf.parse("[DEFAULT]\nswift_dir = " + dir + "\n[app:proxy-server]\n"
                + "bind_port = 9999\nrequest_node_count = 4\n"));
        assertThat(c.bindPort()).isEqualTo(9999);
        assertThat(c.settings().requestNodeCount(3)).isEqualTo(4);
        assertThat(c.hashPath().hex("a", null, null)).hasSize(32);
    }

    @Test
    void catchErrorsAndGatekeeperAreAlwaysInFront() {
        assertThat(ProxyConfig.pipeline("tempauth proxy-server")).containsExactly("catch_errors", "gatekeeper", "tempauth");
        assertThat(ProxyConfig.pipeline("healthcheck catch_errors tempauth proxy-server"))
                .containsExactly("healthcheck", "catch_errors", "gatekeeper", "tempauth");
        assertThatThrownBy(() -> ProxyConfig.pipeline("proxy-server tempauth")).isInstanceOf(ConfException.class);
    }
}
