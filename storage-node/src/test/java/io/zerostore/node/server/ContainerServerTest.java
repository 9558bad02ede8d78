package io.zerostore.node.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The container server over HTTP; expected bodies are the probed Swift 2.30 ones of SWIFT-API.md §6. */
@Timeout(60)
class ContainerServerTest {
    static final String C = "/d1/7/AUTH_a/c";
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

    private DbServers.Res putObject(String name, String ts, long size, String ctype, String etag) throws Exception {
        return s.container("PUT", C + "/" + name, "X-Timestamp", ts, "X-Size", Long.toString(size),
                "X-Content-Type", ctype, "X-Etag", etag);
    }

    private DbServers.Res createContainer() throws Exception {
        return s.container("PUT", C, "X-Timestamp", "1795632298.98267");
    }

    private String list(String query) throws Exception {
        DbServers.Res r = s.container("GET", C + query);
        assertThat(r.status()).as(query).isIn(200, 204);
        return r.body();
    }

    @Test
    void createListHeadAndObjectRows() throws Exception {
        assertThat(createContainer().status()).isEqualTo(201);
        DbServers.Res again = s.container("PUT", C, "X-Timestamp", "1795632298.98268");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body()).isEqualTo("<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>");
        assertThat(putObject("b", "1795632339.13645", 5, "text/plain; charset=utf-8",
                "827ccb0eea8a706c4c34a16891f84e7b").status()).isEqualTo(201);
        assertThat(putObject("a/x", "1795632339.13646", 3, "text/plain", "e1").status()).isEqualTo(201);

