package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashPathTest {
    @Test
    void matchesSwiftProbedHash() {
        // probed on a Swift all-in-one: the object's directory has exactly this name
        HashPath hp = new HashPath("saio-anchor-prefix", "saio-anchor-suffix");
        assertThat(hp.hex("AUTH_test", "pc15008", "o1")).isEqualTo("56d2e027f75520167f20794bebe1f094");
        byte[] d = hp.digest("AUTH_test", "pc15008", "o1");
        assertThat((Byte.toUnsignedInt(d[0]) << 24 | Byte.toUnsignedInt(d[1]) << 16) >>> 24).isEqualTo(86);
    }
}
