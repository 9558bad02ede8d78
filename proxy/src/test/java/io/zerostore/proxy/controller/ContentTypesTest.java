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

    /**
     * Expected values are Python 3.11's mimetypes.guess_type on Debian 12 (with /etc/mime.types),
     * i.e. what Swift 2.30 there stores, printed by python3 when this test was written.
     */
    @Test
    void matchesPythonOnDebianForEdgeCases() {
        check("a.json", "application/json");
        check("a.JSON", "application/json");
        check("a.xml", "application/xml");
        check("a.yaml", "application/octet-stream");
        check("a.c", "text/x-csrc");
        check("a.h", "text/x-chdr");
        check("a.sh", "text/x-sh");
        check("a.rar", "application/vnd.rar");
        check("a.py", "text/x-python");
        check("a.md", "text/markdown");
        check("a.svgz", "image/svg+xml");
        check("a.tar.gz", "application/x-tar");
        check("a.tar.Z", "application/x-tar");
        check("a.tar.GZ", "application/gzip");
        check("a.Tar.gz", "application/x-tar");
        check("a.tgz", "application/x-tar");
        check("a.TGZ", "application/x-tar");
        check("a.gz", "application/octet-stream");
        check("a.tar.bz2", "application/x-tar");
        check("a.zst", "application/zstd");
        check("a.br", "application/octet-stream");
        check("a.wasm", "application/wasm");
        check("a.ico", "image/vnd.microsoft.icon");
        check("a.exe", "application/x-msdos-program");
        check("a.rs", "application/rls-services+xml");
        check("a.ts", "text/vnd.trolltech.linguist");
        check("a.wav", "audio/x-wav");
        check("a.mid", "audio/sp-midi");
        check(".json", "application/octet-stream");
        check("..json", "application/octet-stream");
        check("dir.json/obj", "application/octet-stream");
        check("dir/.hidden", "application/octet-stream");
        check("x.", "application/octet-stream");
        check("noext", "application/octet-stream");
        check("data:text/x-foo,abc", "text/x-foo");
        check("data:foo,abc", "text/plain");
        check("data:;base64,xx", "text/plain");
        check("nocomma:text", "application/octet-stream");
        check("weird:name.json", "application/json");
        check("a.b:c", "application/octet-stream");
        check("DATA:image/png;base64,aaa", "image/png");
        check("a.JPG", "image/jpeg");
        check("a.asc", "application/pgp-keys");
    }

    private static void check(String name, String expected) {
        assertThat(ContentTypes.guess(name)).as(name).isEqualTo(expected);
    }
}
