package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpiringObjectsTest {
    private static final HashPath HASH = new HashPath("test-prefix", "test-suffix");

    @Test
    void containerIsSwiftsDayBucketMinusTheShardOfThePathHash() {
        // python: int(md5(b'test-prefix/AUTH_test/c/otest-suffix').hexdigest(), 16) % 100 == 6
        assertThat(ExpiringObjects.container(1795632387, HASH, "AUTH_test", "c", "o")).isEqualTo("1795564794");
    }

    @Test
    void entryNamesRoundTrip() {
        String name = ExpiringObjects.name(1795632387, "AUTH_test", "c", "dir/o-1");
        assertThat(name).isEqualTo("1795632387-AUTH_test/c/dir/o-1");
        ExpiringObjects.Entry e = ExpiringObjects.Entry.parse(name);
        assertThat(e).isEqualTo(new ExpiringObjects.Entry(1795632387, "AUTH_test", "c", "dir/o-1"));
        assertThat(e.name()).isEqualTo(name);
        assertThat(ExpiringObjects.Entry.parse("junk")).isNull();
        assertThat(ExpiringObjects.Entry.parse("12-a/c")).isNull();
        assertThat(ExpiringObjects.normalize(12)).isEqualTo("0000000012");
        assertThat(ExpiringObjects.parseDeleteAt("1795632387.7")).isEqualTo(1795632387);
        assertThat(ExpiringObjects.parseDeleteAt("soon")).isEqualTo(-1);
    }
}
