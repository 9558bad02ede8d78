package io.zerostore.proxy.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.zerostore.common.swift.SwiftException;
import io.zerostore.common.swift.Timestamp;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConstraintsTest {
    private static HttpHeaders headers(String... kv) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (int i = 0; i < kv.length; i += 2) {
            h.add(kv[i], kv[i + 1]);
        }
        return h;
    }

    private static SwiftException error(Runnable r) {
        try {
            r.run();
        } catch (SwiftException e) {
            return e;
        }
        throw new AssertionError("no SwiftException");
    }

    @Test
    void metadataLimitsAnswerWithSwiftsPlainTextBodies() {
        SwiftException e = error(() -> Constraints.checkMetadata(
                headers("x-object-meta-" + "n".repeat(129), "v"), "object"));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.contentType()).isEqualTo("text/plain");
        assertThat(e.body()).isEqualTo("Metadata name too long: x-object-meta-N" + "n".repeat(128));

        e = error(() -> Constraints.checkMetadata(headers("X-Object-Meta-Color", "v".repeat(257)), "object"));
        assertThat(e.body()).isEqualTo("Metadata value longer than 256: x-object-meta-Color");

        HttpHeaders many = new DefaultHttpHeaders();
        for (int i = 0; i < 91; i++) {
            many.add("X-Container-Meta-K" + i, "v");
        }
        assertThat(error(() -> Constraints.checkMetadata(many, "container")).body())
                .isEqualTo("Too many metadata items; max 90");

        HttpHeaders big = new DefaultHttpHeaders();
        for (int i = 0; i < 20; i++) {
            big.add("X-Object-Meta-K" + i, "v".repeat(250));
        }
        assertThat(error(() -> Constraints.checkMetadata(big, "object")).body())
                .isEqualTo("Total metadata too large; max 4096");

        assertThat(error(() -> Constraints.checkMetadata(headers("X-Container-Meta-", "v"), "container")).body())
                .isEqualTo("Metadata name cannot be empty");
    }

    @Test
    void accountAndContainerMetadataMustBeUtf8ButObjectMetadataNeedNot() {
        String latin1OfBadUtf8 = new String(new byte[] {(byte) 0xff, (byte) 0xfe}, StandardCharsets.ISO_8859_1);
        String latin1OfUtf8 = new String("grün".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(error(() -> Constraints.checkMetadata(headers("X-Container-Meta-A", latin1OfBadUtf8), "container"))
                .body()).isEqualTo("Metadata must be valid UTF-8");
        assertThatCode(() -> Constraints.checkMetadata(headers("X-Container-Meta-A", latin1OfUtf8), "container"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Constraints.checkMetadata(headers("X-Object-Meta-A", latin1OfBadUtf8), "object"))
                .doesNotThrowAnyException();
    }

    @Test
    void metadataAtTheLimitsIsAccepted() {
        HttpHeaders h = new DefaultHttpHeaders();
        // 90 items, names of 128 bytes would exceed 4096 in total: 16 items of 128 + 128 bytes = 4096
        for (int i = 0; i < 16; i++) {
            String name = String.format("%03d", i) + "n".repeat(125);
            h.add("X-Object-Meta-" + name, "v".repeat(128));
        }
        assertThatCode(() -> Constraints.checkMetadata(h, "object")).doesNotThrowAnyException();
    }

    @Test
    void objectCreationNeedsALengthAndALegalName() {
        SwiftException e = error(() -> Constraints.checkObjectCreation(headers("Content-Type", "a/b"), "o"));
        assertThat(e.status()).isEqualTo(411);
        assertThat(e.body()).isEqualTo("Missing Content-Length header.");

        e = error(() -> Constraints.checkObjectCreation(
                headers("Content-Length", "5368709123", "Content-Type", "a/b"), "o"));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.body()).isEqualTo("Your request is too large.");

        e = error(() -> Constraints.checkObjectCreation(headers("Content-Length", "1", "Content-Type", "a/b"),
                "o".repeat(1025)));
        assertThat(e.body()).isEqualTo("Object name length of 1025 longer than 1024");

        e = error(() -> Constraints.checkObjectCreation(
                headers("Transfer-Encoding", "gzip", "Content-Type", "a/b"), "o"));
        assertThat(e.body()).isEqualTo("Invalid Transfer-Encoding header value");

        assertThatCode(() -> Constraints.checkObjectCreation(
                headers("Transfer-Encoding", "chunked", "Content-Type", "a/b"), "o".repeat(1024)))
                .doesNotThrowAnyException();
        // Swift (on Python 3) counts characters, not UTF-8 bytes (probed: 513 × ü is accepted)
        assertThatCode(() -> Constraints.checkObjectCreation(headers("Content-Length", "0", "Content-Type", "a/b"),
                "ü".repeat(1024))).doesNotThrowAnyException();
        assertThat(error(() -> Constraints.checkObjectCreation(headers("Content-Length", "0", "Content-Type", "a/b"),
                "ü".repeat(1025))).body()).isEqualTo("Object name length of 1025 longer than 1024");
    }

    @Test
    void swiftParametersInContentTypeAreReserved() {
        SwiftException e = error(() -> Constraints.checkContentTypeParams("text/plain; swift_bytes=3"));
        assertThat(e.body()).isEqualTo("Invalid Content-Type, swift_* is not a valid parameter name.");
        assertThat(e.contentType()).startsWith("text/html");
        assertThatCode(() -> Constraints.checkContentTypeParams("text/plain; charset=utf-8")).doesNotThrowAnyException();
    }

    @Test
    void deleteAfterBecomesDeleteAtAndThePastIsRefused() {
        Timestamp now = Timestamp.ofEpochSecond(1_700_000_000.5);
        HttpHeaders h = headers("X-Delete-After", "60");
        Constraints.checkDeleteHeaders(h, now);
        assertThat(h.get("X-Delete-At")).isEqualTo("1700000060");
        assertThat(h.contains("X-Delete-After")).isFalse();

        assertThat(error(() -> Constraints.checkDeleteHeaders(headers("X-Delete-At", "soon"), now)).body())
                .isEqualTo("Non-integer X-Delete-At");
        assertThat(error(() -> Constraints.checkDeleteHeaders(headers("X-Delete-At", "1600000000"), now)).body())
                .isEqualTo("X-Delete-At in past");
        assertThat(error(() -> Constraints.checkDeleteHeaders(headers("X-Delete-After", "-1"), now)).body())
                .isEqualTo("X-Delete-After in past");
        assertThat(error(() -> Constraints.checkDeleteHeaders(headers("X-Delete-After", "1.5"), now)).body())
                .isEqualTo("Non-integer X-Delete-After");
    }
}
