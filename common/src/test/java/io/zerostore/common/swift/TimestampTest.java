package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampTest {
    @Test
    void normalAndInternalForms() {
        Timestamp t = Timestamp.parse("1795632299.07834");
        assertThat(t.normal()).isEqualTo("1795632299.07834");
        assertThat(t.internal()).isEqualTo("1795632299.07834");
        assertThat(Timestamp.parse("1.0").normal()).isEqualTo("0000000001.00000");
        Timestamp o = Timestamp.parse("1402464677.04188_0000000000000001");
        assertThat(o.offset()).isEqualTo(1);
        assertThat(o.internal()).isEqualTo("1402464677.04188_0000000000000001");
        assertThat(o).isGreaterThan(Timestamp.parse("1402464677.04188"));
        assertThat(o).isLessThan(Timestamp.parse("1402464677.04189"));
    }

    @Test
    void lastModifiedIsCeilingAndListingHasSixDecimals() {
        Timestamp t = Timestamp.parse("1795632299.07834");
        assertThat(t.ceilSeconds()).isEqualTo(1795632300L);
        assertThat(Timestamp.parse("1795632299.00000").ceilSeconds()).isEqualTo(1795632299L);
        assertThat(t.isoListing()).isEqualTo("2026-11-25T18:44:59.078340");
        assertThat(Timestamp.parse("1795632299").isoListing()).endsWith(".000000");
    }

    @Test
    void nowIsStrictlyIncreasing() {
        Timestamp a = Timestamp.now();
        Timestamp b = Timestamp.now();
        assertThat(b).isGreaterThan(a);
    }

    @Test
    void rejectsNegativeAndGarbage() {
        assertThatThrownBy(() -> Timestamp.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Timestamp.parseOrNull("abc")).isNull();
    }
}
