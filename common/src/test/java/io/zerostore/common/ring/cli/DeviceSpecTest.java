package io.zerostore.common.ring.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zerostore.common.ring.RingBuilderException;
import org.junit.jupiter.api.Test;

class DeviceSpecTest {
  @Test
  void parsesSwiftsAddSyntax() {
    assertThat(DeviceSpec.parse("r1z1-127.0.0.1:6010/d1"))
        .isEqualTo(new DeviceSpec(1, 1, "127.0.0.1", 6010, "127.0.0.1", 6010, "d1", ""));
    assertThat(DeviceSpec.parse("z2-10.0.0.5:6200R10.1.0.5:6300/sdb1_rack 4"))
        .isEqualTo(new DeviceSpec(1, 2, "10.0.0.5", 6200, "10.1.0.5", 6300, "sdb1", "rack 4"));
    assertThat(DeviceSpec.parse("r3z12-[FE80::1]:6010R[::2]:6020/sdc"))
        .isEqualTo(new DeviceSpec(3, 12, "fe80::1", 6010, "::2", 6020, "sdc", ""));
    assertThat(DeviceSpec.parse("r1z1-storage-1.example:6010/d1").ip()).isEqualTo("storage-1.example");
  }

  @Test
  void rejectsMalformedValues() {
    for (String bad : new String[] {"", "r1-127.0.0.1:6010/d1", "r1z1127.0.0.1:6010/d1", "r1z1-127.0.0.1/d1",
        "r1z1-127.0.0.1:http/d1", "r1z1-127.0.0.1:6010", "r1z1-127.0.0.1:6010/", "r1z1-127.0.0.1:99999/d1", "rxz1-1:1/d"}) {
      assertThatThrownBy(() -> DeviceSpec.parse(bad)).as(bad).isInstanceOf(RingBuilderException.class);
    }
  }
}
