package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.SwiftClient.Res;
import io.zerostore.proxy.testkit.TestCluster;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SmokeIT {
    @Test
    void putAndGet() throws Exception {
        try (TestCluster c = TestCluster.start(3)) {
            SwiftClient s = c.client().login("test:tester", "testing");
            Res r = s.call("PUT", "/c");
            System.out.println(r);
            assertThat(r.status()).isEqualTo(201);
            r = s.call("PUT", "/c/o.txt", "hello world".getBytes(StandardCharsets.UTF_8));
            System.out.println(r);
            assertThat(r.status()).isEqualTo(201);
            r = s.call("GET", "/c/o.txt");
            System.out.println(r);
            assertThat(r.text()).isEqualTo("hello world");
            r = s.call("GET", "/c");
            System.out.println(r);
            r = s.call("HEAD", "");
            System.out.println(r);
        }
    }
}
