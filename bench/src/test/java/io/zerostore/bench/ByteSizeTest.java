package io.zerostore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void parsesPlainAndBinarySuffixes() {
        assertThat(ByteSize.parse("0")).isZero();
        assertThat(ByteSize.parse("4096")).isEqualTo(4096);
        assertThat(ByteSize.parse("4KiB")).isEqualTo(4096);
        assertThat(ByteSize.parse("4k")).isEqualTo(4096);
        assertThat(ByteSize.parse("256MiB")).isEqualTo(256L << 20);
        assertThat(ByteSize.parse("2 GiB")).isEqualTo(2L << 30);
    }

    @Test
    void rejectsGarbageAndNegatives() {
        assertThatThrownBy(() -> ByteSize.parse("lots")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> ByteSize.parse("-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
