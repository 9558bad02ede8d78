package io.zerostore.proxy.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class HeadersTest {
    @Test
    void titleCasesLikePython() {
        assertThat(Headers.title("etag")).isEqualTo("Etag");
        assertThat(Headers.title("x-object-meta-color")).isEqualTo("X-Object-Meta-Color");
        assertThat(Headers.title("X-OPENSTACK-REQUEST-ID")).isEqualTo("X-Openstack-Request-Id");
        assertThat(Headers.title("x-object-meta-1abc_def")).isEqualTo("X-Object-Meta-1Abc_Def");
        assertThat(Headers.title("Content-Length")).isEqualTo("Content-Length");
    }

    @Test
    void backendGetsClientHeadersWithoutConnectionHeadersOrCredentials() {
        HttpHeaders client = new DefaultHttpHeaders();
        client.set("Host", "x").set("Content-Length", "5").set("X-Auth-Token", "AUTH_tk1")
                .set("X-Object-Meta-A", "b").set("Range", "bytes=0-1").set("Connection", "keep-alive");
        HttpHeaders b = Headers.forBackend(client);
        assertThat(b.names()).containsExactlyInAnyOrder("X-Object-Meta-A", "Range");
    }

    @Test
    void quorumAnswerDropsBackendBookkeepingAndQuotesFromEtags() {
        HttpHeaders backend = new DefaultHttpHeaders();
        backend.set("Etag", "\"abc\"").set("Content-Type", "text/plain").set("X-Put-Timestamp", "1")
                .set("Content-Length", "0").set("X-Object-Meta-A", "b");
        HttpHeaders h = Headers.fromQuorum(backend);
        assertThat(h.get("Etag")).isEqualTo("abc");
        assertThat(h.names()).containsExactlyInAnyOrder("Etag", "X-Object-Meta-A");
    }
}
