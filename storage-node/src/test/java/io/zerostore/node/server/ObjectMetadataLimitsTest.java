package io.zerostore.node.server;

import static io.zerostore.node.testkit.TestTimes.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.node.testkit.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Metadata at Swift's limits (90 items, 4096 bytes of names plus values, values of 256 bytes)
 * round-trips on the file system that holds the project (target/), where ext4 without ea_inode
 * would refuse that much in xattrs; one byte or one item more is Swift's 400.
 */
@Timeout(60)
class ObjectMetadataLimitsTest {
    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** 14 items of 10-byte names with 256-byte values, 76 short ones: 90 items, exactly 4096 bytes. */
    static Map<String, String> atLimits() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < 14; i++) {
            m.put(String.format("Long-%05d", i), String.valueOf((char) ('a' + i)).repeat(256));
        }
        for (int i = 0; i < 76; i++) {
            m.put(String.format("M%02d", i), i < 68 ? "vv" : "v");
        }
        return m;
    }

    private static String[] headers(Map<String, String> meta, String ts) {
        List<String> h = new ArrayList<>(List.of("X-Timestamp", ts, "Content-Type", "a/b"));
        meta.forEach((k, v) -> {
            h.add("X-Object-Meta-" + k);
            h.add(v);
        });
        return h.toArray(String[]::new);
    }

    @Test
    void metadataAtSwiftLimitsRoundTrips() throws Exception {
        Map<String, String> meta = atLimits();
        assertThat(meta).hasSize(90);
        assertThat(meta.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum())
                .isEqualTo(4096);
        String fs = Files.getFileStore(node.devices).type();
        HttpResponse<byte[]> put = node.client.put("/d1/1/a/c/limits", "x".getBytes(), headers(meta, ts(1)));
        assertThat(put.statusCode()).as("PUT on %s", fs).isEqualTo(201);
        HttpResponse<byte[]> get = node.client.get("/d1/1/a/c/limits");
        assertThat(get.statusCode()).isEqualTo(200);
        meta.forEach((k, v) -> assertThat(get.headers().firstValue("X-Object-Meta-" + k)).as(k).hasValue(v));
        assertThat(get.headers().map().keySet().stream().filter(k -> k.toLowerCase().startsWith("x-object-meta-")))
                .hasSize(90);
        // and the same through POST, which lands in a .meta file
        HttpResponse<byte[]> post = node.client.post("/d1/1/a/c/limits", headers(meta, ts(2)));
        assertThat(post.statusCode()).isEqualTo(202);
        HttpResponse<byte[]> head = node.client.head("/d1/1/a/c/limits");
        meta.forEach((k, v) -> assertThat(head.headers().firstValue("X-Object-Meta-" + k)).as(k).hasValue(v));
    }

    @Test
    void overTheLimitsIsSwifts400() throws Exception {
        Map<String, String> tooMany = atLimits();
        tooMany.put("Zz", ""); // the JDK client sends headers sorted: make it the 91st
        expect400(tooMany, "Too many metadata items; max 90");
        Map<String, String> tooBig = atLimits();
        tooBig.put("M00", "vvv");
        expect400(tooBig, "Total metadata too large; max 4096");
        expect400(Map.of("N".repeat(129), "v"), "Metadata name too long: x-object-meta-N" + "n".repeat(128));
        expect400(Map.of("Big", "v".repeat(257)), "Metadata value longer than 256: x-object-meta-Big");
    }

    private static void expect400(Map<String, String> meta, String body) throws Exception {
        HttpResponse<byte[]> r = node.client.put("/d1/1/a/c/over", "x".getBytes(), headers(meta, ts(1)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body())).isEqualTo(body);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain");
    }
}
