package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.SwiftClient.Res;
import io.zerostore.proxy.testkit.TestCluster;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server-side copy (COPY and X-Copy-From) against a real cluster. */
@Timeout(120)
class CopyApiTest {
    static TestCluster cluster;
    static SwiftClient s;

    @BeforeAll
    static void start() throws Exception {
        cluster = TestCluster.start(3);
        s = cluster.client().login("test:tester", "testing");
        s.call("PUT", "/src");
        s.call("PUT", "/dst");
        assertThat(s.call("PUT", "/src/o", "source body".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/x-src", "X-Object-Meta-Kept", "1", "X-Object-Meta-Over", "old",
                "Content-Disposition", "attachment").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void copyMergesMetadataAndReportsTheSource() throws Exception {
        Res r = s.call("COPY", "/src/o", "Destination", "dst/copy", "X-Object-Meta-Over", "new");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("X-Copied-From")).isEqualTo("src/o");
        assertThat(r.header("X-Copied-From-Account")).isEqualTo("AUTH_test");
        assertThat(r.header("X-Copied-From-Last-Modified")).endsWith("GMT");
        assertThat(r.header("X-Object-Meta-Kept")).isEqualTo("1");
        Res got = s.call("GET", "/dst/copy");
        assertThat(got.text()).isEqualTo("source body");
        assertThat(got.header("Content-Type")).isEqualTo("text/x-src");
        assertThat(got.header("X-Object-Meta-Kept")).isEqualTo("1");
        assertThat(got.header("X-Object-Meta-Over")).isEqualTo("new");
        assertThat(got.header("Content-Disposition")).isEqualTo("attachment");
    }

    @Test
    void putWithCopyFromAndFreshMetadata() throws Exception {
        Res r = s.call("PUT", "/dst/fresh", new byte[0], "X-Copy-From", "/src/o", "X-Fresh-Metadata", "true",
                "X-Object-Meta-Only", "me", "Content-Type", "text/x-new");
        assertThat(r.status()).isEqualTo(201);
        Res got = s.call("GET", "/dst/fresh");
        assertThat(got.text()).isEqualTo("source body");
        assertThat(got.header("X-Object-Meta-Kept")).isNull();
        assertThat(got.header("X-Object-Meta-Only")).isEqualTo("me");
        assertThat(got.header("Content-Type")).isEqualTo("text/x-new");
    }

    @Test
    void copyErrorsAreSwifts() throws Exception {
        Res noDest = s.call("COPY", "/src/o");
        assertThat(noDest.status()).isEqualTo(412);
        assertThat(noDest.text()).isEqualTo("Destination header required");
        Res badDest = s.call("COPY", "/src/o", "Destination", "nocontainer");
        assertThat(badDest.status()).isEqualTo(412);
        assertThat(badDest.text()).isEqualTo("Destination header must be of the form <container name>/<object name>");
        assertThat(s.call("COPY", "/src/missing", "Destination", "dst/x").status()).isEqualTo(404);
        Res withBody = s.call("PUT", "/dst/b", "x".getBytes(StandardCharsets.UTF_8), "X-Copy-From", "src/o");
        assertThat(withBody.status()).isEqualTo(400);
        assertThat(withBody.text()).isEqualTo("Copy requests require a zero byte body");
        assertThat(s.call("COPY", "/src/o", "Destination", "nodst/x").status()).isEqualTo(404);
    }

    @Test
    void copyNeedsReadOnTheSourceAndWriteOnTheDestination() throws Exception {
        SwiftClient tester3 = cluster.client().login("test:tester3", "testing3");
        s.call("PUT", "/drop", "X-Container-Write", "test:tester3");
        assertThat(tester3.call("PUT", "/drop/x", new byte[0], "X-Copy-From", "src/o").status()).isEqualTo(403);
        s.call("POST", "/src", "X-Container-Read", "test:tester3");
        assertThat(tester3.call("PUT", "/drop/x", new byte[0], "X-Copy-From", "src/o").status()).isEqualTo(201);
        assertThat(s.call("GET", "/drop/x").text()).isEqualTo("source body");
    }
}
