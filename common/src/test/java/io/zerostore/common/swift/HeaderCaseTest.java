package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderCaseTest {
    private static String wire(String text, java.nio.charset.Charset cs) {
        return new String(text.getBytes(cs), StandardCharsets.ISO_8859_1);
    }

    @Test
    void titleCasesAsciiLettersLikeSwift() {
        assertThat(HeaderCase.title("x-object-meta-color")).isEqualTo("X-Object-Meta-Color");
        assertThat(HeaderCase.title("ETAG")).isEqualTo("Etag");
        assertThat(HeaderCase.title("x-container-meta-my2ndkey")).isEqualTo("X-Container-Meta-My2Ndkey");
        assertThat(HeaderCase.title("X-Object-Meta-Color")).isSameAs("X-Object-Meta-Color");
    }

    @Test
    void nonAsciiBytesAreUncasedAndKept() {
        // probed on Swift 2.30: a latin-1 "üml" comes back as byte FC then "Ml", a UTF-8 one as C3 BC "Ml"
        assertThat(HeaderCase.title(wire("x-object-meta-üml", StandardCharsets.ISO_8859_1)))
                .isEqualTo(wire("X-Object-Meta-üMl", StandardCharsets.ISO_8859_1));
        assertThat(HeaderCase.title(wire("x-object-meta-üml", StandardCharsets.UTF_8)))
                .isEqualTo(wire("X-Object-Meta-üMl", StandardCharsets.UTF_8));
        assertThat(HeaderCase.title(wire("x-account-meta-colör", StandardCharsets.UTF_8)))
                .isEqualTo(wire("X-Account-Meta-ColöR", StandardCharsets.UTF_8));
    }
}
