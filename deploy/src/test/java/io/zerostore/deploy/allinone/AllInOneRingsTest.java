package io.zerostore.deploy.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.ring.RingBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllInOneRingsTest {
    @TempDir
    Path dir;

    @Test
    void firstStartBuildsThreeRingsWithOneDevicePerNodeAndZone() throws Exception {
        AllInOneLayout layout = new AllInOneLayout(dir, "127.0.0.1", 8080, 6000);
        AllInOneRings.ensure(layout);

        Ring container = Ring.load(layout.ringFile(ServerKind.CONTAINER));
        assertThat(container.partPower()).isEqualTo(10);
        assertThat(container.replicaCount()).isEqualTo(3);
        assertThat(container.devices()).extracting(Device::device, Device::zone, Device::ip, Device::port)
                .containsExactlyInAnyOrder(
                        tuple("d1", 1, "127.0.0.1", 6011),
                        tuple("d2", 2, "127.0.0.1", 6021),
                        tuple("d3", 3, "127.0.0.1", 6031));
        for (int part = 0; part < container.partitionCount(); part++) {
            assertThat(container.primaries(part).stream().map(Device::zone).collect(Collectors.toSet()))
                    .as("zones of partition %d", part).hasSize(3);
        }
        assertThat(Ring.load(layout.ringFile(ServerKind.OBJECT)).devices()).extracting(Device::port)
                .containsExactlyInAnyOrder(6010, 6020, 6030);
        assertThat(Ring.load(layout.ringFile(ServerKind.ACCOUNT)).devices()).extracting(Device::port)
                .containsExactlyInAnyOrder(6012, 6022, 6032);

        RingBuilder builder = RingBuilder.load(AllInOneRings.builderFile(layout, ServerKind.OBJECT));
        assertThat(builder.minPartHours()).isEqualTo(1);
        assertThat(builder.devices()).hasSize(3);
    }

    @Test
    void laterStartsKeepTheRings() throws Exception {
        AllInOneLayout layout = new AllInOneLayout(dir, "127.0.0.1", 8080, 6000);
        AllInOneRings.ensure(layout);
        byte[] before = Files.readAllBytes(layout.ringFile(ServerKind.OBJECT));
        AllInOneRings.ensure(new AllInOneLayout(dir, "127.0.0.1", 9999, 6000));
        assertThat(Files.readAllBytes(layout.ringFile(ServerKind.OBJECT))).isEqualTo(before);
    }

    @Test
    void boundToEveryInterfaceTheRingNamesLoopback() throws Exception {
        AllInOneLayout layout = new AllInOneLayout(dir, "0.0.0.0", 8080, 6000);
        AllInOneRings.ensure(layout);
        assertThat(Ring.load(layout.ringFile(ServerKind.OBJECT)).devices()).extracting(Device::ip)
                .containsOnly("127.0.0.1");
    }

    @Test
    void aStartWithOtherNodePortsIsRefusedWithTheReason() throws Exception {
        AllInOneRings.ensure(new AllInOneLayout(dir, "127.0.0.1", 8080, 6000));
        assertThatThrownBy(() -> AllInOneRings.ensure(new AllInOneLayout(dir, "127.0.0.1", 8080, 7000)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("d1 at 127.0.0.1:6010")
                .hasMessageContaining("127.0.0.1:7010")
                .hasMessageContaining("--base-port");
    }
}
