package io.zerostore.node.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ContainerServerTest {
    @TempDir
    Path tmp;
    DbServers s;

    @BeforeEach
    void start() throws Exception {
        s = new DbServers(tmp, Duration.ofMillis(200), "d1");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private DbServers.Res putObject(String name, String ts, long size, String ctype, String etag) throws Exception {
        return s.container("PUT", "/d1/7/AUTH_a/c/" + name, "X-Timestamp", ts, "X-Size", Long.toString(size),
                "X-Content-Type", ctype, "X-Etag", etag);
    }

    @Test
    void createListHeadAndObjectRows() throws Exception {
        assertThat(s.container("PUT", "/d1/7/AUTH_a/c", "X-Timestamp", "1795632298.98267").status()).isEqualTo(201);
        assertThat(s.container("PUT", "/d1/7/AUTH_a/c", "X-Timestamp", "1795632298.98268").status()).isEqualTo(202);
        assertThat(putObject("b", "1795632339.13645", 5, "text/plain; charset=utf-8",
                "827ccb0eea8a706c4c34a16891f84e7b").status()).isEqualTo(201);
        assertThat(putObject("a/x", "1795632339.13646", 3, "text/plain", "e1").status()).isEqualTo(201);

        DbServers.Res head = s.container("HEAD", "/d1/7/AUTH_a/c");
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.header("X-Container-Object-Count")).isEqualTo("2");
        assertThat(head.header("X-Container-Bytes-Used")).isEqualTo("8");
        assertThat(head.header("X-Timestamp")).isEqualTo("1795632298.98267");
        assertThat(head.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(head.header("Last-Modified")).isEqualTo("Wed, 25 Nov 2026 18:44:59 GMT");

        DbServers.Res json = s.container("GET", "/d1/7/AUTH_a/c?format=json&delimiter=/");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(json.header("Vary")).isNull();
        assertThat(json.body()).isEqualTo("[{\"subdir\": \"a/\"}, {\"bytes\": 5, \"hash\": "
                + "\"827ccb0eea8a706c4c34a16891f84e7b\", \"name\": \"b\", \"content_type\": \"text/plain;charset=utf-8\", "
                + "\"last_modified\": \"2026-11-25T18:45:39.136450\"}]");
        DbServers.Res plain = s.container("GET", "/d1/7/AUTH_a/c");
        assertThat(plain.body()).isEqualTo("a/x\nb\n");
        assertThat(plain.header("Vary")).isEqualTo("Accept");

        assertThat(s.container("DELETE", "/d1/7/AUTH_a/c/b", "X-Timestamp", "1795632340.00000").status()).isEqualTo(204);
        assertThat(s.container("HEAD", "/d1/7/AUTH_a/c").header("X-Container-Bytes-Used")).isEqualTo("3");
    }
}
