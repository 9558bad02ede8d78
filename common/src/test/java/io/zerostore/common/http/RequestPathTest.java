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

    @Test
    void rawUtf8BytesInTheRequestLineDecodeLikeTheirEscapes() {
        // Netty hands the request line over one char per byte
        String raw = new String("/v1/a/c/ü☃?prefix=ü".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        RequestPath p = RequestPath.parse(raw);
        assertThat(p.isPathValid()).isTrue();
        assertThat(p.path()).isEqualTo("/v1/a/c/ü☃");
        assertThat(p.param("prefix")).isEqualTo("ü");
        assertThat(RequestPath.decode(raw.substring(0, raw.indexOf('?')) + "%E2%98%83", false))
                .isEqualTo("/v1/a/c/ü☃☃");
    }

    @Test
    void aNulIsRefusedInThePathButNotInAParameter() {
        RequestPath p = RequestPath.parse("/v1/a/c?prefix=%00&marker=a%00b");
        assertThat(p.invalidParams()).isEmpty();
        assertThat(p.param("prefix")).isEqualTo("\0");
        assertThat(p.param("marker")).isEqualTo("a\0b");
        assertThat(RequestPath.parse("/v1/a/c/x%00y").isPathValid()).isFalse();
    }
}
