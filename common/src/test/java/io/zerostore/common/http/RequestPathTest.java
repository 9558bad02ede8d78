package io.zerostore.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestPathTest {
    @Test
    void decodesPathAndQuery() {
        RequestPath p = RequestPath.parse("/v1/AUTH_test/c/sp%20ace/%C3%BC?prefix=a%2Fb&format=json&x");
        assertThat(p.isPathValid()).isTrue();
        assertThat(p.path()).isEqualTo("/v1/AUTH_test/c/sp ace/ü");
        assertThat(p.param("prefix")).isEqualTo("a/b");
        assertThat(p.param("format")).isEqualTo("json");
        assertThat(p.hasParam("x")).isTrue();
    }

    @Test
    void rejectsBadUtf8AndNul() {
        assertThat(RequestPath.parse("/v1/a/c/%ff").isPathValid()).isFalse();
        assertThat(RequestPath.parse("/v1/a/c/%00").isPathValid()).isFalse();
        assertThat(RequestPath.parse("/v1/a/c?prefix=%ff").invalidParams()).containsExactly("prefix");
    }
}
