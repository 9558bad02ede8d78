package io.zerostore.deploy.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AllInOneLayoutTest {
    @Test
    void defaultPortsAreSwiftAllInOnePorts() {
        AllInOneLayout layout = new AllInOneLayout(Path.of("/srv/zs"), "127.0.0.1", 8080, 6000);
        assertThat(layout.port(1, ServerKind.OBJECT)).isEqualTo(6010);
        assertThat(layout.port(1, ServerKind.CONTAINER)).isEqualTo(6011);
        assertThat(layout.port(1, ServerKind.ACCOUNT)).isEqualTo(6012);
        assertThat(layout.port(2, ServerKind.OBJECT)).isEqualTo(6020);
        assertThat(layout.port(3, ServerKind.ACCOUNT)).isEqualTo(6032);
    }

    @Test
    void basePortMovesEveryNodePort() {
        AllInOneLayout layout = new AllInOneLayout(Path.of("/srv/zs"), "127.0.0.1", 8080, 20000);
        assertThat(layout.port(2, ServerKind.CONTAINER)).isEqualTo(20021);
    }

    @Test
    void pathsLiveUnderTheDataDirectory() {
        AllInOneLayout layout = new AllInOneLayout(Path.of("/srv/zs/./x/.."), "127.0.0.1", 8080, 6000);
        assertThat(layout.data()).isEqualTo(Path.of("/srv/zs"));
        assertThat(layout.nodeConf(2)).isEqualTo(Path.of("/srv/zs/etc/node2.conf"));
        assertThat(layout.ringFile(ServerKind.CONTAINER)).isEqualTo(Path.of("/srv/zs/etc/container.ring.gz"));
        assertThat(layout.devicesRoot(3)).isEqualTo(Path.of("/srv/zs/node3"));
        assertThat(layout.deviceName(3)).isEqualTo("d3");
        assertThat(layout.zone(3)).isEqualTo(3);
    }

    @Test
    void relativeDataBecomesAbsolute() {
        AllInOneLayout layout = new AllInOneLayout(Path.of("data"), "127.0.0.1", 8080, 6000);
        assertThat(layout.data().isAbsolute()).isTrue();
        assertThat(layout.data().getFileName()).isEqualTo(Path.of("data"));
    }

    @Test
    void clientsUseLoopbackWhenBoundToEveryInterface() {
        assertThat(new AllInOneLayout(Path.of("/d"), "0.0.0.0", 8080, 6000).authUrl())
                .isEqualTo("http://127.0.0.1:8080/auth/v1.0");
        assertThat(new AllInOneLayout(Path.of("/d"), "10.1.2.3", 9000, 6000).authUrl())
                .isEqualTo("http://10.1.2.3:9000/auth/v1.0");
        assertThat(new AllInOneLayout(Path.of("/d"), "::1", 9000, 6000).proxyUrl())
                .isEqualTo("http://[::1]:9000");
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertThatThrownBy(() -> new AllInOneLayout(Path.of("/d"), "127.0.0.1", 0, 6000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AllInOneLayout(Path.of("/d"), "127.0.0.1", 8080, 65510))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
