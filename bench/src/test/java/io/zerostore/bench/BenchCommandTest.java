package io.zerostore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI end to end against the static responder: put writes names, get reads them, JSON comes out. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchCommandTest {

    @Test
    void putThenGetThroughTheCommandLine(@TempDir Path dir) throws Exception {
        try (StaticResponder responder = StaticResponder.start("127.0.0.1", 0, 4096, 1)) {
            String auth = "http://127.0.0.1:" + responder.port() + "/auth/v1.0";
            Path names = dir.resolve("names.txt");
            Path putJson = dir.resolve("put.json");
            Path getJson = dir.resolve("get.json");

            int put = new CommandLine(new BenchCommand()).execute("put", "-A", auth, "-c", "4", "-n", "200",
                "-d", "0", "--warmup", "0", "-s", "4KiB", "--names-out", names.toString(),
                "--json-out", putJson.toString(), "--label", "static");
            int get = new CommandLine(new BenchCommand()).execute("get", "-A", auth, "-c", "4", "-d", "0.5",
                "--warmup", "0", "--names-in", names.toString(), "--json-out", getJson.toString());

            assertThat(put).isZero();
            assertThat(get).isZero();
            assertThat(Files.readAllLines(names)).hasSize(200);
            ObjectMapper json = new ObjectMapper();
            JsonNode p = json.readTree(putJson.toFile());
            assertThat(p.get("workload").asText()).isEqualTo("put");
            assertThat(p.get("label").asText()).isEqualTo("static");
            assertThat(p.get("ops").asLong()).isEqualTo(200);
            assertThat(p.get("errors").asLong()).isZero();
            assertThat(p.get("objectSize").asLong()).isEqualTo(4096);
            JsonNode g = json.readTree(getJson.toFile());
            assertThat(g.get("ops").asLong()).isPositive();
            assertThat(g.get("opsPerSec").asDouble()).isPositive();
            assertThat(g.get("p99Ms").asDouble()).isGreaterThanOrEqualTo(g.get("p50Ms").asDouble());
        }
    }
}
