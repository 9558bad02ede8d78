package io.zerostore.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfTest {
    @Test
    void sectionsInheritDefaultsAndParseTypes() {
        Conf c = Conf.parse("""
                # comment
                [DEFAULT]
                bind_ip = 127.0.0.1
                [app:proxy-server]
                bind_port = 8080
                node_timeout = 2.5
                account_autocreate = yes
                pipeline = catch_errors healthcheck
                    tempauth proxy-server
                """);
        ConfSection s = c.section("app:proxy-server");
        assertThat(s.get("bind_ip", "0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(s.getInt("bind_port", 0)).isEqualTo(8080);
        assertThat(s.getSeconds("node_timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.getBool("account_autocreate", false)).isTrue();
        assertThat(s.getList("pipeline", "")).containsExactly("catch_errors", "healthcheck", "tempauth", "proxy-server");
        assertThat(c.section("missing").getInt("x", 7)).isEqualTo(7);
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> Conf.parse("[a]\nnonsense\n")).hasMessageContaining(":2:");
        assertThatThrownBy(() -> Conf.parse("[a]\nport = x\n").section("a").getInt("port", 1))
                .hasMessageContaining("port");
    }
}
