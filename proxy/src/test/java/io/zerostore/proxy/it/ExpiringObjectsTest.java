package io.zerostore.proxy.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.Ring;
import io.zerostore.common.swift.ExpiringObjects;
import io.zerostore.common.swift.HashPath;
import io.zerostore.node.expirer.ObjectExpirer;
import io.zerostore.proxy.testkit.SwiftClient;
import io.zerostore.proxy.testkit.TestCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * X-Delete-At end to end: the proxy names the queue container, the object servers write the
 * queue rows (and drop the old one when a POST moves the time), the nodes' expirers delete the
 * due objects from disk and from the listing and empty the queue.
 */
@Timeout(60)
class ExpiringObjectsTest {
    private static final HashPath HASH = new HashPath("test-prefix", "test-suffix");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestCluster cluster;
    private SwiftClient swift;

    @BeforeEach
    void start() throws Exception {
        cluster = TestCluster.start(3);
        swift = cluster.client().login("test:tester", "testing");
        assertThat(swift.call("PUT", "/c").status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void dueObjectsLeaveDiskListingAndQueue() throws Exception {
        long later = System.currentTimeMillis() / 1000 + 3600;
        long soon = System.currentTimeMillis() / 1000 + 2;
        long movedAt = soon;
        assertThat(put("short", "X-Delete-At", Long.toString(soon))).isEqualTo(201);
        assertThat(put("long", "X-Delete-At", Long.toString(later))).isEqualTo(201);
        assertThat(put("moved", "X-Delete-At", Long.toString(later))).isEqualTo(201);
        assertThat(swift.call("POST", "/c/moved", "X-Delete-At", Long.toString(movedAt)).status()).isEqualTo(202);
        assertThat(put("deleted", "X-Delete-At", Long.toString(later))).isEqualTo(201);
        assertThat(queueRows(later, "deleted")).allSatisfy(rows -> assertThat(rows).contains(row(later, "deleted")));
        assertThat(swift.call("DELETE", "/c/deleted").status()).isEqualTo(204);
        assertThat(queueRows(later, "deleted")).as("a client DELETE takes the row out of the queue")
                .allSatisfy(rows -> assertThat(rows).doesNotContain(row(later, "deleted")));

        // every queue replica has the rows; the POST replaced moved's row
        for (String o : List.of("short", "long", "moved")) {
            long at = o.equals("short") ? soon : o.equals("moved") ? movedAt : later;
            assertThat(queueRows(at, o)).as(o).allSatisfy(rows -> assertThat(rows).contains(row(at, o)));
        }
        assertThat(queueRows(later, "moved")).allSatisfy(rows -> assertThat(rows).doesNotContain(row(later, "moved")));

        while (System.currentTimeMillis() / 1000 < Math.max(soon, movedAt)) {
            Thread.sleep(100);
        }
        int expired = 0;
        for (TestCluster.Node n : cluster.nodes()) {
            expired += ObjectExpirer.of(n.storageNode()).orElseThrow().runOnce().expired();
        }
        assertThat(expired).isEqualTo(2);

        assertThat(dataFiles("short")).isEmpty();
        assertThat(dataFiles("moved")).isEmpty();
        assertThat(dataFiles("long")).hasSize(3);
        assertThat(swift.call("GET", "/c").text()).isEqualTo("long\n");
        assertThat(swift.call("HEAD", "/c").header("X-Container-Object-Count")).isEqualTo("1");
        assertThat(queueRows(soon, "short")).allSatisfy(rows -> assertThat(rows).isEmpty());
        assertThat(queueRows(later, "long")).allSatisfy(rows -> assertThat(rows).contains(row(later, "long")));
        assertThat(swift.call("GET", "/c/long").status()).isEqualTo(200);
    }

    @Test
    void aRowWhoseObjectChangedIsDroppedWithoutDeletingTheObject() throws Exception {
        long at = System.currentTimeMillis() / 1000 + 2;
        assertThat(put("o", "X-Delete-At", Long.toString(at))).isEqualTo(201);
        // overwritten without X-Delete-At: the object servers drop the row; put it back by hand, as
        // if one had not been able to (a stale row, as Swift leaves when its guess of the old row fails)
        assertThat(put("o")).isEqualTo(201);
        assertThat(queueRows(at, "o")).allSatisfy(rows -> assertThat(rows).doesNotContain(row(at, "o")));
        restoreQueueRow(at, "o");
        while (System.currentTimeMillis() / 1000 < at) {
            Thread.sleep(100);
        }
        int expired = 0;
        int stale = 0;
        for (TestCluster.Node n : cluster.nodes()) {
            ObjectExpirer.Pass pass = ObjectExpirer.of(n.storageNode()).orElseThrow().runOnce();
            expired += pass.expired();
            stale += pass.stale();
        }
        assertThat(expired).isZero();
        assertThat(stale).as("the X-If-Delete-At guard made the DELETE a no-op").isEqualTo(1);
        assertThat(swift.call("GET", "/c/o").status()).isEqualTo(200);
        assertThat(dataFiles("o")).hasSize(3);
        assertThat(queueRows(at, "o")).allSatisfy(rows -> assertThat(rows).isEmpty());
    }

    private int put(String name, String... headers) throws Exception {
        return swift.call("PUT", "/c/" + name, "data".getBytes(StandardCharsets.UTF_8), headers).status();
    }

    private static String row(long at, String object) {
        return ExpiringObjects.name(at, "AUTH_test", "c", object);
    }

    /** The row names of the object's queue container on each of its replicas. */
    private List<List<String>> queueRows(long at, String object) throws Exception {
        String qc = ExpiringObjects.container(at, HASH, "AUTH_test", "c", object);
        Ring ring = Ring.load(cluster.swiftDir().resolve("container.ring.gz"));
        int part = ring.partition(HASH.digest(ExpiringObjects.ACCOUNT, qc, null));
        List<List<String>> out = new ArrayList<>();
        for (Device d : ring.primaries(part)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + d.hostPort() + "/"
                    + d.device() + "/" + part + "/" + ExpiringObjects.ACCOUNT + "/" + qc + "?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> names = new ArrayList<>();
            if (r.statusCode() == 200) {
                for (JsonNode e : JSON.readTree(r.body())) {
                    names.add(e.get("name").asText());
                }
            }
            out.add(names);
        }
        return out;
    }

    /** Writes a queue row straight to the queue container's replicas, as an object server would. */
    private void restoreQueueRow(long at, String object) throws Exception {
        String qc = ExpiringObjects.container(at, HASH, "AUTH_test", "c", object);
        Ring ring = Ring.load(cluster.swiftDir().resolve("container.ring.gz"));
        int part = ring.partition(HASH.digest(ExpiringObjects.ACCOUNT, qc, null));
        String ts = String.format("%d.00000", System.currentTimeMillis() / 1000 + 1);
        for (Device d : ring.primaries(part)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + d.hostPort() + "/"
                    + d.device() + "/" + part + "/" + ExpiringObjects.ACCOUNT + "/" + qc + "/" + row(at, object)))
                    .header("X-Timestamp", ts).header("X-Size", "0").header("X-Content-Type", "text/plain")
                    .header("X-Etag", "d41d8cd98f00b204e9800998ecf8427e")
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(201);
        }
    }

    /** The object's .data files on all nodes' disks. */
    private List<Path> dataFiles(String object) throws Exception {
        String hash = HASH.hex("AUTH_test", "c", object);
        List<Path> out = new ArrayList<>();
        for (TestCluster.Node n : cluster.nodes()) {
            try (Stream<Path> s = Files.walk(n.deviceDir())) {
                s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals(hash))
                        .filter(p -> p.getFileName().toString().endsWith(".data")).forEach(out::add);
            }
        }
        return out;
    }
}
