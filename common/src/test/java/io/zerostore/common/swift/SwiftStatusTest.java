package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SwiftStatusTest {
    @Test
    void bodiesHaveSwiftsExactLengths() {
        // lengths probed on Swift 2.30
        assertThat(SwiftStatus.defaultBody(202)).hasSize(76);
        assertThat(SwiftStatus.defaultBody(400)).hasSize(137);
        assertThat(SwiftStatus.defaultBody(401)).hasSize(131);
        assertThat(SwiftStatus.defaultBody(404)).hasSize(70);
        assertThat(SwiftStatus.defaultBody(416)).hasSize(97);
        assertThat(SwiftStatus.defaultBody(422)).hasSize(93);
        assertThat(SwiftStatus.defaultBody(201)).isEmpty();
        assertThat(SwiftStatus.of(500).reasonPhrase()).isEqualTo("Internal Error");
    }
}
