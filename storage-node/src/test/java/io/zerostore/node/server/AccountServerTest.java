package io.zerostore.node.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The account server over HTTP; expected bodies are the probed Swift 2.30 ones of SWIFT-API.md §6. */
@Timeout(60)
class AccountServerTest {
    static final String A = "/d1/3/AUTH_test";
    @TempDir
    Path tmp;
    DbServers s;

    @BeforeEach
    void start() throws Exception {
        s = new DbServers(tmp, Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private DbServers.Res row(String c, String put, String delete, long count, long bytes) throws Exception {
        return s.account("PUT", A + "/" + c, "X-Put-Timestamp", put, "X-Delete-Timestamp", delete,
                "X-Object-Count", Long.toString(count), "X-Bytes-Used", Long.toString(bytes));
    }

    @Test
    void accountListingFormatsAndStats() throws Exception {
        assertThat(s.account("PUT", A, "X-Timestamp", "1795629417.77839").status()).isEqualTo(201);
        assertThat(s.account("PUT", A, "X-Timestamp", "1795629417.77840").status()).isEqualTo(202);
        assertThat(row("c1", "1795632290.47416", "0000000000.00000", 0, 0).status()).isEqualTo(201);
        assertThat(row("c2", "1795632291.00000", "0", 3, 30).status()).isEqualTo(201);
        assertThat(row("pc-x", "1795632292.00000", "0", 2, 5).status()).isEqualTo(201);

        DbServers.Res head = s.account("HEAD", A);
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.header("X-Account-Container-Count")).isEqualTo("3");
        assertThat(head.header("X-Account-Object-Count")).isEqualTo("5");
        assertThat(head.header("X-Account-Bytes-Used")).isEqualTo("35");
        assertThat(head.header("X-Timestamp")).isEqualTo("1795629417.77839");
        assertThat(head.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");

        assertThat(s.account("GET", A + "?limit=1&format=json").body()).isEqualTo(
                "[{\"name\": \"c1\", \"count\": 0, \"bytes\": 0, \"last_modified\": \"2026-11-25T18:44:50.474160\"}]");
        assertThat(s.account("GET", A + "?limit=1", "Accept", "application/xml").body()).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_test\">\n<container><name>c1</name>"
                        + "<count>0</count><bytes>0</bytes><last_modified>2026-11-25T18:44:50.474160</last_modified>"
                        + "</container>\n</account>");
        assertThat(s.account("GET", A + "?delimiter=-&format=xml&marker=c1").body()).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_test\">\n<container><name>c2</name>"
                        + "<count>3</count><bytes>30</bytes><last_modified>2026-11-25T18:44:51.000000</last_modified>"
                        + "</container>\n<subdir name=\"pc-\" />\n</account>");
        assertThat(s.account("GET", A + "?delimiter=-&format=json&prefix=p").body()).isEqualTo("[{\"subdir\": \"pc-\"}]");
        assertThat(s.account("GET", A).body()).isEqualTo("c1\nc2\npc-x\n");
        assertThat(s.account("GET", A + "?reverse=1&end_marker=c1").body()).isEqualTo("pc-x\nc2\n");
        assertThat(s.account("GET", A + "?prefix=zz").status()).isEqualTo(204);
        assertThat(s.account("GET", A + "?prefix=zz&format=xml").body())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<account name=\"AUTH_test\">\n</account>");
        assertThat(s.account("GET", A + "?limit=10001").body()).isEqualTo("Maximum limit is 10000");
        assertThat(s.account("GET", A, "Accept", "text/html").status()).isEqualTo(406);
        assertThat(s.account("GET", A + "?end_marker=%C0").status()).isEqualTo(400);
    }

    @Test
    void containerRowsMerge() throws Exception {
        assertThat(row("c", "1795632290.00000", "0", 0, 0).status()).as("no account").isEqualTo(404);
        s.account("PUT", A, "X-Timestamp", "1795629417.00000");
        row("c", "1795632290.00000", "0", 4, 40);
        assertThat(row("c", "1795632290.00000", "1795632295.00000", 0, 0).status()).as("delete report").isEqualTo(204);
        assertThat(s.account("HEAD", A).header("X-Account-Container-Count")).isEqualTo("0");
        assertThat(s.account("GET", A).status()).isEqualTo(204);
        row("c", "1795632291.00000", "0", 0, 0); // older than the delete: still deleted
        assertThat(s.account("GET", A).status()).isEqualTo(204);
        row("c", "1795632299.00000", "0", 1, 2);
        assertThat(s.account("GET", A + "?format=json").body()).isEqualTo(
                "[{\"name\": \"c\", \"count\": 1, \"bytes\": 2, \"last_modified\": \"2026-11-25T18:44:59.000000\"}]");
        assertThat(s.account("PUT", A + "/c").status()).as("report without timestamps").isEqualTo(400);
        assertThat(s.account("PUT", A + "/c/o", "X-Timestamp", "1").status()).as("too many segments")
                .isEqualTo(400);
    }

    @Test
    void autoCreatedAccounts() throws Exception {
        assertThat(s.account("PUT", "/d1/3/.expiring_objects/c", "X-Put-Timestamp", "1795632290.00000",
                "X-Delete-Timestamp", "0", "X-Object-Count", "1", "X-Bytes-Used", "1").status()).isEqualTo(201);
        assertThat(s.account("GET", "/d1/3/.expiring_objects").body()).isEqualTo("c\n");
    }

    @Test
    void metadataDeleteAndRecentlyDeleted() throws Exception {
        assertThat(s.account("HEAD", A).status()).isEqualTo(404);
        assertThat(s.account("POST", A, "X-Timestamp", "1795629417.00000").status()).isEqualTo(404);
        s.account("PUT", A, "X-Timestamp", "1795629417.00000", "X-Account-Meta-Quota", "10");
        assertThat(s.account("POST", A, "X-Timestamp", "1795629418.00000", "X-Account-Meta-Color", "red",
                "X-Account-Meta-Quota", "").status()).isEqualTo(204);
        DbServers.Res head = s.account("HEAD", A);
        assertThat(head.header("X-Account-Meta-Color")).isEqualTo("red");
        assertThat(head.header("X-Account-Meta-Quota")).isNull();
        row("c", "1795632290.00000", "0", 1, 1);
        DbServers.Res del = s.account("DELETE", A, "X-Timestamp", "1795629419.00000");
        assertThat(del.status()).as("need not be empty").isEqualTo(204);
        assertThat(del.header("X-Account-Status")).isEqualTo("Deleted");
        DbServers.Res gone = s.account("GET", A);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("X-Account-Status")).isEqualTo("Deleted");
        // Swift's _deleted_response has an empty body (the proxy relays it as is)
        assertThat(gone.body()).isEmpty();
        assertThat(del.body()).isEmpty();
        DbServers.Res postGone = s.account("POST", A, "X-Timestamp", "1795629419.50000");
        assertThat(postGone.status()).isEqualTo(404);
        assertThat(postGone.body()).isEmpty();
        DbServers.Res again = s.account("PUT", A, "X-Timestamp", "1795629420.00000");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body()).isEqualTo("Recently deleted");
        assertThat(again.header("X-Account-Status")).isEqualTo("Deleted");
        assertThat(s.account("DELETE", A, "X-Timestamp", "1795629421.00000").header("X-Account-Status"))
                .isEqualTo("Deleted");
        assertThat(row("d", "1795632290.00000", "0", 0, 0).status()).isEqualTo(404);
        assertThat(s.account("DELETE", "/d1/3/AUTH_none", "X-Timestamp", "1").status()).isEqualTo(404);
    }

    @Test
    void accountsSurviveRestart() throws Exception {
        s.account("PUT", A, "X-Timestamp", "1795629417.00000", "X-Account-Meta-K", "v");
        row("c", "1795632290.00000", "0", 2, 9);
        s.restart();
        DbServers.Res head = s.account("HEAD", A);
        assertThat(head.header("X-Account-Object-Count")).isEqualTo("2");
        assertThat(head.header("X-Account-Bytes-Used")).isEqualTo("9");
        assertThat(head.header("X-Account-Meta-K")).isEqualTo("v");
        assertThat(s.account("GET", A).body()).isEqualTo("c\n");
    }
}
