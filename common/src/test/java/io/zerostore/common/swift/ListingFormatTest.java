package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListingFormatTest {
    @Test
    void formatParameterWinsOverAccept() {
        assertThat(ListingFormat.negotiate("json", "application/xml")).isEqualTo(ListingFormat.JSON);
        assertThat(ListingFormat.negotiate("XML", null)).isEqualTo(ListingFormat.XML);
        assertThat(ListingFormat.negotiate("foo", "application/json")).isEqualTo(ListingFormat.PLAIN);
        assertThat(ListingFormat.negotiate("", "application/json")).isEqualTo(ListingFormat.JSON);
    }

    @Test
    void acceptBestMatch() {
        assertThat(ListingFormat.negotiate(null, null)).isEqualTo(ListingFormat.PLAIN);
        assertThat(ListingFormat.negotiate(null, "*/*")).isEqualTo(ListingFormat.PLAIN);
        assertThat(ListingFormat.negotiate(null, "text/xml")).isEqualTo(ListingFormat.TEXT_XML);
        assertThat(ListingFormat.negotiate(null, "application/*")).isEqualTo(ListingFormat.JSON);
        assertThat(ListingFormat.negotiate(null, "text/plain;q=0.5, application/xml;q=0.9"))
                .isEqualTo(ListingFormat.XML);
        assertThat(ListingFormat.negotiate(null, "*/*;q=0.9, application/json;q=0.9"))
                .as("an exact range beats a wildcard of the same quality").isEqualTo(ListingFormat.JSON);
        assertThat(ListingFormat.JSON.contentType()).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void unacceptableAndInvalid() {
        assertThatThrownBy(() -> ListingFormat.negotiate(null, "image/png"))
                .isInstanceOfSatisfying(SwiftException.class, e -> assertThat(e.status()).isEqualTo(406));
        assertThatThrownBy(() -> ListingFormat.negotiate(null, "garbage"))
                .isInstanceOfSatisfying(SwiftException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body()).isEqualTo("Invalid Accept header");
                });
        assertThatThrownBy(() -> ListingFormat.negotiate(null, "text/plain;q=x"))
                .isInstanceOfSatisfying(SwiftException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
