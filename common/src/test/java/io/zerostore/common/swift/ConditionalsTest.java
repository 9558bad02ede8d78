package io.zerostore.common.swift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** swob's conditional order and statuses, SWIFT-API.md §8. */
class ConditionalsTest {
    private static final String ETAG = "5eb63bbbe01eeed093cb22bb8f5acdc3";
    private static final long LM = 1795632300L; // Wed, 25 Nov 2026 18:45:00 GMT

    private static int eval(String ifMatch, String ifNoneMatch, String ims, String ius) {
        return Conditionals.evaluate(new Conditionals.Request(ifMatch, ifNoneMatch, ims, ius), ETAG, 200, LM);
    }

    @Test
    void etagConditions() {
        assertThat(eval(null, "*", null, null)).isEqualTo(304);
        assertThat(eval(null, "\"" + ETAG + "\"", null, null)).isEqualTo(304);
        assertThat(eval(null, "other, " + ETAG, null, null)).isEqualTo(304);
        assertThat(eval(null, "other", null, null)).isZero();
        assertThat(eval("other", null, null, null)).isEqualTo(412);
        assertThat(eval("*", null, null, null)).isZero();
        assertThat(eval("\"" + ETAG + "\"", null, null, null)).isZero();
        // If-None-Match is evaluated first
        assertThat(eval("other", ETAG, null, null)).isEqualTo(304);
    }

    @Test
    void missingObject() {
        Conditionals.Request star = new Conditionals.Request("*", null, null, null);
        assertThat(Conditionals.evaluate(star, null, 404, -1)).isEqualTo(412);
        Conditionals.Request some = new Conditionals.Request("abc", "*", "Wed, 25 Nov 2026 18:45:00 GMT", null);
        assertThat(Conditionals.evaluate(some, null, 404, -1)).isZero();
    }

    @Test
    void dateConditionsAtSecondGranularity() {
        assertThat(eval(null, null, "Wed, 25 Nov 2026 18:45:00 GMT", null)).isEqualTo(304);
        assertThat(eval(null, null, "Wed, 25 Nov 2026 18:44:59 GMT", null)).isZero();
        assertThat(eval(null, null, null, "Wed, 25 Nov 2026 18:44:59 GMT")).isEqualTo(412);
        assertThat(eval(null, null, null, "Wed, 25 Nov 2026 18:45:00 GMT")).isZero();
        assertThat(eval(null, null, "garbage", "also garbage")).isZero();
        // etag conditions come before dates
        assertThat(eval(ETAG, null, "Wed, 25 Nov 2026 18:45:00 GMT", null)).isEqualTo(304);
        assertThat(eval("nope", null, "Wed, 25 Nov 2026 18:45:00 GMT", null)).isEqualTo(412);
    }

    @Test
    void httpDatesInPythonParsedateForms() {
        assertThat(HttpDate.format(LM)).isEqualTo("Wed, 25 Nov 2026 18:45:00 GMT");
        assertThat(HttpDate.parse("Wed, 25 Nov 2026 18:45:00 GMT")).hasValue(LM);
        assertThat(HttpDate.parse("25 Nov 2026 18:45:00 GMT")).hasValue(LM);
        assertThat(HttpDate.parse("Wednesday, 25-Nov-26 18:45:00 GMT")).hasValue(LM);
        assertThat(HttpDate.parse("Wed Nov 25 18:45:00 2026")).hasValue(LM);
        assertThat(HttpDate.parse("Wed, 25 Nov 2026 18:45:00 +0200")).hasValue(LM);
        assertThat(HttpDate.parse("yesterday")).isEmpty();
        assertThat(HttpDate.parse("Wed, 31 Feb 2026 18:45:00 GMT")).isEmpty();
        assertThat(HttpDate.parse(null)).isEmpty();
    }
}
