package io.zerostore.deploy.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zerostore.deploy.interop.Curl.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The all-in-one cluster driven by the real {@code curl}: TempAuth, ranges, conditional requests
 * and container listings in every format, asserted as OpenStack Swift 2.30 answers them.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CurlInteropTest {
    private static final String RFC1123_PAST = "Wed, 25 Nov 2015 19:13:05 GMT";
    private static final String LAST_MODIFIED_FORMAT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}";

    @TempDir
    static Path tmp;

    private static Cluster cluster;
    private static Curl curl;
    private static String token;
    private static String storageUrl;
    private static String container;
    private static String objectUrl;
    /** 500 bytes of "123456789101112...": easy to see which bytes a range returned. */
    private static byte[] body;
    private static String etag;
    private static String lastModified;

    @BeforeAll
    static void startClusterAndStoreAnObject() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        cluster = Cluster.start(tmp.resolve("data"));
        curl = new Curl(work);

        Response auth = curl.request(cluster.authUrl(), "-H", "X-Auth-User: test:tester", "-H", "X-Auth-Key: testing");
        assertThat(auth.status()).isEqualTo(200);
        token = auth.header("X-Auth-Token");
        storageUrl = auth.header("X-Storage-Url");
        assertThat(token).startsWith("AUTH_tk");
        assertThat(auth.header("X-Storage-Token")).isEqualTo(token);
        assertThat(storageUrl).endsWith("/v1/AUTH_test");

        container = "curl-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(curl.request(storageUrl + "/" + container, "-X", "PUT", "-H", "X-Auth-Token: " + token).status())
                .isEqualTo(201);
        StringBuilder digits = new StringBuilder();
        for (int i = 1; digits.length() < 500; i++) {
            digits.append(i);
        }
        body = digits.substring(0, 500).getBytes(StandardCharsets.US_ASCII);
        Path file = work.resolve("digits.txt");
        Files.write(file, body);
        objectUrl = storageUrl + "/" + container + "/digits.txt";
        Response put = curl.request(objectUrl, "-T", file.toString(), "-H", "X-Auth-Token: " + token);
        assertThat(put.status()).isEqualTo(201);
        etag = put.header("Etag");
        assertThat(etag).isEqualTo(SwiftCliInteropTest.md5(body));
        Response head = get("-I");
        lastModified = head.header("Last-Modified");
        assertThat(lastModified).endsWith(" GMT");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Response get(String... args) throws Exception {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "-H";
        all[args.length + 1] = "X-Auth-Token: " + token;
        return curl.request(objectUrl, all);
    }

    private static Response list(String query, String... headers) throws Exception {
        String[] args = new String[headers.length * 2 + 2];
        args[0] = "-H";
        args[1] = "X-Auth-Token: " + token;
        for (int i = 0; i < headers.length; i++) {
            args[2 + 2 * i] = "-H";
            args[3 + 2 * i] = headers[i];
        }
        return curl.request(storageUrl + "/" + container + query, args);
    }

    @Test
    void wholeObject() throws Exception {
        Response r = get();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.header("Content-Length")).isEqualTo("500");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
        assertThat(r.header("Etag")).isEqualTo(etag);
        assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(r.header("X-Timestamp")).matches("\\d{10}\\.\\d{5}");
        assertThat(r.header("X-Trans-Id")).isNotBlank();
    }

    @Test
    void singleRange() throws Exception {
        Response r = get("-H", "Range: bytes=10-19");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Content-Range")).isEqualTo("bytes 10-19/500");
        assertThat(r.header("Content-Length")).isEqualTo("10");
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(body, 10, 20));
    }

    @Test
    void suffixAndOpenEndedRanges() throws Exception {
        Response suffix = get("-H", "Range: bytes=-5");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes 495-499/500");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(body, 495, 500));

        Response open = get("-H", "Range: bytes=490-");
        assertThat(open.status()).isEqualTo(206);
        assertThat(open.header("Content-Range")).isEqualTo("bytes 490-499/500");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(body, 490, 500));
    }

    @Test
    void multipleRangesComeAsMultipartByteranges() throws Exception {
        Response r = get("-H", "Range: bytes=0-4,10-14");
        assertThat(r.status()).isEqualTo(206);
        String type = r.header("Content-Type");
        assertThat(type).startsWith("multipart/byteranges;boundary=");
        String boundary = type.substring(type.indexOf("boundary=") + "boundary=".length());
        String expected = "--" + boundary + "\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Range: bytes 0-4/500\r\n"
                + "\r\n"
                + "12345\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Range: bytes 10-14/500\r\n"
                + "\r\n"
                + "01112\r\n"
                + "--" + boundary + "--";
        assertThat(r.text()).isEqualTo(expected);
        assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(r.body().length));
    }

    @Test
    void unsatisfiableRangeIs416() throws Exception {
        Response r = get("-H", "Range: bytes=600-700");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header("Content-Range")).isEqualTo("bytes */500");
    }

    @Test
    void ifNoneMatchWithTheEtagIs304() throws Exception {
        Response quoted = get("-H", "If-None-Match: \"" + etag + "\"");
        assertThat(quoted.status()).isEqualTo(304);
        assertThat(quoted.body()).isEmpty();
        assertThat(quoted.header("Etag")).isEqualTo(etag);
        assertThat(get("-H", "If-None-Match: " + etag).status()).isEqualTo(304);
        assertThat(get("-H", "If-None-Match: \"something-else\"").status()).isEqualTo(200);
    }

    @Test
    void ifMatchMismatchIs412() throws Exception {
        Response r = get("-H", "If-Match: \"nope\"");
        assertThat(r.status()).isEqualTo(412);
        assertThat(r.header("Etag")).isEqualTo(etag);
        Response match = get("-H", "If-Match: \"" + etag + "\"");
        assertThat(match.status()).isEqualTo(200);
        assertThat(match.body()).isEqualTo(body);
    }

    @Test
    void ifModifiedSinceIs304UnlessChangedSince() throws Exception {
        Response same = get("-H", "If-Modified-Since: " + lastModified);
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        Response older = get("-H", "If-Modified-Since: " + RFC1123_PAST);
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.body()).isEqualTo(body);
        assertThat(get("-H", "If-Unmodified-Since: " + RFC1123_PAST).status()).isEqualTo(412);
    }

    @Test
    void listingAsJson() throws Exception {
        Response r = list("?format=json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.header("X-Container-Object-Count")).isEqualTo("1");
        assertThat(r.header("X-Container-Bytes-Used")).isEqualTo("500");
        JsonNode rows = new ObjectMapper().readTree(r.body());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.get("name").asText()).isEqualTo("digits.txt");
        assertThat(row.get("bytes").asLong()).isEqualTo(500);
        assertThat(row.get("hash").asText()).isEqualTo(etag);
        assertThat(row.get("content_type").asText()).isEqualTo("text/plain");
        assertThat(row.get("last_modified").asText()).matches(LAST_MODIFIED_FORMAT);

        Response viaAccept = list("", "Accept: application/json");
        assertThat(viaAccept.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(new ObjectMapper().readTree(viaAccept.body())).isEqualTo(rows);

        Response empty = list("?format=json&prefix=zzz");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.text()).isEqualTo("[]");
    }

    @Test
    void listingAsXml() throws Exception {
        Response r = list("?format=xml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(r.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"" + container + "\">");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body()));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("container");
        assertThat(root.getAttribute("name")).isEqualTo(container);
        NodeList objects = root.getElementsByTagName("object");
        assertThat(objects.getLength()).isEqualTo(1);
        Element object = (Element) objects.item(0);
        assertThat(text(object, "name")).isEqualTo("digits.txt");
        assertThat(text(object, "hash")).isEqualTo(etag);
        assertThat(text(object, "bytes")).isEqualTo("500");
        assertThat(text(object, "content_type")).isEqualTo("text/plain");
        assertThat(text(object, "last_modified")).matches(LAST_MODIFIED_FORMAT);

        Response empty = list("?format=xml&prefix=zzz");
        assertThat(empty.text()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<container name=\"" + container + "\" />");
    }

    @Test
    void listingAsPlainText() throws Exception {
        for (String query : List.of("", "?format=plain")) {
            Response r = list(query);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(r.text()).isEqualTo("digits.txt\n");
        }
        Response empty = list("?prefix=zzz");
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
