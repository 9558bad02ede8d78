package io.zerostore.proxy.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {
    @Test
    void guessesFromTheExtensionLikePythonMimetypes() {
        assertThat(ContentTypes.guess("o2.json")).isEqualTo("application/json");
        assertThat(ContentTypes.guess("dir/pic.png")).isEqualTo("image/png");
        assertThat(ContentTypes.guess("PIC.PNG")).isEqualTo("image/png");
        assertThat(ContentTypes.guess("prog.wasm")).isEqualTo("application/wasm");
        assertThat(ContentTypes.guess("a.txt")).isEqualTo("text/plain");
        assertThat(ContentTypes.guess("index.html")).isEqualTo("text/html");
        assertThat(ContentTypes.guess("backup.tar.gz")).isEqualTo("application/x-tar");
        assertThat(ContentTypes.guess("backup.tgz")).isEqualTo("application/x-tar");
    }

    @Test
    void unknownOrMissingExtensionIsOctetStream() {
        assertThat(ContentTypes.guess("noext")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.guess("a.unknownext")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.guess(".json")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.guess("x.gz")).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.guess("dir.d/")).isEqualTo("application/octet-stream");
    }
}