        DbServers.Res head = s.container("HEAD", C);
        assertThat(head.status()).isEqualTo(204);
        assertThat(head.header("X-Container-Object-Count")).isEqualTo("2");
        assertThat(head.header("X-Container-Bytes-Used")).isEqualTo("8");
        assertThat(head.header("X-Timestamp")).isEqualTo("1795632298.98267");
        assertThat(head.header("X-PUT-Timestamp")).isEqualTo("1795632298.98268");
        assertThat(head.header("X-Backend-Timestamp")).isEqualTo("1795632298.98267");
        assertThat(head.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(head.header("Last-Modified")).isEqualTo("Wed, 25 Nov 2026 18:44:59 GMT");
        assertThat(head.header("Vary")).isEqualTo("Accept");

        DbServers.Res json = s.container("GET", C + "?format=json&delimiter=/");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(json.header("Vary")).isNull();
        assertThat(json.body()).isEqualTo("[{\"subdir\": \"a/\"}, {\"bytes\": 5, \"hash\": "
                + "\"827ccb0eea8a706c4c34a16891f84e7b\", \"name\": \"b\", \"content_type\": \"text/plain;charset=utf-8\", "
                + "\"last_modified\": \"2026-11-25T18:45:39.136450\"}]");
        DbServers.Res xml = s.container("GET", "/d1/7/AUTH_a/c?delimiter=/", "Accept", "application/xml");
        assertThat(xml.header("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(xml.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"c\">"
                + "<subdir name=\"a/\"><name>a/</name></subdir><object><name>b</name>"
                + "<hash>827ccb0eea8a706c4c34a16891f84e7b</hash><bytes>5</bytes>"
                + "<content_type>text/plain;charset=utf-8</content_type>"
                + "<last_modified>2026-11-25T18:45:39.136450</last_modified></object></container>");
        DbServers.Res plain = s.container("GET", C);
        assertThat(plain.body()).isEqualTo("a/x\nb\n");
        assertThat(plain.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");

        assertThat(s.container("DELETE", C + "/b", "X-Timestamp", "1795632340.00000").status()).isEqualTo(204);
        assertThat(s.container("HEAD", C).header("X-Container-Bytes-Used")).isEqualTo("3");
        assertThat(s.container("HEAD", C).header("X-Container-Object-Count")).isEqualTo("1");
    }

    @Test
    void emptyListings() throws Exception {
        createContainer();
        DbServers.Res plain = s.container("GET", C);
        assertThat(plain.status()).isEqualTo(204);
        assertThat(plain.bytes()).isEmpty();
        DbServers.Res json = s.container("GET", C + "?format=json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).isEqualTo("[]");
        DbServers.Res xml = s.container("GET", C, "Accept", "text/xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.header("Content-Type")).isEqualTo("text/xml; charset=utf-8");
        assertThat(xml.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"c\" />");
        putObject("o", "1795632339.00000", 1, "t", "e");
        assertThat(s.container("GET", C + "?limit=0").status()).isEqualTo(204);
    }

    @Test
    void listingParameters() throws Exception {
        createContainer();
        for (String n : new String[] {"a/b/c", "a/d", "b", "empty", "o1", "o2.json", "sp%20ace", "%C3%BC"}) {
            assertThat(putObject(n, "1795632339.00000", 1, "t", "e").status()).isEqualTo(201);
        }
        assertThat(list("")).isEqualTo("a/b/c\na/d\nb\nempty\no1\no2.json\nsp ace\n\u00fc\n");
        assertThat(list("?prefix=o")).isEqualTo("o1\no2.json\n");
        assertThat(list("?marker=b&end_marker=o2.json")).isEqualTo("empty\no1\n");
        assertThat(list("?limit=2")).isEqualTo("a/b/c\na/d\n");
        assertThat(list("?limit=-1")).as("ignored").startsWith("a/b/c\n").endsWith("\u00fc\n");
        assertThat(list("?limit=abc")).startsWith("a/b/c\n");
        assertThat(list("?delimiter=/")).isEqualTo("a/\nb\nempty\no1\no2.json\nsp ace\n\u00fc\n");
        assertThat(list("?delimiter=/&prefix=a/")).isEqualTo("a/b/\na/d\n");
        assertThat(list("?delimiter=.j")).as("multi-character").contains("o2.j\n");
        assertThat(list("?reverse=true&limit=3")).isEqualTo("\u00fc\nsp ace\no2.json\n");
        assertThat(list("?reverse=on&marker=empty&end_marker=a/b/c")).isEqualTo("b\na/d\n");
        assertThat(list("?reverse=no&limit=1")).isEqualTo("a/b/c\n");
        assertThat(list("?path=a")).isEqualTo("a/d\n");
        assertThat(list("?prefix=sp+a")).as("+ is a space").isEqualTo("sp ace\n");
        assertThat(list("?marker=o&marker=sp")).as("the last value counts").isEqualTo("sp ace\n\u00fc\n");
        assertThat(list("?prefix=%C3%BC&format=json")).contains("\"name\": \"\\u00fc\"");

        DbServers.Res over = s.container("GET", C + "?limit=10001");
        assertThat(over.status()).isEqualTo(412);
        assertThat(over.body()).isEqualTo("Maximum limit is 10000");
        assertThat(s.container("GET", C + "?limit=99999999999999999999").status()).isEqualTo(412);
        assertThat(list("?limit=10000")).startsWith("a/b/c");
        DbServers.Res badUtf8 = s.container("GET", C + "?prefix=%FF");
        assertThat(badUtf8.status()).isEqualTo(400);
        assertThat(badUtf8.body()).isEqualTo("\"prefix\" parameter not valid UTF-8");
        assertThat(badUtf8.header("Content-Type")).isEqualTo("text/plain");
        // a NUL is valid UTF-8 (Swift's get_param takes it): it matches no name
        assertThat(s.container("GET", C + "?prefix=%00").status()).isEqualTo(204);
    }

    @Test
    void acceptNegotiation() throws Exception {
        createContainer();
        putObject("o", "1795632339.00000", 1, "t", "e");
        assertThat(s.container("GET", C, "Accept", "application/json").header("Content-Type"))
                .isEqualTo("application/json; charset=utf-8");
        assertThat(s.container("GET", C, "Accept", "*/*").header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(s.container("GET", C + "?format=xml", "Accept", "application/json").header("Content-Type"))
                .isEqualTo("application/xml; charset=utf-8");
        assertThat(s.container("GET", C + "?format=foo").header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        DbServers.Res no = s.container("GET", C, "Accept", "image/png");
        assertThat(no.status()).isEqualTo(406);
        assertThat(no.body()).isEqualTo(
                "<html><h1>Not Acceptable</h1><p>The resource is not available in a format acceptable to your browser.</p></html>");
        assertThat(s.container("HEAD", C, "Accept", "image/png").status()).isEqualTo(406);
        DbServers.Res bad = s.container("GET", C, "Accept", "bogus");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("Invalid Accept header");
    }

    @Test
    void rowsMergeByTimestamp() throws Exception {
        createContainer();
        putObject("o", "1795632339.00002", 5, "text/new", "new");
        assertThat(putObject("o", "1795632339.00001", 7, "text/old", "old").status()).isEqualTo(201);
        assertThat(s.container("DELETE", C + "/o", "X-Timestamp", "1795632339.00001").status()).isEqualTo(204);
        assertThat(list("?format=json")).contains("\"bytes\": 5, \"hash\": \"new\"")
                .contains("\"content_type\": \"text/new\"").contains("\"last_modified\": \"2026-11-25T18:45:39.000020\"");
        s.container("DELETE", C + "/o", "X-Timestamp", "1795632339.00003");
        putObject("o", "1795632339.00002_0000000000000001", 9, "t", "e");
        assertThat(s.container("GET", C).status()).as("the tombstone is newer").isEqualTo(204);
        putObject("o", "1795632339.00003_0000000000000001", 9, "t", "e");
        assertThat(list("")).isEqualTo("o\n");
    }

    @Test
    void metadataAndPost() throws Exception {
        s.container("PUT", C, "X-Timestamp", "1795632298.00000", "X-Container-Meta-Color", "red",
                "X-Container-Read", ".r:*", "X-Container-Sysmeta-Owner", "me", "X-Other", "ignored");
        DbServers.Res post = s.container("POST", C, "X-Timestamp", "1795632299.50000", "X-Container-Meta-Color", "");
        assertThat(post.status()).isEqualTo(204);
        // UTF-8 bytes in a header value are stored as text and come back as the same bytes
        String utf8 = new String("caf\u00e9".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String raw = DbServers.raw(s.containerServer.port(), ("POST " + C + " HTTP/1.1\r\nHost: x\r\n"
                + "X-Timestamp: 1795632299.50000\r\nx-container-meta-name: " + utf8
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(raw).startsWith("HTTP/1.1 204");
        String headRaw = DbServers.raw(s.containerServer.port(), ("HEAD " + C + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(headRaw).contains("X-Container-Meta-Name: " + utf8 + "\r\n");
        String bad = new String(new byte[] {(byte) 0xff, (byte) 0xfe}, StandardCharsets.ISO_8859_1);
        assertThat(DbServers.raw(s.containerServer.port(), ("POST " + C + " HTTP/1.1\r\nHost: x\r\n"
                + "X-Timestamp: 1795632299.60000\r\nX-Container-Meta-Bad: " + bad
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)))
                .startsWith("HTTP/1.1 400").endsWith("Metadata must be valid UTF-8");
        // probed: Swift's container and account servers refuse a name with any non-ASCII byte, even UTF-8
        String utf8Name = new String("X-Container-Meta-Col\u00f6r".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        assertThat(DbServers.raw(s.containerServer.port(), ("POST " + C + " HTTP/1.1\r\nHost: x\r\n"
                + "X-Timestamp: 1795632299.70000\r\n" + utf8Name + ": v\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)))
                .startsWith("HTTP/1.1 400").endsWith("Metadata must be valid UTF-8");
        s.container("POST", C, "X-Timestamp", "1795632299.00000", "X-Container-Meta-Color", "stale");
        DbServers.Res head = s.container("HEAD", C);
        assertThat(head.header("X-Container-Meta-Color")).isNull();
        assertThat(head.header("X-Container-Read")).isEqualTo(".r:*");
        assertThat(head.header("X-Container-Sysmeta-Owner")).isEqualTo("me");
        assertThat(head.header("X-Other")).isNull();
        assertThat(head.header("Last-Modified")).as("POST moves Last-Modified").isEqualTo("Wed, 25 Nov 2026 18:45:00 GMT");
        assertThat(s.container("POST", "/d1/7/AUTH_a/nope", "X-Timestamp", "1795632299.00000").status()).isEqualTo(404);
        DbServers.Res tooMany = s.container("POST", C, "X-Timestamp", "1795632300.00000",
                "X-Container-Meta-Big", "x".repeat(4097));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).isEqualTo("Total metadata too large; max 4096");
    }

    @Test
    void deleteAndMissing() throws Exception {
        assertThat(s.container("HEAD", C).status()).isEqualTo(404);
        assertThat(s.container("GET", C).status()).isEqualTo(404);
        assertThat(s.container("DELETE", C, "X-Timestamp", "1795632299.00000").status()).isEqualTo(404);
        assertThat(putObject("o", "1795632339.00000", 1, "t", "e").status()).as("row without container").isEqualTo(404);
        createContainer();
        putObject("o", "1795632339.00000", 1, "t", "e");
        DbServers.Res conflict = s.container("DELETE", C, "X-Timestamp", "1795632340.00000");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).isEqualTo(
                "<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>");
        s.container("DELETE", C + "/o", "X-Timestamp", "1795632340.00000");
        assertThat(s.container("DELETE", C, "X-Timestamp", "1795632341.00000").status()).isEqualTo(204);
        DbServers.Res gone = s.container("HEAD", C);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("X-Backend-Timestamp")).isEqualTo("1795632298.98267");
        assertThat(gone.header("X-Backend-DELETE-Timestamp")).isEqualTo("1795632341.00000");
        assertThat(gone.header("X-Container-Object-Count")).isNull();
        assertThat(s.container("GET", C + "?format=json").status()).isEqualTo(404);
        assertThat(s.container("DELETE", C, "X-Timestamp", "1795632342.00000").status()).isEqualTo(404);
        assertThat(s.container("PUT", C, "X-Timestamp", "1795632300.00000").status()).as("older than the delete")
                .isEqualTo(409);
        assertThat(s.container("PUT", C, "X-Timestamp", "1795632343.00000").status()).isEqualTo(201);
        assertThat(s.container("GET", C).status()).isEqualTo(204);
    }

    @Test
    void badRequests() throws Exception {
        DbServers.Res noTs = s.container("PUT", C);
        assertThat(noTs.status()).isEqualTo(400);
        assertThat(noTs.body()).isEqualTo("Missing X-Timestamp header");
        assertThat(noTs.header("Content-Type")).isEqualTo("text/plain");
        assertThat(s.container("PUT", C, "X-Timestamp", "abc").body()).isEqualTo("Invalid X-Timestamp header");
        DbServers.Res part = s.container("GET", "/d1/x7/AUTH_a/c");
        assertThat(part.status()).isEqualTo(400);
        assertThat(part.body()).isEqualTo("Invalid partition: x7");
        assertThat(s.container("GET", "/d1/7/AUTH_a").body()).isEqualTo("Invalid path: /d1/7/AUTH_a");
        assertThat(s.container("GET", C + "/o").status()).as("GET of an object path").isEqualTo(400);
        assertThat(s.container("PATCH", C).status()).isEqualTo(405);
        assertThat(s.container("HEAD", "/d1/7/AUTH_a/%FF").status()).isEqualTo(412);
        createContainer();
        assertThat(s.container("PUT", C + "/o", "X-Timestamp", "1795632339.00000").status())
                .as("row without X-Size").isEqualTo(400);
        DbServers.Res missingDrive = s.container("PUT", "/d9/7/AUTH_a/c", "X-Timestamp", "1795632339.00000");
        assertThat(missingDrive.status()).isEqualTo(507);
        assertThat(missingDrive.body()).isEqualTo("<html><h1>Insufficient Storage</h1><p>There was not enough space "
                + "to save the resource. Drive: d9</p></html>");
        Files.writeString(tmp.resolve("file"), "not a device");
        assertThat(s.container("HEAD", "/file/7/AUTH_a/c").status()).isEqualTo(507);
        assertThat(s.container("GET", "/healthcheck").body()).isEqualTo("OK");
    }

    @Test
    void rowsSurviveRestart() throws Exception {
        createContainer();
        s.container("POST", C, "X-Timestamp", "1795632299.00000", "X-Container-Meta-K", "v");
        putObject("o1", "1795632339.00000", 3, "t", "e1");
        putObject("o2", "1795632339.00000", 4, "t", "e2");
        s.container("DELETE", C + "/o2", "X-Timestamp", "1795632340.00000");
        s.restart();
        DbServers.Res head = s.container("HEAD", C);
        assertThat(head.header("X-Container-Object-Count")).isEqualTo("1");
        assertThat(head.header("X-Container-Bytes-Used")).isEqualTo("3");
        assertThat(head.header("X-Container-Meta-K")).isEqualTo("v");
        assertThat(list("")).isEqualTo("o1\n");
    }
}
